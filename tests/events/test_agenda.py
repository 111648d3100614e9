import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from campaigns.models import EventPage, Registration
from content.models import Audience, Organisation, Place, Theme
from tests.queries import count_page_queries

from .factories import PARIS, in_days, make_agenda, make_event, paris

pytestmark = pytest.mark.django_db


def test_demo_agenda_lists_upcoming_and_archive(client):
    html = client.get("/agenda/").content.decode()
    assert "Café numérique du jeudi" in html
    assert "Atelier SEO" not in html
    archive = client.get("/agenda/?periode=passes").content.decode()
    assert "Atelier SEO" in archive
    assert "Café numérique du jeudi" not in archive


@pytest.mark.parametrize(
    "query",
    [
        "periode=n-importe",
        "page=abc",
        "page=99999",
        "page=-1",
        "niveau=expert",
        "public=%00%01",
        "commune=" + "x" * 5000,
        "theme=inconnu&organisateur=inconnu",
        "periode[]=1&page[]=2",
    ],
)
def test_invalid_query_strings_give_a_normal_page(client, query):
    response = client.get("/agenda/?" + query)
    assert response.status_code == 200
    assert "<h1>" in response.content.decode()


def test_filters_combine_and_stay_in_links(client, home):
    agenda = make_agenda(home)
    place = Place.objects.create(
        nom="Salle", adresse="1 rue", code_postal="62250", commune="Marquise", locale=home.locale
    )
    seniors = Audience.objects.get(slug="seniors", locale=home.locale)
    ia = Theme.objects.get(slug="ia", locale=home.locale)
    cct2c = Organisation.objects.get(slug="cct2c", locale=home.locale)
    match = make_event(agenda, title="Bon atelier", place=place, organiser=cct2c, level="debutant")
    match.audiences.add(seniors)
    match.themes.add(ia)
    match.save()
    make_event(agenda, title="Autre atelier", level="avance")
    query = "commune=Marquise&public=seniors&theme=ia&organisateur=cct2c&niveau=debutant"
    html = client.get(agenda.url + "?" + query).content.decode()
    assert "Bon atelier" in html
    assert "Autre atelier" not in html
    assert 'value="Marquise" selected' in html
    feed = Calendar.from_ical(client.get(agenda.url + "calendrier/?" + query).content)
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == ["Bon atelier"]


def test_pagination_keeps_filters(client, home):
    agenda = make_agenda(home)
    for day in range(25):
        make_event(agenda, starts=[in_days(day + 1)], level="debutant")
    html = client.get(agenda.url + "?niveau=debutant").content.decode()
    assert "?niveau=debutant&amp;page=2" in html
    assert "Page 1 sur 2" in html


def test_agenda_query_count_does_not_grow_with_events(client, home):
    small, large = make_agenda(home), make_agenda(home)
    for day in range(10):
        make_event(small, starts=[in_days(day + 1)])
    for day in range(200):
        make_event(large, starts=[in_days(day + 1)])
    assert count_page_queries(client, small.url) == count_page_queries(client, large.url)


def test_event_page_query_count_does_not_grow_with_dates(client, home):
    agenda = make_agenda(home)
    one = make_event(agenda, starts=[in_days(3)])
    many = make_event(agenda, starts=[in_days(d) for d in range(1, 30)])
    assert count_page_queries(client, one.url) == count_page_queries(client, many.url)


def test_event_page_shows_french_dates_and_json_ld(client, home):
    event = make_event(make_agenda(home), starts=[paris(2030, 3, 5, 14, 30)])
    response = client.get(event.url)
    html = response.content.decode()
    assert "mardi 5 mars 2030" in html
    assert "de 14h30 à 16h30" in html
    # Allowed by its hash, not a nonce (the page may be cached): see test_page_cache.py.
    assert '<script type="application/ld+json">' in html
    assert "'sha256-" in response["Content-Security-Policy"]
    assert '"startDate": "2030-03-05T14:30:00+01:00"' in html


def test_ics_round_trips_paris_dates_across_dst_change(client, home):
    # Clocks go forward on Sunday 29 March 2026: 10:00 is +01:00 before, +02:00 after.
    starts = [paris(2026, 3, 28, 10), paris(2026, 3, 30, 10)]
    event = make_event(make_agenda(home), starts=starts)
    response = client.get(event.url + "calendrier/")
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].endswith('.ics"')
    calendar = Calendar.from_ical(response.content)
    items = calendar.walk("VEVENT")
    parsed = [item.decoded("dtstart") for item in items]
    assert parsed == starts
    assert [d.utcoffset() for d in parsed] == [
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    ]
    assert all(d.astimezone(PARIS).hour == 10 for d in parsed)
    assert [item.decoded("dtend") for item in items] == [
        s + datetime.timedelta(hours=2) for s in starts
    ]
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Paris"


