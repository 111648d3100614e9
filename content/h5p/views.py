"""The sandboxed player page and the anonymous counters endpoint."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from content.models import H5PActivity

# The player runs the package's own JavaScript. `sandbox allow-scripts` (also set on the
# <iframe>) gives it an opaque origin even if opened directly: no access to the site's
# cookies, storage or DOM. No 'unsafe-inline' or 'unsafe-eval' is needed.
PLAYER_CSP = "; ".join(
    [
        "sandbox allow-scripts",
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "font-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self'",
    ]
)

EVENTS = {"started", "completed"}
RATE_LIMIT = 30  # counted events per client address, activity and hour


@require_GET
@xframe_options_sameorigin
@cache_control(max_age=300)
def player(request, uuid):
    activity = get_object_or_404(H5PActivity, uuid=uuid)
    response = render(
        request,
        "content/h5p/player.html",
        {
            "activity": activity,
            "content_url": f"{settings.MEDIA_URL}{activity.folder}",
            "object_iri": request.build_absolute_uri(activity.get_player_url()),
        },
    )
    response["Content-Security-Policy"] = PLAYER_CSP
    response["Referrer-Policy"] = "no-referrer"
    return response


def _rate_limited(request, uuid, event):
    """True when this client already sent too many events. The address is hashed, kept an
    hour in the cache only, never stored."""
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    key = f"h5p-event:{uuid}:{event}:{digest}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > RATE_LIMIT


@csrf_exempt  # anonymous, cookie-less, increment-only: nothing a forged request can abuse
@require_POST
def event(request, uuid):
    kind = request.POST.get("event", "")
    if kind not in EVENTS:
        return HttpResponseBadRequest()
    activity = get_object_or_404(H5PActivity.objects.only("pk"), uuid=uuid)
    if _rate_limited(request, uuid, kind):
        return HttpResponse(status=429)
    activity.record(kind)
    return HttpResponse(status=204)
