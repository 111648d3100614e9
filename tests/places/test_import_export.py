"""The national standard both ways: import (CSV and JSON, all or nothing, a report of every
refused line), export at stable URLs valid against the pinned schema, and the round trip."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from jsonschema import Draft202012Validator

from content.models import Place
from content.places import importer, standard

pytestmark = pytest.mark.django_db

HEADER = ",".join(standard.fields())


def csv_file(*rows):
    """A CSV of the standard from dicts (missing columns are empty cells)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=standard.fields(), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode()


def good(**fields):
    return {
        "id": "test-1",
        "pivot": "21620160800019",
        "nom": "Point numérique de test",
        "commune": "Outreau",
        "code_postal": "62230",
        "code_insee": "62643",
        "adresse": "2 rue des Essais",
        "date_maj": "2026-11-30",
        "horaires": "Mo-Fr 09:00-12:00; PH off",
        "services": "Aide aux démarches administratives|Utilisation sécurisée du numérique",
        "telephone": "+33353019999",
        **fields,
    }


def test_the_pinned_schema_is_the_standards_v1():
    schema = standard.table_schema()
    assert schema["name"] == "standard-mediation-num"
    assert schema["version"] == "v1.0.2"
    assert standard.required_fields() == [
        "id",
        "pivot",
        "nom",
        "commune",
        "code_postal",
        "adresse",
        "date_maj",
    ]
    Draft202012Validator.check_schema(standard.file_schema())


def test_json_export_validates_against_the_pinned_schema(client):
    response = client.get("/donnees/lieux-mediation-numerique.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "etalab-2.0" not in response.content.decode()  # the licence is a header and a page
    assert "licence-ouverte" in response["Link"]
    data = json.loads(response.content)
    assert len(data) == Place.objects.filter(locale__language_code="fr").count() > 10
    errors = list(Draft202012Validator(standard.file_schema()).iter_errors(data))
    assert errors == []
    bellidee = next(p for p in data if p["id"] == "capnum-bellidee")
    assert bellidee["services"].startswith("Maîtrise des outils numériques du quotidien|")
    assert bellidee["pivot"] == standard.UNKNOWN_PIVOT


def test_the_schema_check_is_not_vacuous():
    validator = Draft202012Validator(standard.file_schema())
    broken = [{**good(), "services": "Cours de cuisine", "code_postal": "622"}]
    del broken[0]["nom"]
    reasons = {e.validator for e in validator.iter_errors(broken)}
    assert reasons == {"pattern", "required"}


def test_csv_export_has_the_standards_columns(client):
    response = client.get("/donnees/lieux-mediation-numerique.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == standard.fields()
    assert len(rows) - 1 == Place.objects.filter(locale__language_code="fr").count()


def test_open_data_page_states_the_licence(client):
    html = client.get("/donnees/lieux-mediation-numerique/").content.decode()
    assert "Licence Ouverte / Open Licence version 2.0" in html
    assert 'href="/donnees/lieux-mediation-numerique.csv"' in html


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_then_import_round_trips_identically(client, fmt):
    url = f"/donnees/lieux-mediation-numerique.{fmt}"
    first = client.get(url).content
    Place.objects.all().delete()
    report = importer.import_file(first, name=f"lieux.{fmt}")
    assert report.ok, report.lines()
    assert report.created > 10
    assert client.get(url).content == first


def test_import_is_idempotent_on_the_standards_id(french):
    data = csv_file(good(), good(id="test-2", nom="Deuxième lieu"))
    first = importer.import_file(data, name="lieux.csv")
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    again = importer.import_file(data, name="lieux.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = importer.import_file(csv_file(good(nom="Nouveau nom")), name="lieux.csv")
    assert (changed.created, changed.updated) == (0, 1)
    place = Place.objects.get(identifiant="test-1", locale=french)
    assert place.nom == "Nouveau nom"
    assert place.services == "Aide aux démarches administratives;Utilisation sécurisée du numérique"
    assert str(place.date_maj) == "2026-11-30"  # the file's date, kept


def test_dry_run_reports_and_saves_nothing():
    before = Place.objects.count()
    report = importer.import_file(csv_file(good()), name="lieux.csv", dry_run=True)
    assert report.ok and report.created == 1
    assert "Essai à blanc" in report.lines()[0]
    assert Place.objects.count() == before


def test_bad_lines_are_each_reported_and_nothing_changes():
    before = list(Place.objects.values_list("pk", "nom", "date_maj"))
    data = csv_file(
        good(id="ok-line"),  # line 2: fine, yet not imported since others fail
        good(id="bad-service", services="Aide aux démarches administratives|Cours de cuisine"),
        good(id="bad-hours", horaires="Lu-Ve 9h-12h"),
        good(id="no-name", nom=""),
        good(id="bad-phone", telephone="03 21 00 00 00"),
    )
    report = importer.import_file(data, name="lieux.csv")
    assert not report.ok
    found = {(e.line, e.field, e.value): e.reason for e in report.errors}
    assert found[(3, "services", "Cours de cuisine")] == "valeur inconnue du standard"
    assert "opening_hours" in found[(4, "horaires", "Lu-Ve 9h-12h")]
    assert found[(5, "nom", "")] == "champ obligatoire manquant"
    assert found[(6, "telephone", "03 21 00 00 00")] == "valeur hors du format du standard"
    assert not any(e.line == 2 for e in report.errors)
    assert "aucun lieu n'a été modifié" in report.lines()[0]
    assert "Ligne 3, champ « services », valeur « Cours de cuisine »" in report.lines()[1]
    assert list(Place.objects.values_list("pk", "nom", "date_maj")) == before


def test_a_20_mb_file_is_refused_before_reading():
    before = list(Place.objects.values_list("pk", "nom", "date_maj"))
    data = HEADER.encode() + b"\n" + b"x" * (20 * 1024 * 1024)
    report = importer.import_file(data, name="lieux.csv")
    assert report.refused == "Fichier trop volumineux (20.0 Mo) : la limite est de 10 Mo."
    assert list(Place.objects.values_list("pk", "nom", "date_maj")) == before


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 50, "lieux.xlsx", "ni un CSV ni un JSON"),
        (b"Bonjour,\nceci est une lettre\n", "lettre.txt", "n'est pas un CSV du standard"),
        ("nom;commune\né".encode("latin-1"), "lieux.csv", "pas en UTF-8"),
        (b"", "vide.csv", "vide"),
        (b'{"lieux": 3}', "lieux.json", "liste de lieux"),
        (b"[{,]", "lieux.json", "JSON illisible"),
    ],
)
def test_files_that_are_not_the_standard_are_refused_clearly(data, name, expected):
    before = list(Place.objects.values_list("pk", "nom", "date_maj"))
    report = importer.import_file(data, name=name)
    assert expected in report.refused
    assert not report.ok
    assert list(Place.objects.values_list("pk", "nom", "date_maj")) == before


