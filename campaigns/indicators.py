"""Campaigns' and events' share of the indicators (registered in wagtail_hooks.py): workshop
participants by level and kind of action, sessions delivered, campaign reach. Aggregate
queries only, so the cost does not grow with the number of events or counters."""

from collections import defaultdict

from django.db.models import Count, Max, Min, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from content.indicators import Activity, Figure, Row, coop_thematics

from .models import CampaignCounter, EventPage, Occurrence, ShortLink
from .models.events import ActionKind, Level


def _events(filters):
    """Live events whose last date ended inside the period (attendance is per event)."""
    start, end = filters.datetimes()
    ended = (
        Occurrence.objects.values("event")
        .annotate(last_end=Max("end"))
        .filter(last_end__gte=start, last_end__lt=min(end, timezone.now()))
        .values("event")
    )
    events = EventPage.objects.live().filter(pk__in=ended)
    if filters.organisation is not None:
        events = events.filter(organiser=filters.organisation)
    if filters.commune:
        events = events.filter(place__commune=filters.commune)
    return events


def _delivered(filters):
    start, end = filters.datetimes()
    occurrences = Occurrence.objects.filter(
        start__gte=start,
        start__lt=end,
        end__lt=timezone.now(),
        status=Occurrence.Status.SCHEDULED,
        event__live=True,
    )
    if filters.organisation is not None:
        occurrences = occurrences.filter(event__organiser=filters.organisation)
    if filters.commune:
        occurrences = occurrences.filter(event__place__commune=filters.commune)
    return occurrences


def _rows(values, labels, order):
    return [Row(str(labels.get(key, key)), values.get(key, 0), key=key) for key in order]


def figures(filters):
    events = _events(filters)
    # Participants by level and by kind of action: one GROUP BY on both, summed here.
    by_level, by_kind = defaultdict(int), defaultdict(int)
    for level, kind, n in (
        events.order_by()
        .values_list("level", "action_kind")
        .annotate(n=Sum("attendance_count"))
        .values_list("level", "action_kind", "n")
    ):
        if n is not None:
            by_level[level] += n
            by_kind[kind] += n
    by_level, by_kind = dict(by_level), dict(by_kind)
    levels = [key for key in Level.values if by_level.get(key)]
    sessions = dict(
        _delivered(filters)
        .order_by()
        .values_list("event__action_kind")
        .annotate(n=Count("id"))
        .values_list("event__action_kind", "n")
    )
    counters = CampaignCounter.objects.filter(day__gte=filters.start, day__lte=filters.end)
    if filters.organisation is not None:
        counters = counters.filter(campaign__partners__organisation=filters.organisation)
    reach = dict(
        counters.filter(metric=CampaignCounter.Metric.SCAN)
        .values_list("channel")
        .annotate(n=Sum("count"))
        .values_list("channel", "n")
    )
    downloads = dict(
        counters.filter(metric=CampaignCounter.Metric.DOWNLOAD)
        .values_list("campaign__title")
        .annotate(n=Sum("count"))
        .values_list("campaign__title", "n")
    )
    channels = dict(ShortLink.Channel.choices)
    kinds = dict(ActionKind.choices)
    source = _("Nombre de participants saisi après chaque événement de l'agenda.")
    no_commune = _("Les campagnes ne sont pas rattachées à une commune : tout le territoire.")
    return [
        Figure(
            "participants-niveau",
            _("Participants aux ateliers par niveau"),
            _("participants"),
            [Row(str(dict(Level.choices)[key]), by_level[key] or 0, key) for key in levels],
            source=source,
            order=10,
        ),
        Figure(
            "participants-type",
            _("Personnes accompagnées par type d'action"),
            _("personnes"),
            _rows({k: v or 0 for k, v in by_kind.items()}, kinds, ActionKind.values),
            source=source,
            order=11,
        ),
        Figure(
            "seances-ateliers",
            _("Séances d'ateliers et de permanences réalisées"),
            _("séances"),
            _rows(sessions, kinds, ActionKind.values),
            source=_("Dates passées et non annulées des événements de l'agenda."),
            order=12,
        ),
        Figure(
            "portee-canal",
            _("Visites par lien court et QR code, par canal"),
            _("visites"),
            sorted(
                (Row(str(channels.get(k, k)), v or 0, k) for k, v in reach.items()),
                key=lambda row: -row.value,
            ),
            source=_("Compteurs anonymes des liens courts des campagnes, par jour."),
            note=no_commune if filters.commune else "",
            order=40,
        ),
        Figure(
            "telechargements-kit",
            _("Téléchargements des kits de campagne"),
            _("téléchargements"),
            sorted(
                (Row(title, v or 0, title) for title, v in downloads.items()),
                key=lambda row: -row.value,
            ),
            source=_("Compteurs anonymes des fichiers des kits, par jour."),
            note=no_commune if filters.commune else "",
            order=41,
        ),
    ]


def activities(filters):
    """One line per event with recorded attendance, for the national activity report."""
    mapping = coop_thematics()
    events = (
        _events(filters)
        .filter(attendance_count__isnull=False)
        .annotate(first_day=Min("occurrences__start"))
        .select_related("organiser", "place")
        .prefetch_related("themes")
    )
    durations = defaultdict(int)
    for event_id, start, end in Occurrence.objects.filter(
        Q(event__in=events), ~Q(status=Occurrence.Status.CANCELLED)
    ).values_list("event_id", "start", "end"):
        durations[event_id] += int((end - start).total_seconds() // 60)
    for event in events:
        thematics = sorted(
            {mapping["themes"].get(t.slug, mapping["default"]) for t in event.themes.all()}
        )
        yield Activity(
            date=timezone.localtime(event.first_day).date(),
            structure=str(event.organiser or ""),
            commune=event.place.commune if event.place else "",
            kind="Individuel" if event.action_kind == ActionKind.INDIVIDUAL else "Collectif",
            thematics=thematics or [mapping["default"]],
            duration_minutes=durations[event.pk],
            participants=event.attendance_count,
            title=event.title,
            source=_("Agenda"),
        )
