"""Security headers that django-csp and Django's SecurityMiddleware do not cover on their own,
and compression that never touches a page carrying a secret."""

import base64
import hashlib
import re

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.urls import reverse

# Inline data blocks (JSON-LD) are allowed by the hash of their exact text: no per-request
# nonce, so a page can be cached and served to every visitor with a strict policy.
JSON_LD = re.compile(rb'<script type="application/ld\+json">(.*?)</script>', re.S)


def is_admin_path(path):
    return path.startswith((reverse("wagtailadmin_home"), "/django-admin/"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The public site's strict policy everywhere, the admin's looser style policy under /admin/."""

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
        if not report_only and parts.config is None and is_admin_path(request.path):
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
