"""The national-day calendar of the campaigns index: next twelve months, other years, editors'
corrections."""

import datetime
import re
from unittest import mock

import pytest

from campaigns.models import NationalDayDate
from campaigns.models.calendar import seed_national_days

from .helpers import make_campaign

pytestmark = pytest.mark.django_db

# 2 December 2026, 10:00 in Paris: the day the issue was seen (every 2026 date already past).
MOMENT = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)


def calendar_dates(html):
    table = html[html.index('class="campaign-calendar"') :]
    table = table[: table.index("</table>")]
    return [datetime.date.fromisoformat(d) for d in re.findall(r'datetime="([\d-]+)"', table)]


@pytest.fixture
def index(client):
    make_campaign(slug="sid", title="Safer Internet Day", days=(60, 70))

    def get(query=""):
        with mock.patch("django.utils.timezone.now", return_value=MOMENT):
            response = client.get("/campagnes/" + query)
        assert response.status_code == 200
        return response.content.decode()

    return get


def test_default_shows_the_next_twelve_months_not_past_dates(index):
    html = index()
    dates = calendar_dates(html)
    assert dates, "the calendar lists days"
    assert min(dates) >= datetime.date(2026, 12, 2)
    assert max(dates) <= datetime.date(2027, 12, 1)
    # Safer Internet Day 2027 is the second Tuesday of February.
    assert datetime.date(2027, 2, 9) in dates
    assert "douze prochains mois" in html


def test_year_from_the_query_string(index):
    html = index("?annee=2027")
    assert "Calendrier 2027 des journées nationales" in html
    dates = calendar_dates(html)
    assert {d.year for d in dates} == {2027}
    assert datetime.date(2027, 2, 9) in dates
    assert "du 1 octobre au 31 octobre 2027" in html  # Cybermois, a period
    assert 'aria-current="page">2027<' in html


def test_unknown_year_falls_back_to_the_next_twelve_months(index):
    for query in ("?annee=1999", "?annee=abc"):
        html = index(query)
        assert "douze prochains mois" in html
        assert min(calendar_dates(html)) >= datetime.date(2026, 12, 2)


def test_editors_dates_replace_the_rules_for_their_year(index):
    seed_national_days([2027])
    elles = NationalDayDate.objects.get(name="Numériqu'elles", start__year=2027)
    elles.start = datetime.date(2027, 3, 11)
    elles.save()
    NationalDayDate.objects.filter(
        name__startswith="Journée internationale", start__year=2027
    ).delete()
    html = index("?annee=2027")
    dates = calendar_dates(html)
    assert datetime.date(2027, 3, 11) in dates
    assert datetime.date(2027, 3, 8) not in dates
    assert datetime.date(2027, 11, 20) not in dates, (
        "a deleted row is not brought back by the rules"
    )
    # A year without rows: the rules fill it.
    NationalDayDate.objects.filter(start__year=2028).delete()
    assert datetime.date(2028, 2, 8) in calendar_dates(index("?annee=2028"))


def test_seeding_is_idempotent():
    NationalDayDate.objects.all().delete()
    first = seed_national_days([2026, 2027])
    assert first == NationalDayDate.objects.count() > 0
    assert seed_national_days([2026, 2027]) == 0


def test_end_before_start_is_refused():
    day = NationalDayDate(
        name="Cybermois", start=datetime.date(2027, 10, 31), end=datetime.date(2027, 10, 1)
    )
    with pytest.raises(Exception, match="dernier jour"):
        day.full_clean()
