"""Admin login protections beside django-axes (docs/protections.md): the screen where
administrators see and lift lockouts, and the rate-limited password-reset form."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm
from wagtail.admin.views import account

from content import ratelimit


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
            "header_icon": "lock",
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            "limit": settings.AXES_FAILURE_LIMIT,
        },
    )


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's, the e-mail written in the admin language the user chose (their account's
    preferences), as Wagtail's notifications are; without a choice, the page's language."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        profile = getattr(context["user"], "wagtail_userprofile", None)
        language = (profile.preferred_language if profile else "") or translation.get_language()
        with translation.override(language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class PasswordResetView(account.PasswordResetView):
    """Wagtail's password reset, limited: a client may ask a few times an hour (over that,
    the form comes back with their address and a message, 429), and one address receives a
    few reset e-mails a day, whoever asks. Past that cap the page says, as always, that an
    e-mail was sent if the address is known, so nobody learns which addresses are."""

    def get_form_class(self):
        return PasswordResetForm

    def post(self, request, *args, **kwargs):
        wait = ratelimit.hit(request, "password_reset")
        if wait:
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Trop de demandes depuis cette connexion : aucun courriel n’a été envoyé. "
                    "Réessayez dans une heure."
                ),
            )
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(wait)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        if ratelimit.hit(self.request, "password_reset_email", value=email):
            return redirect(self.get_success_url())
        return super().form_valid(form)
