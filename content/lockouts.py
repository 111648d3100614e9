"""Admin screen of the login lockouts (django-axes): administrators see which accounts are
locked from which address, and unlock one without a shell (docs/protections.md)."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _


def current_lockouts():
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("-attempt_time")


def lockouts(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        attempt = AccessAttempt.objects.filter(pk=request.POST.get("attempt") or 0).first()
        if attempt is not None:
            attempt.delete()  # what `axes_reset_username` does, for this address only
            messages.success(
                request, _("Connexion débloquée pour « %(name)s ».") % {"name": attempt.username}
            )
        return redirect("capnum_lockouts")
    return TemplateResponse(
        request,
        "content/admin/lockouts.html",
        {
            "lockouts": current_lockouts(),
            "header_title": _("Connexions bloquées"),
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            "limit": settings.AXES_FAILURE_LIMIT,
        },
    )
