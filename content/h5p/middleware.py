"""Headers for the files the sandboxed H5P player loads.

The player has an opaque origin ("null"), so its fetch() of h5p.json/content.json/library.json
and its @font-face loads are cross-origin requests: they need `Access-Control-Allow-Origin: *`.
These files are public and no credentials are ever sent with them. Extracted package files
also get a sandboxing CSP, so an SVG or other document opened directly cannot run script in
the site's origin. Production web servers serving /media/ themselves must add the same
headers (see docs/h5p.md)."""

from django.conf import settings

PACKAGE_FILES_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self'"


def asset_headers(path):
    """The extra headers for a request path ({} for anything not H5P)."""
    if path.startswith(f"{settings.MEDIA_URL}h5p/"):
        return {
            "Access-Control-Allow-Origin": "*",
            "Content-Security-Policy": PACKAGE_FILES_CSP,
            "Cross-Origin-Resource-Policy": "cross-origin",
        }
    if path.startswith(f"{settings.STATIC_URL}vendor/h5p-standalone/"):
        return {"Access-Control-Allow-Origin": "*"}
    return {}


class H5PAssetHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in asset_headers(request.path).items():
            response[name] = value
        return response


def wrap_wsgi(application):
    """The same headers around a WSGI app that bypasses Django's middleware (the test
    server's static and media handlers)."""

    def wrapped(environ, start_response):
        extra = asset_headers(environ.get("PATH_INFO", ""))

        def start(status, headers, exc_info=None):
            if extra:
                names = {name.lower() for name in extra}
                headers = [(k, v) for k, v in headers if k.lower() not in names]
                headers += list(extra.items())
            return start_response(status, headers, exc_info)

        return application(environ, start)

    return wrapped
