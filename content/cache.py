"""Page cache for anonymous visitors, in the site's cache (local memory, or Redis in production).

How a page gets in: an anonymous GET (no session or messages cookie) whose response is a 200
HTML page that sets no cookie, used no CSRF token and is not marked private/no-store. A hit
is answered before the session, locale, authentication and page-serving middleware, so it
costs no SQL query. See docs/page-cache.md.

How it gets out: entries are keyed by a *generation token* of their path and one of the whole
site. Purging a path (all its query strings) or the site is writing a new token; old entries
are never read again and expire on their own. A missing token (evicted, or a cache restart)
is replaced by a new one, so a lost token never brings back a stale page.

Marking something uncacheable: decorate the view (or the routable page's route method, or a
helper that returns its response) with ``@uncacheable``; for a whole page type set
``page_cache = False`` on the model. A response that uses a CSRF token or sets a cookie is
never stored anyway, but say it explicitly wherever a page holds a form or personal data.
"""

import functools
import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, cc_delim_re, get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

SITE_TOKEN = "pagecache:site"
# Cookies that make a response personal: a session (editors, a visitor's form state) or a
# pending flash message. A CSRF cookie alone does not: the pages cached carry no token.
BYPASS_COOKIES = ("messages",)
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
HIT_HEADER = "X-Page-Cache"


def uncacheable(view):
    """Never cache what ``view`` returns, here or in a browser or proxy (Cache-Control:
    private, no-store). Works on view functions, methods and helpers returning a response."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        response = view(*args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapped


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def timeout():
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 300)


def _path_token_key(path):
    return "pagecache:path:" + hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()


def _tokens(cache, path):
    """The site's and the path's generation tokens (one round trip), created when missing."""
    keys = [SITE_TOKEN, _path_token_key(path)]
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            token = uuid.uuid4().hex
            # add(): two processes racing on a missing token agree on the first one written.
            if not cache.add(key, token, None):
                token = cache.get(key) or token
        tokens.append(token)
    return tokens


def _entry_key(request, tokens):
    gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    raw = "|".join(
        [
            *tokens,
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            "gz" if gzip else "",
        ]
    )
    return "pagecache:entry:" + hashlib.sha256(raw.encode()).hexdigest()


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD") or timeout() <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if any(name in request.COOKIES for name in BYPASS_COOKIES):
        return False
    return not request.path.startswith(getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", ()))


def response_is_cacheable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if getattr(request, "page_cache_disabled", False):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # a CSRF token or another cookie: this response belongs to one visitor
    directives = {
        d.split("=")[0].strip().lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & UNCACHEABLE_DIRECTIVES


class PageCacheMiddleware:
    """Serves and stores anonymous pages. Place it after WhiteNoise and before GZip, CSP and
    everything that touches the database (see site/settings/base.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        cache = page_cache()
        try:
            key = _entry_key(request, _tokens(cache, request.path))
        except DisallowedHost:
            return self.get_response(request)
        entry = cache.get(key)
        if entry is not None and _owner_is_current(cache, entry):
            return self.from_entry(request, entry)
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            response.headers.setdefault("Last-Modified", http_date(time.time()))
            response.headers.setdefault("Cache-Control", "max-age=0, must-revalidate")
            cache.set(key, self.to_entry(cache, request, response), timeout())
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def to_entry(cache, request, response):
        headers = [(k, v) for k, v in response.headers.items() if k.lower() != "set-cookie"]
        # A sub-URL of a routable page (a kit, classroom mode) is purged with its page: the
        # entry remembers the page's path and token at the time it was stored.
        owner = getattr(request, "page_cache_owner", None)
        owner_token = None
        if owner and owner != request.path:
            owner_token = _tokens(cache, owner)[1]
        else:
            owner = None
        return (response.status_code, headers, response.content, owner, owner_token)

    @staticmethod
    def from_entry(request, entry):
        status, headers, content = entry[:3]
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        response[HIT_HEADER] = "hit"
        # A revisit with a matching ETag or a later If-Modified-Since gets a 304.
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )


def _owner_is_current(cache, entry):
    owner, token = entry[3], entry[4]
    return owner is None or cache.get(_path_token_key(owner)) == token


# --- Purging.


def purge_paths(paths):
    """Every cached variant (query strings, encodings, hosts) of these URL paths."""
    paths = {p for p in paths if p}
    if not paths:
        return
    page_cache().set_many({_path_token_key(p): uuid.uuid4().hex for p in paths}, None)


def purge_site():
    """Every cached page: for what every page shows (menu, footer, banners, settings)."""
    page_cache().set(SITE_TOKEN, uuid.uuid4().hex, None)
