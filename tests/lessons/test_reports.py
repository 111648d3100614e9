"""Session reports: the public form (validation, honeypot, rate limit, module prefill), the admin
review (list, filters, edit, delete) and the aggregates with their CSV export."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from content.demo_data import read
from content.models import Organisation
from lessons.demo import DATA as LESSONS_DEMO_DATA
from lessons.models import SessionReport
from lessons.models.reports import school_year_of, school_year_start
from lessons.reports import module_initial

pytestmark = pytest.mark.django_db

URL = "/compte-rendu-de-seance/"


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()  # the rate limit counter lives there
    yield
    cache.clear()


@pytest.fixture
def bellidee():
    return Organisation.objects.get(slug="bellidee", locale__language_code="fr")


def yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def valid_data(structure, **overrides):
    data = {
        "date": yesterday().isoformat(),
        "organisation": str(structure.pk),
        "other_structure": "",
        "school": "Collège Test de Wimereux",
        "class_level": "5e",
        "topic": "cyberharcelement",
        "pupils": "27",
        "parents": "3",
        "comment": "Bonne participation.",
        "site_web": "",
    }
    data.update(overrides)
    return data


def test_url_name_and_path():
    assert reverse("lessons:session_report") == URL
    assert reverse("lessons:resume_code") == "/progression/code/"


def test_form_page_has_labels_and_no_cookie(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Compte rendu de séance</h1>" in html
    for name in ("date", "organisation", "school", "class_level", "topic", "pupils", "parents"):
        assert f'<label for="id_{name}">' in html
    assert 'aria-describedby="id_pupils-aide"' in html
    assert 'name="site_web"' in html and 'tabindex="-1"' in html
    assert "Centre social Éclaté Bellidée" in html
    assert not response.cookies  # no CSRF cookie: the form is csrf_exempt on purpose


def test_valid_report_is_saved_and_redirects_to_thanks(client, bellidee):
    SessionReport.objects.all().delete()
    response = client.post(URL, valid_data(bellidee))
    assert response.status_code == 302
    assert response["Location"] == "/compte-rendu-de-seance/merci/"
    report = SessionReport.objects.get()
    assert (report.pupils, report.parents, report.class_level) == (27, 3, "5e")
    assert report.organisation == bellidee
    assert report.structure_name == "Centre social Éclaté Bellidée"
    assert report.school_year == school_year_of(yesterday())
    assert report.module is None
    thanks = client.get(response["Location"])
    assert "Merci, votre compte rendu est enregistré" in thanks.content.decode()
    assert not response.cookies and not thanks.cookies


def test_other_structure_is_accepted(client):
    response = client.post(
        URL, valid_data(Organisation(), organisation="", other_structure=" Maison des jeunes ")
    )
    assert response.status_code == 302
    assert SessionReport.objects.get(school="Collège Test de Wimereux").structure_name == (
        "Maison des jeunes"
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"pupils": "0"}, "pupils", "Indiquez au moins 1 élève"),
        ({"pupils": "-5"}, "pupils", "Indiquez au moins 1 élève"),
        ({"pupils": "450"}, "pupils", "60 élèves au plus par séance"),
        ({"pupils": "douze"}, "pupils", "Indiquez un nombre entier d'élèves"),
        ({"pupils": ""}, "pupils", "Indiquez le nombre d'élèves présents."),
        ({"parents": "-1"}, "parents", "ne peut pas être négatif"),
        ({"parents": "5000"}, "parents", "200 parents au plus"),
        ({"organisation": ""}, "organisation", "Indiquez votre structure"),
        ({"other_structure": "MJC"}, "other_structure", "pas les deux"),
        ({"organisation": "999999"}, "organisation", "Choisissez une structure de la liste."),
        ({"date": "31/02/2026"}, "date", "Indiquez une date valide"),
        ({"date": ""}, "date", "Indiquez la date de la séance."),
        ({"school": ""}, "school", "Indiquez l'établissement"),
        ({"class_level": "cm2"}, "class_level", "Choisissez un niveau de la liste."),
        ({"topic": ""}, "topic", "Choisissez le thème de la séance."),
        ({"comment": "x" * 1001}, "comment", "Le commentaire est trop long"),
    ],
)
def test_invalid_report_is_refused_with_its_message(client, bellidee, overrides, field, message):
    before = SessionReport.objects.count()
    data = valid_data(bellidee, **overrides)
    response = client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'<a href="#id_{field}">' in html
    assert escape(message) in html
    assert f'aria-invalid="true" aria-describedby="id_{field}' in html or (
        f'aria-describedby="id_{field}-aide id_{field}-erreur" aria-invalid="true"' in html
    )
    assert SessionReport.objects.count() == before
    # Nothing typed is lost.
    assert 'value="Collège Test de Wimereux"' in html or field == "school"


def test_future_date_is_refused(client, bellidee):
    before = SessionReport.objects.count()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(URL, valid_data(bellidee, date=tomorrow.isoformat()))
    assert response.status_code == 400
    assert "La date ne peut pas être dans le futur" in response.content.decode()
    assert SessionReport.objects.count() == before


def test_date_older_than_the_previous_school_year_is_refused(client, bellidee):
    before = SessionReport.objects.count()
    start = school_year_start(timezone.localdate())
    earliest = start.replace(year=start.year - 1)
    too_old = earliest - datetime.timedelta(days=1)
    response = client.post(URL, valid_data(bellidee, date=too_old.isoformat()))
    assert response.status_code == 400
    assert "Cette date est trop ancienne" in response.content.decode()
    assert SessionReport.objects.count() == before
    assert client.post(URL, valid_data(bellidee, date=earliest.isoformat())).status_code == 302


def test_french_date_format_is_accepted(client, bellidee):
    day = yesterday()
    response = client.post(URL, valid_data(bellidee, date=day.strftime("%d/%m/%Y")))
    assert response.status_code == 302
    assert SessionReport.objects.filter(school="Collège Test de Wimereux", date=day).exists()


def test_honeypot_pretends_success_and_saves_nothing(client, bellidee):
    before = SessionReport.objects.count()
    response = client.post(URL, valid_data(bellidee, site_web="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == "/compte-rendu-de-seance/merci/"
    assert SessionReport.objects.count() == before


def test_rate_limit_refuses_with_429_and_keeps_the_values(client, bellidee, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "session_report": "2/h"}
    before = SessionReport.objects.count()
    assert client.post(URL, valid_data(bellidee, pupils="20")).status_code == 302
    # Corrections of a wrong entry do not count against the limit.
    assert client.post(URL, valid_data(bellidee, pupils="0")).status_code == 400
    assert client.post(URL, valid_data(bellidee, pupils="21")).status_code == 302
    response = client.post(URL, valid_data(bellidee, pupils="22"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "Trop de comptes rendus envoyés" in html
    assert 'value="22"' in html and 'value="Collège Test de Wimereux"' in html
    assert SessionReport.objects.count() == before + 2
    # Another address is not affected.
    other = client.post(URL, valid_data(bellidee, pupils="23"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_module_is_linked_and_bad_module_ids_are_ignored(client, bellidee):
    from lessons.models import LessonPage

    lesson = LessonPage.objects.live().first()
    page = client.get(URL, {"module": lesson.pk})
    assert page.status_code == 200
    assert f'name="module" value="{lesson.pk}"' in page.content.decode()
    response = client.post(URL, valid_data(bellidee, module=str(lesson.pk)))
    assert response["Location"] == f"/compte-rendu-de-seance/merci/?module={lesson.pk}"
    assert SessionReport.objects.get(school="Collège Test de Wimereux").module_id == lesson.pk
    thanks = client.get(response["Location"]).content.decode()
    assert "Retour au module" in thanks
    for bad in ("abc", "-3", "0", "99999999", "999999999999999999999", "1 OR 1=1"):
        assert client.get(URL, {"module": bad}).status_code == 200
        assert client.get("/compte-rendu-de-seance/merci/", {"module": bad}).status_code == 200
    response = client.post(URL, valid_data(bellidee, module="abc", school="Lycée sans module"))
    assert response.status_code == 302
    assert SessionReport.objects.get(school="Lycée sans module").module is None


class FakeModule:
    def __init__(self, **attributes):
        self.__dict__.update(attributes)


def test_module_prefill_uses_topic_and_class_levels_when_present():
    assert module_initial(None) == {}
    assert module_initial(FakeModule(title="Sans attributs")) == {}
    assert module_initial(FakeModule(topic="ia", class_levels=["4e"])) == {
        "topic": "ia",
        "class_level": "4e",
    }
    # Several levels: the facilitator chooses; unknown codes are ignored.
    assert module_initial(FakeModule(topic="inconnu", class_levels="6e,5e")) == {}
    assert module_initial(FakeModule(topic="emi", class_levels=["2nde", "xx"])) == {
        "topic": "emi",
        "class_level": "2nde",
    }


def test_school_module_links_to_the_form_which_prefills_from_it(client):
    from lessons.models import SchoolModulePage

    module = SchoolModulePage.objects.live().get(class_levels=["5e"])
    html = client.get(module.url).content.decode()
    link = f"{URL}?module={module.pk}"
    assert f'href="{link}"' in html
    html = client.get(link).content.decode()
    assert '<option value="reseaux-sociaux" selected>' in html
    assert '<option value="5e" selected>' in html
    # A module for several levels prefills the topic only: the facilitator picks the class.
    several = SchoolModulePage.objects.live().get(topic="cybersecurite")
    html = client.get(URL, {"module": several.pk}).content.decode()
    assert '<option value="cybersecurite" selected>' in html
    assert "selected>6e<" not in html and '<option value="6e" selected>' not in html


def test_form_query_count(client, django_assert_num_queries):
    client.get(URL)
    # The organisations of the select (the base template's site, settings and menu come from
    # the configuration cache: docs/queries.md).
    with django_assert_num_queries(1):
        client.get(URL)


def test_thanks_and_form_in_english(client):
    assert client.get("/en/compte-rendu-de-seance/").status_code == 200


# -- demo and aggregates ---------------------------------------------------------------------


def test_demo_reports_reproduce_the_seeds_figures(admin_client):
    from lessons.reports import aggregates

    reports = read(LESSONS_DEMO_DATA / "rapports-de-seance.yaml")
    bellidee_reports = [r for r in reports if r["organisation"] == "bellidee"]
    assert SessionReport.objects.filter(structure_name="Centre social Éclaté Bellidée").count() == (
        len(bellidee_reports)
    )
    data = aggregates("2024-2025")
    pupils = {row["key"]: row["pupils"] for row in data["by_level"]}
    assert (pupils["6e"], pupils["5e"], pupils["4e"], pupils["2nde"]) == (121, 95, 84, 110)
    bellidee = next(r for r in data["by_structure"] if r["key"].startswith("Centre social"))
    assert (bellidee["pupils"], bellidee["sessions"], bellidee["parents"]) == (410, 14, 25)
    from content.demo import french
    from lessons import demo

    assert demo.load_reports(french()) == 0  # idempotent


def test_valid_report_appears_in_aggregate_and_csv(client, admin_client, bellidee):
    SessionReport.objects.all().delete()
    day = yesterday()
    year = school_year_of(day)
    client.post(URL, valid_data(bellidee, pupils="27", parents="3"))
    client.post(URL, valid_data(bellidee, pupils="18", parents="0", class_level="6e", topic="ia"))
    client.post(
        URL, valid_data(bellidee, organisation="", other_structure="MJC", pupils="12", parents="1")
    )
    response = admin_client.get("/admin/bilan-interventions/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Année scolaire {year}" in html
    assert "<strong>3</strong>" in html and "<strong>57</strong>" in html
    assert "<strong>4</strong>" in html
    assert '<th scope="row">Centre social Éclaté Bellidée</th><td>2</td><td>45</td><td>3</td>' in (
        html
    )
    assert '<th scope="row">MJC</th><td>1</td><td>12</td><td>1</td>' in html
    assert '<th scope="row">5e</th><td>2</td><td>39</td><td>4</td>' in html
    assert "<svg" in html and "<desc" in html

    response = admin_client.get("/admin/bilan-interventions/csv/", {"annee": year})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"bilan-interventions-{year}.csv" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    lines = raw.decode("utf-8-sig").splitlines()
    # The staff spreadsheet format (tests/test_spreadsheet.py): labels, no codes.
    assert lines[0] == "Année scolaire;Regroupement;Libellé;Séances;Élèves;Parents"
    assert lines[1] == f"{year};total;Total;3;57;4"
    assert f"{year};niveau;5e;2;39;4" in lines
    assert f"{year};niveau;6e;1;18;0" in lines
    assert f"{year};thème;Intelligence artificielle;1;18;0" in lines
    assert f"{year};thème;Cyberharcèlement;2;39;4" in lines
    assert f"{year};structure;Centre social Éclaté Bellidée;2;45;3" in lines
    assert f"toutes;année scolaire;{year};3;57;4" in lines


def test_summary_year_filter_and_bad_values(admin_client):
    all_years = admin_client.get("/admin/bilan-interventions/", {"annee": "toutes"})
    assert "Toutes les années" in all_years.content.decode()
    for bad in ("1999-2000", "<script>", ""):
        assert admin_client.get("/admin/bilan-interventions/", {"annee": bad}).status_code == 200
    csv = admin_client.get("/admin/bilan-interventions/csv/", {"annee": "toutes"})
    assert csv.content.decode("utf-8-sig").splitlines()[1].startswith("toutes;total;")


def test_summary_query_count(admin_client, django_assert_num_queries):
    # The admin's own (session, user, menus...) plus years, totals and the four groupings; the
    # same with more reports.
    admin_client.get("/admin/bilan-interventions/")
    with django_assert_num_queries(12):
        admin_client.get("/admin/bilan-interventions/")
    SessionReport.objects.create(
        date=yesterday(),
        other_structure="MJC",
        school="Collège",
        class_level="6e",
        topic="ia",
        pupils=10,
    )
    with django_assert_num_queries(12):
        admin_client.get("/admin/bilan-interventions/")


def test_summary_needs_the_view_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editrice", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/bilan-interventions/").status_code in (302, 403)
    assert client.get("/admin/bilan-interventions/csv/").status_code in (302, 403)
    user.user_permissions.add(Permission.objects.get(codename="view_sessionreport"))
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get("/admin/bilan-interventions/").status_code == 200


# -- admin review ----------------------------------------------------------------------------


def test_admin_list_filters_edit_and_delete(admin_client, bellidee):
    list_url = reverse("wagtailsnippets_lessons_sessionreport:list")
    response = admin_client.get(list_url)
    assert response.status_code == 200
    assert "Collège de Marquise" in response.content.decode()
    filtered = admin_client.get(list_url, {"class_level": "3e"}).content.decode()
    assert "Collège de Marquise" in filtered and "Lycée de Boulogne-sur-Mer" not in filtered
    by_structure = admin_client.get(list_url, {"structure_name": "CCT2C"}).content.decode()
    assert "Collège de Marquise" in by_structure and "Saint-Martin-Boulogne" not in by_structure
    searched = admin_client.get(list_url, {"q": "Marquise"}).content.decode()
    assert "Collège de Marquise" in searched and "Lycée de Boulogne-sur-Mer" not in searched
    by_topic = admin_client.get(list_url, {"topic": "ia", "school_year": "2024-2025"})
    assert "Lycée de Boulogne-sur-Mer" in by_topic.content.decode()
    assert "Collège de Marquise" not in by_topic.content.decode()

    report = SessionReport.objects.get(date="2026-05-05")
    edit_url = reverse("wagtailsnippets_lessons_sessionreport:edit", args=[report.pk])
    assert admin_client.get(edit_url).status_code == 200
    data = {
        "date": "2026-05-05",
        "organisation": str(report.organisation_id),
        "other_structure": "",
        "school": "Collège de Marquise",
        "class_level": "3e",
        "topic": "reseaux-sociaux",
        "pupils": "25",
        "parents": "2",
        "comment": "",
        "module": "",
    }
    assert admin_client.post(edit_url, data).status_code == 302
    report.refresh_from_db()
    assert (report.pupils, report.parents) == (25, 2)
    # The admin refuses what the public form refuses.
    refused = admin_client.post(edit_url, {**data, "pupils": "0", "organisation": ""})
    assert refused.status_code == 200
    report.refresh_from_db()
    assert report.pupils == 25

    delete_url = reverse("wagtailsnippets_lessons_sessionreport:delete", args=[report.pk])
    assert admin_client.post(delete_url).status_code == 302
    assert not SessionReport.objects.filter(pk=report.pk).exists()


def test_reports_menu_has_the_summary(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/bilan-interventions/" in html


def test_school_year_boundaries():
    assert school_year_of(datetime.date(2025, 8, 31)) == "2024-2025"
    assert school_year_of(datetime.date(2025, 9, 1)) == "2025-2026"
    assert school_year_start(datetime.date(2026, 3, 3)) == datetime.date(2025, 9, 1)
