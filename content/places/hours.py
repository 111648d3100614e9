"""Opening hours in the OpenStreetMap `opening_hours` syntax (the standard's `horaires` field),
read with opening-hours-py (Rust core, maintained; it knows French public holidays for `PH`).

Everything is evaluated in the site's time zone (Europe/Paris): a place's « 09:00 » is 9 h on the
wall clock, in winter and in summer alike.
"""

import datetime
import functools
import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from opening_hours import OpeningHours, ParserError, State

COUNTRY = "FR"
LOOKAHEAD_DAYS = 14


def local_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


@functools.lru_cache(maxsize=4096)
def parse(expression):
    """The parsed expression, or None when it is empty or invalid. Cached: a directory of 2,000
    places shares a few dozen distinct expressions."""
    if not expression or not expression.strip():
        return None
    try:
        return OpeningHours(expression, timezone=local_zone(), country=COUNTRY, auto_country=False)
    except (ParserError, SyntaxError, ValueError):
        return None


def hours_error(expression):
    """A French message for an expression the parser refuses, or None when it is valid."""
    if not expression or not expression.strip():
        return None
    if parse(expression) is not None:
        return None
    return _(
        "Ces horaires ne sont pas au format OpenStreetMap « opening_hours ». Écrivez les jours "
        "en anglais abrégé (Mo, Tu, We, Th, Fr, Sa, Su) et les heures sur 24 heures, par "
        "exemple « Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off » (PH off : fermé les "
        "jours fériés)."
    )


def local_now(now=None):
    return (now or timezone.now()).astimezone(local_zone())


def format_time(moment):
    """9 h, 9 h 30, 17 h, minuit: how French signs write hours (the catalogue gives other
    languages their own: 9:00, 9:30, 17:00, midnight in English)."""
    if moment.hour == 0 and moment.minute == 0:
        return _("minuit")
    values = {"hour": moment.hour, "minute": f"{moment.minute:02d}"}
    if moment.minute:
        return pgettext("an hour with minutes", "%(hour)s h %(minute)s") % values
    return pgettext("an hour without minutes", "%(hour)s h") % values


def day_phrase(moment, today):
    """aujourd'hui, demain, lundi (within a week), le 4 janvier (beyond)."""
    delta = (moment.date() - today).days
    if delta == 0:
        return _("aujourd'hui")
    if delta == 1:
        return _("demain")
    if delta < 7:
        return date_format(moment, "l")
    return _("le %(date)s") % {"date": date_format(moment, "j F")}


def next_opening(hours, now):
    end = now + datetime.timedelta(days=LOOKAHEAD_DAYS)
    for start, _stop, state, _comment in hours.intervals(now, end):
        if state == State.OPEN and start >= now:
            return start
    return None


def status(expression, now=None):
    """{"open": bool, "text": "Ouvert maintenant, ferme à 17 h"} or None without (valid) hours."""
    hours = parse(expression)
    if hours is None:
        return None
    now = local_now(now)
    today = now.date()
    state, _comment = hours.state(now)
    if state == State.OPEN:
        change = hours.next_change(now)
        if change is None:
            return {"open": True, "text": _("Ouvert maintenant")}
        change = change.astimezone(local_zone())
        if change.date() == today or ((change.date() - today).days == 1 and change.hour == 0):
            text = _("Ouvert maintenant, ferme à %(time)s") % {"time": format_time(change)}
        else:
            text = _("Ouvert maintenant, ferme %(day)s à %(time)s") % {
                "day": day_phrase(change, today),
                "time": format_time(change),
            }
        return {"open": True, "text": text}
    if state == State.UNKNOWN:
        return {"open": False, "text": _("Horaires à confirmer auprès du lieu")}
    opening = next_opening(hours, now)
    if opening is None:
        return {"open": False, "text": _("Fermé en ce moment")}
    opening = opening.astimezone(local_zone())
    return {
        "open": False,
        "text": _("Fermé, ouvre %(day)s à %(time)s")
        % {"day": day_phrase(opening, today), "time": format_time(opening)},
    }


def is_open(expression, now=None):
    hours = parse(expression)
    return hours is not None and hours.is_open(local_now(now))


@functools.lru_cache(maxsize=64)
def _holiday_rule():
    return OpeningHours("PH", timezone=local_zone(), country=COUNTRY, auto_country=False)


def is_public_holiday(day):
    noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=local_zone())
    return _holiday_rule().is_open(noon)


def day_ranges(hours, day):
    """The opening ranges of one calendar day, as (start, end) local datetimes."""
    zone = local_zone()
    start = datetime.datetime.combine(day, datetime.time(0), tzinfo=zone)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(0), tzinfo=zone)
    return [
        (a.astimezone(zone), b.astimezone(zone))
        for a, b, state, _comment in hours.intervals(start, end)
        if state == State.OPEN
    ]


def week(expression, now=None):
    """The next seven days from today, as rows for the weekly table (public holidays included,
    so « PH off » shows as closed on the day it applies)."""
    hours = parse(expression)
    if hours is None:
        return []
    today = local_now(now).date()
    rows = []
    for offset in range(7):
        day = today + datetime.timedelta(days=offset)
        ranges = day_ranges(hours, day)
        rows.append(
            {
                "date": day,
                "day": date_format(day, "l j F"),
                "today": offset == 0,
                "holiday": is_public_holiday(day),
                "ranges": [
                    _("%(start)s – %(end)s") % {"start": format_time(a), "end": format_time(b)}
                    for a, b in ranges
                ],
            }
        )
    return rows


def open_on_weekday(expression, weekday, now=None):
    """Open at some time on the next such weekday (0 = Monday ... 5 = Saturday)."""
    hours = parse(expression)
    if hours is None:
        return False
    today = local_now(now).date()
    day = today + datetime.timedelta(days=(weekday - today.weekday()) % 7)
    return bool(day_ranges(hours, day))


def seconds_until_change(expressions, now=None, cap=3600):
    """Seconds before any of these places opens or closes (capped): how long a page that shows
    « Ouvert maintenant » stays true."""
    now = local_now(now)
    soonest = cap
    for expression in expressions:
        hours = parse(expression)
        if hours is None:
            continue
        change = hours.next_change(now)
        if change is not None:
            soonest = min(soonest, max(int((change - now).total_seconds()), 1))
    return soonest
