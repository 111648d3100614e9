"""« Nos résultats » and its open data: figures equal the sums of the records, small counts are
grouped or withheld everywhere they are published (page, CSV, JSON), the rule and the licence
are stated, and the query count does not grow with the number of records."""

import csv
import datetime
import io
import json
from collections import Counter

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from campaigns.models import EventPage
from content.indicators import Figure, Row
from content.models import Place
from lessons.models import SessionReport

pytestmark = pytest.mark.django_db

YEAR = 2025
THRESHOLD = 5


def published(client, year=YEAR):
    response = client.get(f"/donnees/nos-resultats-{year}.json")
    assert response.status_code == 200
    return {item["cle"]: item for item in json.loads(response.content)["indicateurs"]}


def values(item):
    return {row["libelle"]: row["valeur"] for row in item["lignes"]}


def expected_grouping(counts):
    """The rule, written again independently of Figure.grouped: what may be published."""
    kept = {label: n for label, n in counts.items() if n >= THRESHOLD or n == 0}
    small = {label: n for label, n in counts.items() if 0 < n < THRESHOLD}
    if len(small) == 1:
        kept[next(iter(small))] = None
    elif small:
        folded = sum(small.values())
        kept["Autres"] = folded if folded >= THRESHOLD else None
    return kept


def test_public_figures_equal_the_sums_of_the_records(client):
    found = published(client)
    reports = SessionReport.objects.filter(date__year=YEAR)
    assert reports.exists()
    by_level = Counter()
    for report in reports:
        by_level[report.get_class_level_display()] += report.pupils
    assert values(found["eleves-niveau"]) == expected_grouping(by_level)
    parents = reports.aggregate(n=Sum("parents"))["n"]
    assert values(found["parents-scolaires"]) == expected_grouping({"Parents": parents})

    ended = [e for e in EventPage.objects.live() if e.dates and e.dates[-1].end.year == YEAR]
    by_level = Counter()
    for event in ended:
        by_level[event.get_level_display()] += event.attendance_count or 0
    by_level = {label: n for label, n in by_level.items() if n}
    assert sum(by_level.values()) > 0
    assert values(found["participants-niveau"]) == expected_grouping(by_level)
    assert found["participants-niveau"]["total"] == sum(by_level.values())

    # Places point at no one: never grouped, and they all count.
    places = found["lieux"]
    assert places["total"] == Place.objects.filter(locale__language_code="fr").count()
    # Figures kept to the staff never leave the admin.
    assert "seances-scolaires" not in found


def test_the_page_shows_the_same_figures_as_the_open_data(client):
    html = client.get(f"/nos-resultats/{YEAR}/").content.decode()
    for key, item in published(client).items():
        assert f'id="{key}-titre"' in html
        for row in item["lignes"]:
            if row["valeur"] is not None:
                assert f"<td>{row['valeur']}</td>" in html, (key, row)


def small_reports(year):
    """Two small class levels (2 and 1 pupils) and one small parents' count."""
    day = datetime.date(year, 3, 3)
    SessionReport.objects.bulk_create(
        [
            SessionReport(
                date=day,
                school="Collège A",
                class_level="1re",
                pupils=2,
                parents=3,
                topic="ia",
                other_structure="X",
            ),
            SessionReport(
                date=day,
                school="Collège B",
                class_level="terminale",
                pupils=1,
                topic="ia",
                other_structure="X",
            ),
        ]
    )


def test_small_counts_are_grouped_on_the_page_the_csv_and_the_json(client):
    SessionReport.objects.filter(date__year=2024).delete()
    small_reports(2024)
    found = published(client, 2024)
    levels = found["eleves-niveau"]
    assert values(levels) == {"Autres": None}  # 2 + 1 = 3: still under 5, withheld
    assert levels["total"] is None  # a total would give the withheld value away
    assert values(found["parents-scolaires"]) == {"Parents": None}  # a lone row keeps its label
    html = client.get("/nos-resultats/2024/").content.decode()
    section = html.split('id="eleves-niveau"', 1)[1].split("</section>", 1)[0]
    assert "moins de 5" in section
    assert ">2<" not in section and ">1<" not in section and ">3<" not in section
    assert "Total" not in section
    text = client.get("/donnees/nos-resultats-2024.csv").content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    rows = [line for line in lines if line[0] == "Élèves sensibilisés par niveau de classe"]
    assert rows == [
        [
            "Élèves sensibilisés par niveau de classe",
            "Autres",
            "",
            "moins de 5",
            "élèves",
            "01/01/2024",
            "31/12/2024",
            rows[0][7],
        ]
    ]