def test_past_event_shows_attendance_and_report(client, home):
    event = make_event(
        make_agenda(home),
        starts=[in_days(-10)],
        attendance_count=32,
        report=[("paragraph", "<p>Bilan très positif.</p>")],
    )
    html = client.get(event.url).content.decode()
    assert "32 participants" in html
    assert "Bilan très positif." in html
    assert EventPage.objects.get(pk=event.pk).attendance_count == 32


def test_purge_erases_personal_data_and_keeps_counts(home, settings):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 30
    agenda = make_agenda(home)
    old = make_event(agenda, starts=[in_days(10)], capacity=3)
    recent = make_event(agenda, starts=[in_days(10)])
    old_occurrence, recent_occurrence = old.occurrences.get(), recent.occurrences.get()
    for n in range(4):
        Registration.register(old_occurrence.pk, name=f"N{n}", email=f"n{n}@example.org", seats=1)
    kept = Registration.register(recent_occurrence.pk, name="Kept", email="k@example.org", seats=2)
    # The first event ended 40 days ago, the second 10 days ago.
    old_occurrence.start = timezone.now() - datetime.timedelta(days=40, hours=2)
    old_occurrence.end = timezone.now() - datetime.timedelta(days=40)
    old_occurrence.save()
    recent_occurrence.start = timezone.now() - datetime.timedelta(days=10, hours=2)
    recent_occurrence.end = timezone.now() - datetime.timedelta(days=10)
    recent_occurrence.save()

    call_command("purge_registrations", stdout=__import__("io").StringIO())

    purged = list(old_occurrence.registrations.all())
    assert len(purged) == 4
    assert all(r.name == r.email == r.phone == r.accessibility_needs == "" for r in purged)
    assert all(r.purged_at for r in purged)
    assert old_occurrence.confirmed_seats() == 3
    assert old_occurrence.registrations.filter(status=Registration.Status.WAITING).count() == 1
    kept.refresh_from_db()
    assert kept.name == "Kept" and kept.purged_at is None


def json_ld_items(html):
    import json

    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    return data if isinstance(data, list) else [data]


def test_past_event_shows_its_dates(client, home):
    event = make_event(make_agenda(home), starts=[paris(2025, 1, 27, 9), paris(2025, 9, 29, 9)])
    html = client.get(event.url).content.decode()
    assert "Cet événement est terminé" in html
    assert "lundi 27 janvier 2025" in html
    assert "lundi 29 septembre 2025" in html


def test_json_ld_has_one_event_per_date(client, home):
    """A series from January to September is not one nine-month event."""
    starts = [paris(2025, 1, 27, 9), paris(2025, 1, 30, 9), paris(2025, 9, 29, 9)]
    event = make_event(make_agenda(home), starts=starts, hours=3)
    items = json_ld_items(client.get(event.url).content.decode())
    assert [(i["startDate"], i["endDate"]) for i in items] == [
        ("2025-01-27T09:00:00+01:00", "2025-01-27T12:00:00+01:00"),
        ("2025-01-30T09:00:00+01:00", "2025-01-30T12:00:00+01:00"),
        ("2025-09-29T09:00:00+02:00", "2025-09-29T12:00:00+02:00"),
    ]
    assert {i["name"] for i in items} == {event.title}


def test_cancelled_date_is_cancelled_in_json_ld(client, home):
    event = make_event(make_agenda(home), starts=[paris(2030, 3, 5, 14), paris(2030, 3, 12, 14)])
    event.occurrences.filter(start=paris(2030, 3, 5, 14)).update(status="annulee")
    items = json_ld_items(client.get(event.url).content.decode())
    assert [i["eventStatus"].rsplit("/", 1)[1] for i in items] == [
        "EventCancelled",
        "EventScheduled",
    ]


def test_event_over_several_days_shows_both_days(client, home):
    event = make_event(make_agenda(home), starts=[paris(2030, 6, 3, 9)], hours=32)
    import re

    html = client.get(event.url).content.decode()
    text = re.sub(r"<[^>]+>", "", html)
    assert "du lundi 3 juin 2030 à 9h00 au mardi 4 juin 2030 à 17h00" in text
    assert '<time datetime="2030-06-04T17:00:00+02:00">' in html


def test_demo_series_skip_christmas_and_public_holidays():
    from campaigns.demo import upcoming

    moment = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        starts = upcoming({"weekday": 3, "hour": 14, "weeks": 6})
    days = [s.date() for s in starts]
    assert len(days) == 6
    assert datetime.date(2026, 12, 24) not in days
    assert datetime.date(2026, 12, 31) not in days
    assert days[0] == datetime.date(2026, 12, 3)
    assert all(d.weekday() == 3 for d in days)
