"""« Bilan »: the dashboard's figures are the sums of the records on the demo data, its query
count does not grow with the number of reports, and only the coordination opens it."""

import datetime
import re

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.models import EventPage
from content.indicators import Filters, figures
from lessons.models import SessionReport

from .helpers import body, cast, refused

pytestmark = pytest.mark.django_db

PERIOD = Filters(datetime.date(2024, 1, 1), datetime.date(2026, 12, 1))


def by_key(filters=PERIOD):
    return {figure.key: figure for figure in figures(filters)}


def test_figures_equal_the_sums_of_the_demo_records():
    found = by_key()
    reports = SessionReport.objects.filter(date__gte=PERIOD.start, date__lte=PERIOD.end)
    pupils = reports.aggregate(n=Sum("pupils"))["n"]
    assert pupils > 0
    assert found["eleves-module"].total == pupils
    assert found["eleves-niveau"].total == pupils
    assert found["seances-scolaires"].total == reports.count()
    assert found["parents-scolaires"].total == reports.aggregate(n=Sum("parents"))["n"]
    ended = [
        e for e in EventPage.objects.live() if e.dates and e.dates[-1].end.date() <= PERIOD.end
    ]
    attendance = sum(e.attendance_count or 0 for e in ended)
    assert attendance > 0
    assert found["participants-niveau"].total == attendance
    assert found["participants-type"].total == attendance


def report(day, n):
    return SessionReport(
        date=day,
        school=f"Collège {n}",
        class_level="5e",
        pupils=20,
        topic="ia",
        other_structure="X",
    )


def test_query_count_is_the_same_with_10_and_1000_reports(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            by_key()
        return len(queries)

    day = datetime.date(2026, 3, 3)
    SessionReport.objects.bulk_create([report(day, n) for n in range(10)])
    ten = count()
    SessionReport.objects.bulk_create([report(day, n) for n in range(990)])
    assert count() == ten
    assert by_key()["eleves-niveau"].rows  # and the thousand are counted
    total = SessionReport.objects.filter(date__gte=PERIOD.start).aggregate(n=Sum("pupils"))["n"]
    assert by_key()["eleves-niveau"].total == total


def test_dashboard_exports_and_report_for_the_coordination_only(client):
    people = cast()
    client.force_login(people.editor)
    for name in ("indicators_dashboard", "indicators_csv", "indicators_coop_csv"):
        assert refused(client.get(reverse(name))), name
    client.force_login(people.coordination)
    page = body(
        client.get(reverse("indicators_dashboard"), {"du": "01/01/2024", "au": "01/12/2026"})
    )
    assert "<svg" in page and "<table" in page and "Élèves sensibilisés par niveau" in page
    coop = client.get(reverse("indicators_coop_csv"), {"du": "01/01/2024", "au": "01/12/2026"})
    text = coop.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Date;Structure;Commune;Type d'accompagnement")
    assert "Collectif" in text and "Prévention en sécurité numérique" in text
    assert client.get(reverse("indicators_yearly", args=[2025])).status_code == 200
    pdf = client.get(reverse("indicators_yearly_pdf", args=[2025]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_public_figures_group_small_counts():
    from content.indicators import Figure, Row

    figure = Figure("x", "X", "personnes", [Row("A", 40), Row("B", 2), Row("C", 1)])
    assert [(r.label, r.value) for r in figure.grouped(threshold=5).rows] == [
        ("A", 40),
        ("Autres", None),
    ]
    figure.rows.append(Row("D", 4))
    assert figure.grouped(threshold=5).rows[-1].value == 7


def test_yearly_report_says_when_its_figures_were_gathered(admin_client, admin_user):
    """The date was inside {% blocktranslate %} with a filter, which blocktranslate does not
    apply: the sentence read « Chiffres réunis le  à partir… »."""
    page = body(admin_client.get(reverse("indicators_yearly", args=[2025])))
    assert re.search(r"Chiffres réunis le \d\d/\d\d/\d{4} à \d\d:\d\d à partir", page)
    # An editor who chose English in their account reads it in English.
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    english = body(admin_client.get(reverse("indicators_yearly", args=[2025])))
    assert re.search(r"Figures gathered on \d\d/\d\d/\d{4}, \d\d:\d\d from", english)
