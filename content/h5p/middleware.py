"""Headers for the files the sandboxed H5P player loads.

The player has an opaque origin ("null"), so its fetch() of h5p.json/content.json/library.json
and its @font-face loads are cross-origin requests: they need `Access-Control-Allow-Origin: *`.
These files are public and no credentials are ever sent with them. Extracted package files
also get a sandboxing CSP, so an SVG or other document opened directly cannot run script in
the site's origin. Production web servers serving /media/ themselves must add the same
headers (see docs/h5p.md)."""

from django.conf import settings

PACKAGE_FILES_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self'"


class H5PAssetHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.media_prefix = f"{settings.MEDIA_URL}h5p/"
        self.static_prefix = f"{settings.STATIC_URL}vendor/h5p-standalone/"

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path
        if path.startswith(self.media_prefix):
            response["Access-Control-Allow-Origin"] = "*"
            response["Content-Security-Policy"] = PACKAGE_FILES_CSP
            response["Cross-Origin-Resource-Policy"] = "cross-origin"
        elif path.startswith(self.static_prefix):
            response["Access-Control-Allow-Origin"] = "*"
        return response
