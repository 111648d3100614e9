"""Registration to an event's date and its cancellation by the signed link (called from the
routes of EventPage)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns import notifications
from campaigns.models.events import Occurrence
from campaigns.models.registrations import (
    MAX_SEATS_PER_REGISTRATION,
    DuplicateRegistration,
    Registration,
)
from content import ratelimit
from content.cache import uncacheable
from content.forms import DescribedFieldsMixin


class RegistrationForm(DescribedFieldsMixin, forms.Form):
    name = forms.CharField(label=_("Nom et prénom"), max_length=150)
    email = forms.EmailField(
        label=_("Adresse électronique"),
        required=False,
        help_text=_("Pour recevoir la confirmation et le lien d'annulation."),
        error_messages={
            "invalid": _("Indiquez une adresse électronique valide, par exemple nom@exemple.fr.")
        },
    )
    phone = forms.CharField(
        label=_("Téléphone"),
        required=False,
        max_length=30,
        help_text=_("Si vous n'avez pas d'adresse électronique. Exemple : 03 21 00 00 00."),
    )
    seats = forms.IntegerField(
        label=_("Nombre de places"),
        min_value=1,
        initial=1,
        error_messages={
            "min_value": _("Indiquez au moins 1 place."),
            "max_value": _("Vous pouvez réserver au plus %(limit_value)s places."),
            "invalid": _("Indiquez un nombre de places, par exemple 1."),
        },
    )
    accessibility_needs = forms.CharField(
        label=_("Besoins d'accessibilité (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fauteuil roulant, boucle magnétique, gros caractères, accompagnant..."),
    )
    wants_reminder = forms.BooleanField(
        label=_("Recevoir un rappel par courriel la veille"),
        required=False,
        help_text=_("Un seul message, avec le lien pour annuler si vous ne pouvez plus venir."),
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que ces informations soient utilisées uniquement pour organiser cet "
            "événement. Elles sont effacées automatiquement après l'événement."
        ),
        error_messages={"required": _("Cochez la case pour accepter l'utilisation des données.")},
    )

    def __init__(self, *args, max_seats=MAX_SEATS_PER_REGISTRATION, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_seats = max(1, min(max_seats, MAX_SEATS_PER_REGISTRATION))
        self.fields["seats"].max_value = self.max_seats
        self.fields["seats"].validators.append(MaxValueValidator(self.max_seats))
        self.fields["seats"].widget.attrs.update({"min": 1, "max": self.max_seats})
        self.fields["seats"].help_text = _("De 1 à %(max)s.") % {"max": self.max_seats}
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.describe_fields()

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error(
                "email", _("Indiquez une adresse électronique ou un numéro de téléphone.")
            )
        return data


def get_occurrence(event, occurrence_id):
    try:
        occurrence = event.occurrences.get(pk=occurrence_id)
    except Occurrence.DoesNotExist as error:
        raise Http404 from error
    occurrence.event = event
    return occurrence


@uncacheable  # a form with a CSRF token
def register_view(event, request, occurrence_id):
    occurrence = get_occurrence(event, occurrence_id)
    reason = occurrence.refusal_reason()
    context = {"page": event, "self": event, "occurrence": occurrence, "refusal": reason}
    if reason:
        return TemplateResponse(
            request,
            "campaigns/events/register.html",
            context,
            status=200 if request.method == "GET" else 409,
        )
    form = RegistrationForm(request.POST or None, max_seats=occurrence.seats)
    if request.method == "POST":
        # Every POST counts against a generous limit, an accepted registration against the
        # real one, claimed before it is saved (atomic: parallel requests cannot all pass).
        wait = ratelimit.hit(request, "registration_post")
        if not wait and form.is_valid():
            wait = ratelimit.hit(request, "registration")
            if not wait:
                return save_registration(request, event, occurrence, form, context)
        if wait:
            # Nothing saved, nothing typed lost: the form comes back filled in.
            context.update(form=form, rate_limited=True)
            response = TemplateResponse(
                request, "campaigns/events/register.html", context, status=429
            )
            response["Retry-After"] = str(wait)
            return response
    context["form"] = form
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "campaigns/events/register.html", context, status=status)


def save_registration(request, event, occurrence, form, context):
    data = form.cleaned_data
    try:
        registration = Registration.register(
            occurrence.pk,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            seats=data["seats"],
            accessibility_needs=data["accessibility_needs"],
            wants_reminder=data["wants_reminder"] and bool(data["email"]),
        )
    except DuplicateRegistration as error:
        # Shown to whoever typed these details only; nothing about the registration itself.
        form.add_error(None, error.messages[0])
        context["form"] = form
        return TemplateResponse(request, "campaigns/events/register.html", context, status=409)
    except ValidationError as error:
        context["refusal"] = error.messages[0]
        return TemplateResponse(request, "campaigns/events/register.html", context, status=409)
    # A third party typing someone's address gets them a few e-mails a day at most; the
    # follow-up page (where this redirects) shows the registration either way.
    if registration.email and not ratelimit.hit(
        request, "registration_email", value=registration.email.strip().lower()
    ):
        notifications.enqueue_email(registration)  # the worker sends it (docs/background-tasks.md)
    return redirect(event.url + event.reverse_subpage("registration", args=[registration.token]))


@uncacheable  # personal data
def registration_view(event, request, token):
    """Follow-up page reached by the signed link: status, and a cancel button (POST)."""
    pk = Registration.pk_from_token(token)
    registration = (
        Registration.objects.select_related("occurrence")
        .filter(pk=pk, occurrence__event=event)
        .first()
        if pk
        else None
    )
    context = {"page": event, "self": event, "registration": registration}
    if registration is None:
        context["invalid"] = True
        return TemplateResponse(request, "campaigns/events/registration.html", context, status=404)
    registration.occurrence.event = event
    if request.method == "POST" and request.POST.get("action") == "annuler":
        if registration.status == Registration.Status.CANCELLED:
            context["message"] = _("Cette inscription était déjà annulée.")
        elif registration.occurrence.start <= timezone.now():
            context["message"] = _(
                "La séance a déjà eu lieu : l'inscription ne peut plus être annulée."
            )
        else:
            for promoted in registration.cancel():
                notifications.enqueue_email(promoted)
            notifications.enqueue_email(registration, "cancelled")
            context["just_cancelled"] = True
    return TemplateResponse(request, "campaigns/events/registration.html", context)
