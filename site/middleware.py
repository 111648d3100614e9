"""Security headers that django-csp and Django's SecurityMiddleware do not cover on their own,
and compression that never touches a page carrying a secret."""

import base64
import hashlib
import re

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render
from django.urls import reverse

# Inline data blocks (JSON-LD) are allowed by the hash of their exact text: no per-request
# nonce, so a page can be cached and served to every visitor with a strict policy.
JSON_LD = re.compile(rb'<script type="application/ld\+json">(.*?)</script>', re.S)


def is_admin_path(path):
    return path.startswith((reverse("wagtailadmin_home"), "/django-admin/"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The public site's strict policy everywhere, the admin's looser policy under /admin/ for
    logged-in editors only: the login, password-reset and lockout pages (no inline script)
    keep the strict one."""

    def process_response(self, request, response):
        if not response.streaming and response.get("Content-Type", "").startswith("text/html"):
            hashes = [
                f"'sha256-{base64.b64encode(hashlib.sha256(block).digest()).decode()}'"
                for block in JSON_LD.findall(response.content)
            ]
            if hashes:
                update = dict(getattr(response, "_csp_update", None) or {})
                update["script-src"] = [*update.get("script-src", []), *hashes]
                response._csp_update = update
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        user = getattr(request, "user", None)
        if (
            not report_only
            and parts.config is None
            and is_admin_path(request.path)
            and user is not None
            and user.is_authenticated
        ):
            return PolicyParts(
                settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                parts.update,
                parts.replace,
                parts.nonce,
            )
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class SecretFreeGZipMiddleware(GZipMiddleware):
    """GZip, except for responses that carry a CSRF token or set a cookie (BREACH: a secret
    in a compressed page can be guessed from its size)."""

    def process_response(self, request, response):
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return response
        return super().process_response(request, response)


class AnonymousBodySizeLimitMiddleware:
    """Refuse an anonymous request whose declared body is larger than its endpoint allows,
    before anything reads it (CSRF checks, form parsing, multipart spooling to temporary files).

    Placed after AuthenticationMiddleware: editors (logged in) keep Django's and Wagtail's own
    upload limits. A body without Content-Length (chunked) is read as empty by Django's WSGI
    handler, so the declared length is the one that matters."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.limits = [(re.compile(pattern), size) for pattern, size in settings.BODY_SIZE_LIMITS]

    def limit_for(self, path):
        for pattern, size in self.limits:
            if pattern.search(path):
                return size
        return settings.ANONYMOUS_MAX_BODY_SIZE

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length:
            limit = self.limit_for(request.path_info)
            if length > limit and not request.user.is_authenticated:
                return render(
                    request,
                    "413.html",
                    {"limit_kb": max(1, limit // 1024)},
                    status=413,
                )
        return self.get_response(request)
