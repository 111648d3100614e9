"""The national days campaign editors plan around, computed for any year."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NationalDay:
    name: str
    start: datetime.date
    end: datetime.date
    description: str

    @property
    def is_period(self):
        return self.start != self.end


def nth_weekday(year, month, weekday, n):
    """The n-th `weekday` (Monday=0) of the month."""
    first = datetime.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + datetime.timedelta(days=offset + 7 * (n - 1))


def safer_internet_day(year):
    """Second Tuesday of February (10 February 2026)."""
    return nth_weekday(year, 2, 1, 2)


def anti_bullying_day(year):
    """First Thursday after the All Saints' school holidays: classes resume on the first Monday
    on or after 2 November (3 Nov 2025 -> Thursday 6 Nov 2025; 2 Nov 2026 -> 5 Nov 2026)."""
    day = datetime.date(year, 11, 2)
    resume = day + datetime.timedelta(days=(0 - day.weekday()) % 7)
    return resume + datetime.timedelta(days=3)


def national_days(year):
    days = [
        NationalDay(
            _("Journée européenne de la protection des données"),
            datetime.date(year, 1, 28),
            datetime.date(year, 1, 28),
            _("Le 28 janvier : faire le point sur ses données personnelles."),
        ),
        NationalDay(
            _("Safer Internet Day"),
            safer_internet_day(year),
            safer_internet_day(year),
            _("Journée mondiale pour un internet plus sûr, le deuxième mardi de février."),
        ),
        NationalDay(
            _("Numériqu'elles"),
            datetime.date(year, 3, 8),
            datetime.date(year, 3, 8),
            _(
                "Autour du 8 mars : faire découvrir les métiers du numérique aux collégiennes "
                "et aux lycéennes (AMIE du Boulonnais ; date exacte fixée chaque année)."
            ),
        ),
        NationalDay(
            _("Cybermois"),
            datetime.date(year, 10, 1),
            datetime.date(year, 10, 31),
            _("Le mois européen de la cybersécurité, tout le mois d'octobre."),
        ),
        NationalDay(
            _("Journée nationale de lutte contre le harcèlement à l'école"),
            anti_bullying_day(year),
            anti_bullying_day(year),
            _("Le premier jeudi après les vacances de la Toussaint."),
        ),
        NationalDay(
            _("Journée internationale des droits de l'enfant"),
            datetime.date(year, 11, 20),
            datetime.date(year, 11, 20),
            _("Le 20 novembre : les droits des enfants, y compris en ligne."),
        ),
    ]
    return sorted(days, key=lambda d: d.start)
