"""Views of the agenda and event pages (called from the routes of the page models)."""

import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db.models import Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns import notifications
from campaigns.models.events import (
    MAX_SEATS_PER_REGISTRATION,
    DuplicateRegistration,
    Level,
    Occurrence,
    Registration,
)
from content import ratelimit
from content.cache import uncacheable
from content.forms import DescribedFieldsMixin
from content.models import Audience, Organisation, Place, Theme

PERIODS = {
    "a-venir": _("À venir"),
    "semaine": _("Les 7 prochains jours"),
    "mois": _("Les 30 prochains jours"),
    "passes": _("Événements passés"),
}


# -- agenda ------------------------------------------------------------------------------------


def read_filters(request):
    """Filters from the query string; unknown or malformed values are simply ignored."""
    get = request.GET
    filters = {}
    period = get.get("periode", "")
    filters["periode"] = period if period in PERIODS else "a-venir"
    for key in ("commune", "public", "theme", "organisateur"):
        value = get.get(key, "").strip()[:120]
        # Control characters (a NUL byte breaks PostgreSQL queries) are never valid values.
        if value and value.isprintable():
            filters[key] = value
    level = get.get("niveau", "")
    if level in Level.values:
        filters["niveau"] = level
    return filters


def filtered_occurrences(index_page, filters):
    now = timezone.now()
    qs = Occurrence.objects.filter(
        event__live=True,
        event__path__startswith=index_page.path,
        event__depth=index_page.depth + 1,
    ).select_related("event", "event__place", "event__organiser")
    period = filters["periode"]
    if period == "passes":
        qs = qs.filter(end__lt=now).order_by("-start")
    else:
        qs = qs.filter(end__gte=now).order_by("start")
        if period == "semaine":
            qs = qs.filter(start__lt=now + datetime.timedelta(days=7))
        elif period == "mois":
            qs = qs.filter(start__lt=now + datetime.timedelta(days=30))
    if "commune" in filters:
        qs = qs.filter(event__place__commune=filters["commune"])
    if "public" in filters:
        qs = qs.filter(event__audiences__slug=filters["public"])
    if "theme" in filters:
        qs = qs.filter(event__themes__slug=filters["theme"])
    if "organisateur" in filters:
        qs = qs.filter(event__organiser__slug=filters["organisateur"])
    if "niveau" in filters:
        qs = qs.filter(event__level=filters["niveau"])
    return qs.distinct()


def agenda_context(index_page, request):
    filters = read_filters(request)
    occurrences = filtered_occurrences(index_page, filters)
    paginator = Paginator(occurrences, index_page.per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    query = {k: v for k, v in filters.items() if not (k == "periode" and v == "a-venir")}
    locale = index_page.locale
    return {
        "filters": filters,
        "page_obj": page_obj,
        "occurrences": page_obj.object_list,
        "periods": PERIODS.items(),
        "levels": Level.choices,
        "communes": Place.objects.filter(locale=locale)
        .order_by("commune")
        .values_list("commune", flat=True)
        .distinct(),
        "audiences": Audience.objects.filter(locale=locale),
        "themes": Theme.objects.filter(locale=locale),
        "organisations": Organisation.objects.filter(locale=locale),
        "query_string": urlencode(query),
        "feed_query": urlencode(query),
        "is_archive": filters["periode"] == "passes",
    }


def agenda_feed(index_page, request):
    filters = read_filters(request)
    occurrences = list(filtered_occurrences(index_page, filters)[:500])
    return ics_response(build_calendar(request, occurrences, index_page.title), "agenda.ics")


# -- event page --------------------------------------------------------------------------------


def annotated_dates(event):
    return list(
        event.occurrences.annotate(
            confirmed=Sum(
                "registrations__seats",
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
            )
        ).order_by("start")
    )


def event_context(event, request):
    dates = annotated_dates(event)
    now = timezone.now()
    for occurrence in dates:
        occurrence.event = event
        seats = occurrence.seats
        occurrence.remaining = (
            None if seats is None else max(0, seats - (occurrence.confirmed or 0))
        )
    upcoming = [o for o in dates if o.end >= now]
    return {
        "dates": dates,
        "upcoming_dates": upcoming,
        "past_dates": [o for o in dates if o.end < now],
        "event_is_past": bool(dates) and not upcoming,
        "json_ld": json_ld(event, request, dates),
    }


def json_ld(event, request, dates):
    """One schema.org Event per date: a series from January to September is several events,
    not one nine months long."""
    import json

    if not dates:
        return ""
    shared = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": event.get_full_url(request),
        "isAccessibleForFree": event.is_free,
        "inLanguage": "fr",
    }
    if event.place:
        place = event.place
        shared["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        shared["location"] = {
            "@type": "Place",
            "name": place.nom,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": place.adresse,
                "postalCode": place.code_postal,
                "addressLocality": place.commune,
                "addressCountry": "FR",
            },
        }
    elif event.online_url:
        shared["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        shared["location"] = {"@type": "VirtualLocation", "url": event.online_url}
    if event.organiser:
        shared["organizer"] = {"@type": "Organization", "name": event.organiser.name}
        if event.organiser.website:
            shared["organizer"]["url"] = event.organiser.website
    items = []
    for occurrence in dates:
        item = {
            **shared,
            "startDate": timezone.localtime(occurrence.start).isoformat(),
            "endDate": timezone.localtime(occurrence.end).isoformat(),
            "eventStatus": "https://schema.org/EventCancelled"
            if occurrence.is_cancelled
            else "https://schema.org/EventScheduled",
        }
        if occurrence.seats:
            item["maximumAttendeeCapacity"] = occurrence.seats
        items.append(item)
    data = items[0] if len(items) == 1 else items
    # "</" cannot appear inside the script element.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


# -- iCalendar ---------------------------------------------------------------------------------


def build_calendar(request, occurrences, name):
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Cap Numérique//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    host = request.get_host()
    stamp = timezone.now()
    for occurrence in occurrences:
        event = occurrence.event
        item = Event()
        item.add("uid", f"occurrence-{occurrence.pk}@{host}")
        item.add("dtstamp", stamp)
        item.add("summary", event.title)
        item.add("dtstart", timezone.localtime(occurrence.start))
        item.add("dtend", timezone.localtime(occurrence.end))
        if event.summary:
            item.add("description", event.summary)
        if event.place_id and event.place:
            item.add("location", f"{event.place.nom}, {event.place.full_address}")
        elif event.online_url:
            item.add("location", event.online_url)
        item.add("url", event.full_url)
        item.add("status", "CANCELLED" if occurrence.is_cancelled else "CONFIRMED")
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ics(event, request, occurrence_id=None):
    """Every date of the event, or one (« Ajouter à mon agenda » after registering)."""
    dates = event.occurrences.all().order_by("start")
    name = event.slug
    if occurrence_id is not None:
        dates = dates.filter(pk=occurrence_id)
        name = f"{event.slug}-{occurrence_id}"
    dates = list(dates)
    if not dates:
        raise Http404
    for occurrence in dates:
        occurrence.event = event
    return ics_response(build_calendar(request, dates, event.title), f"{name}.ics")


# -- registration ------------------------------------------------------------------------------


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
