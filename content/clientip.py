"""The visitor's address behind a reverse proxy, for the rate limits and the login lockout.

Without TRUSTED_PROXY_HEADER the address is REMOTE_ADDR (the site is reached directly). Behind
a proxy, set the header the proxy writes (`X-Forwarded-For`, or `X-Real-IP`) and, for
X-Forwarded-For, how many proxies of yours the request crosses (TRUSTED_PROXY_COUNT): the
address is taken that many entries from the right, so whatever a client writes in the header
itself (on the left) is never believed."""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "")
    if not header:
        return remote
    value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    entries = [e for e in value.split(",") if e.strip()]
    if not entries:
        return remote  # not through the proxy
    count = max(1, getattr(settings, "TRUSTED_PROXY_COUNT", 1))
    entry = entries[-count] if len(entries) >= count else entries[0]
    return _valid(entry) or remote
