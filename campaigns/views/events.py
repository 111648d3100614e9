"""Views of the agenda and event pages, their feeds and calendars (called from the routes of
the page models; registration is in registrations.py)."""

import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models.events import Level, Occurrence
from campaigns.models.registrations import (
    Registration,
)
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
    locale = index_page.locale_id  # the id: no query for the Locale row
    return {
        "filters": filters,
        "page_obj": page_obj,
        "occurrences": page_obj.object_list,
        "periods": PERIODS.items(),
        "levels": Level.choices,
        "communes": Place.objects.filter(locale_id=locale)
        .order_by("commune")
        .values_list("commune", flat=True)
        .distinct(),
        "audiences": Audience.objects.filter(locale_id=locale),
        "themes": Theme.objects.filter(locale_id=locale),
        "organisations": Organisation.objects.filter(locale_id=locale),
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
