"""« Ouvert maintenant » and the weekly table, on a fixed clock in Europe/Paris: across both
daylight-saving changes and on public holidays (`PH off`)."""

import datetime
import zoneinfo

import pytest
from django.utils import translation

from content.places import hours

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
UTC = datetime.UTC
OFFICE = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"


@pytest.fixture(autouse=True)
def french():
    """Day names and messages follow the active language, French on the French site."""
    with translation.override("fr"):
        yield


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "text"),
    [
        (paris(2026, 12, 2, 10, 0), "Ouvert maintenant, ferme à 12 h"),
        (paris(2026, 12, 2, 12, 30), "Fermé, ouvre aujourd'hui à 14 h"),
        (paris(2026, 12, 2, 18, 0), "Fermé, ouvre demain à 9 h"),
        (paris(2026, 12, 4, 17, 0), "Fermé, ouvre lundi à 9 h"),  # Friday, closing time
        (paris(2026, 12, 5, 11, 0), "Fermé, ouvre lundi à 9 h"),  # Saturday
    ],
)
def test_status_in_french(now, text):
    assert hours.status(OFFICE, now)["text"] == text


def test_minutes_and_midnight_are_written_the_french_way():
    assert hours.status("Sa 09:30-12:15", paris(2026, 12, 5, 8, 0))["text"] == (
        "Fermé, ouvre aujourd'hui à 9 h 30"
    )
    assert hours.status("Sa 09:30-12:15", paris(2026, 12, 5, 10, 0))["text"] == (
        "Ouvert maintenant, ferme à 12 h 15"
    )
    assert hours.status("Fr 20:00-24:00", paris(2026, 12, 4, 21, 0))["text"] == (
        "Ouvert maintenant, ferme à minuit"
    )
    assert hours.status("24/7", paris(2026, 12, 4, 21, 0)) == {
        "open": True,
        "text": "Ouvert maintenant",
    }


def test_right_after_the_autumn_change_to_winter_time():
    # Sunday 25 October 2026, 03:00 CEST -> 02:00 CET. Monday 26 at 08:30 UTC is 9 h 30 in
    # Paris (UTC+1): open. At 07:30 UTC it is 8 h 30: closed (a fixed UTC+2 would say open).
    assert hours.is_open(OFFICE, utc(2026, 10, 26, 8, 30))
    assert not hours.is_open(OFFICE, utc(2026, 10, 26, 7, 30))
    status = hours.status(OFFICE, utc(2026, 10, 24, 16, 0))  # Saturday 18 h CEST
    assert status["text"] == "Fermé, ouvre lundi à 9 h"
    assert hours.next_opening(hours.parse(OFFICE), hours.local_now(utc(2026, 10, 24, 16, 0))) == (
        utc(2026, 10, 26, 8, 0)
    )


def test_right_after_the_spring_change_to_summer_time():
    # Sunday 29 March 2026, 02:00 CET -> 03:00 CEST. Monday 30 at 07:30 UTC is 9 h 30 in Paris.
    assert hours.is_open(OFFICE, utc(2026, 3, 30, 7, 30))
    assert not hours.is_open(OFFICE, utc(2026, 3, 30, 6, 30))
    assert hours.status(OFFICE, utc(2026, 3, 30, 9, 30))["text"] == (
        "Ouvert maintenant, ferme à 12 h"
    )


def test_night_of_the_change_itself():
    # Open every day 00:00-04:00: at 01:30 UTC on 25 October (02:30 CET, after the change).
    status = hours.status("Mo-Su 00:00-04:00", utc(2026, 10, 25, 1, 30))
    assert status["open"] and status["text"] == "Ouvert maintenant, ferme à 4 h"


def test_public_holidays_are_closed_with_ph_off():
    christmas = paris(2026, 12, 25, 10, 0)  # a Friday
    assert not hours.is_open(OFFICE, christmas)
    assert hours.is_open("Mo-Fr 09:00-12:00,14:00-17:00", christmas)  # without the rule
    assert hours.status(OFFICE, paris(2026, 12, 24, 17, 30))["text"] == "Fermé, ouvre lundi à 9 h"
    assert not hours.is_open(OFFICE, paris(2027, 3, 29, 10, 0))  # Easter Monday 2027
    assert hours.is_open(OFFICE, paris(2027, 3, 30, 10, 0))


def test_week_table_starts_today_and_marks_holidays():
    rows = hours.week(OFFICE, paris(2026, 12, 21, 8, 0))
    assert [r["day"] for r in rows][:2] == ["lundi 21 décembre", "mardi 22 décembre"]
    assert rows[0]["today"] and not rows[1]["today"]
    assert rows[0]["ranges"] == ["9 h – 12 h", "14 h – 17 h"]
    christmas = rows[4]
    assert christmas["day"] == "vendredi 25 décembre"
    assert christmas["holiday"] and christmas["ranges"] == []
    assert rows[5]["ranges"] == [] and not rows[5]["holiday"]  # Saturday


def test_open_on_saturday():
    assert hours.open_on_weekday("Sa 09:00-12:00", 5, paris(2026, 12, 2, 10, 0))
    assert not hours.open_on_weekday(OFFICE, 5, paris(2026, 12, 2, 10, 0))


@pytest.mark.parametrize("value", ["Lu-Ve 9h-12h", "Mo-Fr 9-12", "du lundi au vendredi"])
def test_invalid_hours_get_a_french_message(value):
    message = hours.hours_error(value)
    assert "opening_hours" in message and "Mo-Fr 09:00-12:00" in message
    assert hours.status(value) is None and hours.week(value) == []


def test_valid_or_empty_hours_have_no_error():
    assert hours.hours_error(OFFICE) is None
    assert hours.hours_error("") is None
