"""The sandboxed player page and the anonymous counters endpoint."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from content import ratelimit
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


@csrf_exempt  # anonymous, cookie-less, increment-only: nothing a forged request can abuse
@require_POST
def event(request, uuid):
    kind = request.POST.get("event", "")
    if kind not in EVENTS:
        return HttpResponseBadRequest()
    activity = get_object_or_404(H5PActivity.objects.only("pk"), uuid=uuid)
    # Per client, activity and event (settings.RATE_LIMITS["h5p_event"]); the address is
    # hashed into the counter's key, never stored.
    wait = ratelimit.hit(request, "h5p_event", uuid, kind)
    if wait:
        return HttpResponse(status=429, headers={"Retry-After": str(wait)})
    activity.record(kind)
    return HttpResponse(status=204)