def test_a_count_reaching_the_threshold_is_published(client):
    SessionReport.objects.filter(date__year=2024).delete()
    small_reports(2024)
    SessionReport.objects.create(
        date=datetime.date(2024, 5, 5),
        school="Collège C",
        class_level="terminale",
        pupils=2,
        topic="ia",
        other_structure="X",
    )
    # 2 (1re) + 3 (terminale) = 5: the group is published, its parts are not.
    assert values(published(client, 2024)["eleves-niveau"]) == {"Autres": 5}


def test_the_rule_and_the_licence_are_stated(client):
    html = client.get("/nos-resultats/").content.decode()
    assert "inférieurs à 5 sont regroupés dans « Autres »" in html
    assert 'rel="license"' in html and "Licence Ouverte" in html
    assert f'href="/donnees/nos-resultats-{YEAR}.csv"' in html
    assert f'href="/donnees/nos-resultats-{YEAR}.json"' in html
    data = client.get(f"/donnees/nos-resultats-{YEAR}.json")
    record = json.loads(data.content)
    assert record["licence"]["name"] == "etalab-2.0"
    assert record["seuil_petits_nombres"] == THRESHOLD
    assert record["periode"] == {"du": f"{YEAR}-01-01", "au": f"{YEAR}-12-31"}
    sheet = client.get(f"/donnees/nos-resultats-{YEAR}.csv")
    for response in (data, sheet):
        assert "etalab.gouv.fr/licence-ouverte" in response["Link"]
        assert response["Access-Control-Allow-Origin"] == "*"
    assert sheet.content.startswith("\ufeffIndicateur;Catégorie;Valeur".encode())


def test_the_footer_leads_to_the_page_and_unknown_years_are_404(client):
    assert 'href="/nos-resultats/"' in client.get("/").content.decode()
    for url in ("/nos-resultats/2019/", "/donnees/nos-resultats-2099.json"):
        assert client.get(url).status_code == 404


def test_query_count_is_the_same_with_few_and_many_records(client):
    def count():
        counts = []
        for url in (f"/nos-resultats/{YEAR}/", f"/donnees/nos-resultats-{YEAR}.json"):
            client.get(url)  # warm per-process caches
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    def reports(n, start):
        return [
            SessionReport(
                date=datetime.date(YEAR, 4, 1),
                school=f"Collège {i}",
                class_level="5e",
                pupils=20,
                topic="ia",
                other_structure="X",
            )
            for i in range(start, start + n)
        ]

    SessionReport.objects.bulk_create(reports(10, 0))
    few = count()
    SessionReport.objects.bulk_create(reports(990, 10))
    assert count() == few
    pupils = SessionReport.objects.filter(date__year=YEAR).aggregate(n=Sum("pupils"))["n"]
    assert published(client)["eleves-niveau"]["total"] == pupils


def test_grouping_keeps_a_lone_label_zeros_and_uncounted_kinds():
    figure = Figure("x", "X", "personnes", [Row("A", 40), Row("B", 0), Row("C", 3)])
    grouped = figure.grouped(threshold=5)
    assert [(r.label, r.value) for r in grouped.rows] == [("A", 40), ("B", 0), ("C", None)]
    assert grouped.withheld and not figure.withheld
    places = Figure("p", "P", "lieux", [Row("A", 2)], people=False).grouped(threshold=5)
    assert [(r.label, r.value) for r in places.rows] == [("A", 2)]