def test_json_import_with_numbers_and_a_semicolon_csv():
    record = good(latitude=50.7051, longitude=1.5932)
    report = importer.import_file(json.dumps([record]).encode(), name="lieux.json")
    assert report.ok and report.created == 1
    place = Place.objects.get(identifiant="test-1")
    assert str(place.latitude) == "50.705100"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=standard.fields(), delimiter=";")
    writer.writeheader()
    writer.writerow(good(id="sc"))
    report = importer.import_file(buffer.getvalue().encode("utf-8-sig"), name="lieux.csv")
    assert report.ok and report.created == 1


def test_repeated_id_in_one_file_is_refused():
    report = importer.import_file(csv_file(good(), good(nom="Doublon")), name="lieux.csv")
    assert [(e.line, e.field) for e in report.errors] == [(3, "id")]


def test_command_imports_reports_and_fails_on_errors(tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_bytes(csv_file(good()))
    out = io.StringIO()
    call_command("import_places", str(path), "--dry-run", stdout=out)
    assert "1 lieu(x) seraient créé(s)" in out.getvalue()
    assert not Place.objects.filter(identifiant="test-1").exists()
    call_command("import_places", str(path), stdout=out)
    assert Place.objects.filter(identifiant="test-1").exists()
    path.write_bytes(csv_file(good(horaires="tous les jours")))
    err = io.StringIO()
    with pytest.raises(CommandError, match="aucun lieu n'a été modifié"):
        call_command("import_places", str(path), stderr=err)
    assert "Ligne 2, champ « horaires »" in err.getvalue()
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (20 * 1024 * 1024 + 10))
    with pytest.raises(CommandError, match="trop volumineux"):
        call_command("import_places", str(big))
