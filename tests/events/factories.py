"""Helpers to build agendas, events and occurrences in tests."""

import datetime
import itertools
from zoneinfo import ZoneInfo

from django.utils import timezone

from campaigns.models import EventIndexPage, EventPage, Occurrence

PARIS = ZoneInfo("Europe/Paris")
_counter = itertools.count()


def paris(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def in_days(days, hour=10):
    day = timezone.localtime() + datetime.timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def make_agenda(home, slug=None):
    page = EventIndexPage(title="Agenda de test", slug=slug or f"agenda-test-{next(_counter)}")
    home.add_child(instance=page)
    return page


def make_event(agenda, starts=None, capacity=5, hours=2, **fields):
    starts = starts or [in_days(7)]
    number = next(_counter)
    event = EventPage(
        title=fields.pop("title", f"Atelier {number}"),
        slug=fields.pop("slug", f"atelier-{number}"),
        capacity=capacity,
        **fields,
    )
    agenda.add_child(instance=event)
    for start in starts:
        Occurrence.objects.create(
            event=event, start=start, end=start + datetime.timedelta(hours=hours)
        )
    return event
