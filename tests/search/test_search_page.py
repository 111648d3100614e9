"""The search page: results, labels, robustness, facets, synonyms, suggestions,
promotions, query log, autocomplete, index upkeep."""

import re

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale, Page

from content.demo import get_home
from content.models import StandardPage
from search import query as sq
from search.models import SearchTermStat, SynonymGroup
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

URL = "/recherche/"


def titles(response):
    return titles_from(response.content.decode())


def titles_from(html):
    return re.findall(r'search-result__title"><a href="[^"]*">([^<]*)</a>', html)


def test_search_page_lists_results_with_labels_summary_excerpt_and_status(client):
    response = client.get(URL, {"q": "canva"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Créer une affiche pour son commerce avec Canva" in titles(response)[:3]
    assert 'role="status"' in html
    assert re.search(r"\d+ résultats pour « canva »", html)
    assert '<span class="tag">Guide pratique</span>' in html
    assert "<mark>Canva</mark>" in html  # highlighted excerpt from the indexed body text
    assert "en partant d&#x27;un modèle" in html  # summary


def test_empty_query_shows_the_form_only(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert titles(response) == []


def test_header_search_box_on_every_page(client):
    html = client.get("/").content.decode()
    assert '<search class="site-search"' in html
    assert '<label for="site-search-q"' in html
    assert 'action="/recherche/"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "a" * 5000},
        {"q": "mot " * 1500},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
        {"q": '" OR 1=1 --'},
        {"q": "<script>alert(1)</script>"},
        {"q": 'arnaque AND NOT (x* OR "y") NEAR/2 ^z'},
        {"q": "courriel", "page": "-1"},
        {"q": "courriel", "page": "9999"},
        {"q": "courriel", "page": "abc"},
        {"q": "courriel", "type": "nope.unknown"},
        {"q": "courriel", "public": "inconnu", "niveau": "'; --"},
        {"q": "\x00\x01courriel\u200b"},
        {"q": "%%%___"},
    ],
)
def test_hostile_input_gets_a_normal_page(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert Page.objects.filter(slug="accueil").exists()


def test_long_query_is_cut_with_a_message(client):
    html = client.get(URL, {"q": "courriel " * 600}).content.decode()
    assert "seuls ses 200 premiers caractères" in html


def test_unknown_filter_is_ignored_with_a_message(client):
    response = client.get(URL, {"q": "courriel", "type": "nope.unknown"})
    html = response.content.decode()
    assert "ont été ignorés" in html
    assert "Créer mon adresse e-mail" in titles(response)


def test_page_out_of_range_shows_last_page_with_message(client):
    html = client.get(URL, {"q": "courriel", "page": "50"}).content.decode()
    assert "Cette page de résultats n’existe pas" in html


def test_pagination_links_keep_query_and_filters(client, monkeypatch):
    from search import views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    response = client.get(URL, {"q": "courriel", "type": "content.standardpage"})
    html = response.content.decode()
    assert len(titles(response)) == 2
    assert "q=courriel&amp;type=content.standardpage&amp;page=2" in html
    page2 = client.get(URL, {"q": "courriel", "type": "content.standardpage", "page": 2})
    assert set(titles(page2)).isdisjoint(titles(response))


def test_type_facet_counts_and_filter(client):
    response = client.get(URL, {"q": "numérique"})
    html = response.content.decode()
    assert 'name="type" value="content.homepage"' in html
    assert 'name="type" value="content.standardpage"' in html
    filtered = client.get(URL, {"q": "numérique", "type": "content.homepage"})
    assert titles(filtered) == ["Le numérique pour tous dans le Boulonnais"]
    assert 'value="content.homepage" id="f-type-' in filtered.content.decode()
    assert "checked" in filtered.content.decode()


def test_facets_are_introspected_from_page_fields():
    locale = Locale.objects.get(language_code="fr")
    hits = [(p.pk, p.content_type_id) for p in sq.base_queryset(locale)]
    facets, _keep, ignored = sq.compute_facets(hits, {})
    # Lessons and events declare level, audiences and themes: their facets appear by themselves.
    assert {"type", "niveau", "public", "theme"} <= {f.key for f in facets}
    assert ignored == []


def test_facet_on_a_field_no_result_has_is_ignored():
    locale = Locale.objects.get(language_code="fr")
    standard = sq.base_queryset(locale).type(StandardPage)
    hits = [(p.pk, p.content_type_id) for p in standard]
    facets, keep, ignored = sq.compute_facets(hits, {"public": ["seniors"]})
    # Standard pages have no audiences: only the type facet is offered, and a filter on an
    # absent facet is reported as ignored instead of failing.
    assert [f.key for f in facets] == ["type"]
    assert keep is None
    assert ignored == ["seniors"]


def test_facet_introspection_on_a_model_with_audiences():
    from content.models import Audience

    class Fake:
        class _meta:
            @staticmethod
            def get_field(name):
                if name == "audiences":
                    return Audience._meta.get_field("name").model._meta.pk
                raise LookupError(name)

    assert sq.model_field(Fake, ("audiences",)) is not None
    assert sq.model_field(Fake, ("themes",)) is None


def test_results_only_in_current_locale(client):
    english = client.get("/en/recherche/", {"q": "courriel"})
    assert english.status_code == 200
    assert "Créer mon adresse e-mail" not in titles(english)


def test_synonyms_are_applied_and_editable(client):
    assert "Créer mon adresse e-mail" in titles(client.get(URL, {"q": "mail"}))
    canva = "Créer une affiche pour son commerce avec Canva"
    assert canva not in titles(client.get(URL, {"q": "graphisme"}))
    SynonymGroup.objects.create(
        name="Graphisme", terms="graphisme\ncanva", locale=Locale.objects.get(language_code="fr")
    )
    assert canva in titles(client.get(URL, {"q": "graphisme"}))


def test_typo_is_corrected_when_nothing_matches(client):
    response = client.get(URL, {"q": "hamesonnage"})
    html = response.content.decode()
    assert "Aucun résultat pour « hamesonnage »" in html
    assert "Reconnaître une arnaque par SMS" in titles(response)
    # The visitor's spelling found nothing: the report lists it among the searches without
    # result (it was counted as a success).
    stat = SearchTermStat.objects.get(query="hamesonnage")
    assert (stat.searches, stat.zero_result_searches) == (1, 1)


def test_pages_with_some_of_the_words_when_none_has_them_all(client, home):
    """A teacher's "fake news 4e": no page has every word; pages with some of them beat an
    empty page, the best first, and the page says the answer is partial. The query log still
    counts it as unfound, so editors see the content to write."""
    for title in ("Atelier zorglub", "Balade quetzalcoatl", "Atelier zorglub quetzalcoatl bis"):
        StandardPageFactory(parent=home, title=title, live=False).save_revision().publish()
    full = client.get(URL, {"q": "zorglub quetzalcoatl"})
    assert titles(full) == ["Atelier zorglub quetzalcoatl bis"]
    assert "une partie" not in full.content.decode()

    Page.objects.get(title="Atelier zorglub quetzalcoatl bis").unpublish()
    partial = client.get(URL, {"q": "zorglub quetzalcoatl"})
    html = partial.content.decode()
    assert sorted(titles(partial)) == ["Atelier zorglub", "Balade quetzalcoatl"]
    assert "Aucune page ne contient tous les mots de « zorglub quetzalcoatl »" in html
    assert SearchTermStat.objects.get(query="zorglub quetzalcoatl").zero_result_searches == 1

    nothing = client.get(URL, {"q": "zorglub xylophagezz"}).content.decode()
    assert "une partie" in nothing  # one word is enough for a partial answer
    single = client.get(URL, {"q": "xylophagezz"}).content.decode()
    assert "une partie" not in single and "0 résultat" in single


def test_suggestion_offered_for_a_word_that_is_not_a_title_word():
    locale = Locale.objects.get(language_code="fr")
    assert sq.suggest("cannva", locale) == "canva"
    assert sq.suggest("canva", locale) == ""


def test_promoted_results_come_first(client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    page = StandardPage.objects.get(slug="accessibilite")
    SearchPromotion.objects.create(query=Query.get("courriel"), page=page, sort_order=0)
    html = client.get(URL, {"q": "Courriel"}).content.decode()
    assert "Recommandé" in html
    assert html.index("Déclaration d&#x27;accessibilité") < html.index("Créer mon adresse e-mail")


def test_query_log_is_aggregated_and_anonymous(client, admin_client):
    client.get(URL, {"q": "Courriel"})
    client.get(URL, {"q": "courriel "})
    client.get(URL, {"q": "zzzqqq"})
    stat = SearchTermStat.objects.get(query="courriel")
    assert stat.searches == 2 and stat.zero_result_searches == 0
    assert SearchTermStat.objects.get(query="zzzqqq").zero_result_searches == 1
    field_names = {f.name for f in SearchTermStat._meta.get_fields()}
    assert not field_names & {"ip", "user", "session", "user_agent"}
    report = admin_client.get("/admin/recherche/rapport/?sans_resultat=1")
    assert report.status_code == 200
    body = report.content.decode()
    assert "zzzqqq" in body and ">courriel<" not in body


def test_synonym_snippet_in_admin(admin_client):
    response = admin_client.get("/admin/snippets/search/synonymgroup/")
    assert response.status_code == 200
    assert "Arnaques" in response.content.decode()


def test_autocomplete_endpoint(client):
    data = client.get("/recherche/suggestions/", {"q": "cyber"}).json()
    assert "/interventions-scolaires/cyberharcelement-4e/" in [r["url"] for r in data["results"]]
    assert client.get("/recherche/suggestions/", {"q": "'\"<>" * 100}).json()["results"] == []


def test_search_page_loads_autocomplete_script(client):
    html = client.get(URL).content.decode()
    assert "js/search-autocomplete.js" in html
    assert 'data-autocomplete-url="/recherche/suggestions/"' in html


def test_pages_are_reindexed_on_publish_and_unpublish(client):
    hub = StandardPage.objects.get(slug="habitants")
    page = StandardPage(title="Atelier tablette zorblax", slug="atelier-zorblax", live=False)
    hub.add_child(instance=page)
    assert titles(client.get(URL, {"q": "zorblax"})) == []  # draft: not live
    page.save_revision().publish()
    assert titles(client.get(URL, {"q": "zorblax"})) == ["Atelier tablette zorblax"]
    page.refresh_from_db()
    page.title = "Atelier tablette plimtok"
    page.save_revision().publish()
    assert titles(client.get(URL, {"q": "plimtok"})) == ["Atelier tablette plimtok"]
    page.unpublish()
    assert titles(client.get(URL, {"q": "plimtok"})) == []


def test_french_accents_ignored_both_ways(client):
    assert "Me connecter à Ameli et impots.gouv avec FranceConnect" in titles(
        client.get(URL, {"q": "impots"})
    )
    assert "Le cyberharcèlement, à partir de la 4e" in titles(
        client.get(URL, {"q": "CYBERHARCELEMENT"})
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL text search only")
def test_postgres_uses_french_unaccent_configuration():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('capnum_french', 'Les arnaques, le harcèlement')")
        vector = cursor.fetchone()[0]
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_indexentry_title_body_gin'"
        )
        indexdef = cursor.fetchone()[0]
    assert "'arnaqu'" in vector and "'harcel'" in vector and "les" not in vector
    assert "(title || body)" in indexdef


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL backend only")
def test_postgres_query_uses_title_body_expression_without_projection():
    from django.test.utils import CaptureQueriesContext

    locale = Locale.objects.get(language_code="fr")
    with CaptureQueriesContext(connection) as ctx:
        sq.run_query(sq.build_query("courriel", locale)[0], locale)
    search_sql = [q["sql"] for q in ctx.captured_queries if "@@" in q["sql"]]
    assert search_sql
    assert 'AS "_vector_"' not in search_sql[0]


def test_home_still_exists():
    assert get_home().live


def test_query_count_does_not_grow_with_results(client, home):
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    def queries_for_zorglub():
        client.get(URL, {"q": "zorglub"})
        with CaptureQueriesContext(conn) as captured:
            response = client.get(URL, {"q": "zorglub"})
        return len(titles(response)), len(captured)

    for n in range(2):
        StandardPageFactory(parent=home, title=f"Zorglub {n}", summary="zorglub")
    few_results, few_queries = queries_for_zorglub()
    for n in range(2, 12):
        StandardPageFactory(parent=home, title=f"Zorglub {n}", summary="zorglub")
    many_results, many_queries = queries_for_zorglub()
    assert (few_results, many_results) == (2, 10)  # one page of ten results
    # Few results also look for a "did you mean" suggestion, so the small case may cost more.
    assert many_queries <= few_queries


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 backend only")
def test_sqlite_query_reads_the_fts_table_once():
    """The stock SQLite query re-ran the FTS match for every candidate page (correlated
    rank subquery); search.backends reads the FTS table once, rooted at the MATCH."""
    from django.test.utils import CaptureQueriesContext
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    locale = Locale.objects.get(language_code="fr")
    query = sq.build_query("arnaque courriel", locale)[0]
    with CaptureQueriesContext(connection) as ctx:
        hits = sq.run_query(query, locale)
    table = SQLiteFTSIndexEntry._meta.db_table
    fts_sql = [q["sql"] for q in ctx.captured_queries if f'"{table}"' in q["sql"]]
    assert len(fts_sql) == 1
    sql = fts_sql[0]
    assert re.match(
        rf'SELECT "wagtailsearch_indexentry"\."object_id"( AS "\w+")? FROM "{table}"', sql
    )
    assert sql.count(f'FROM "{table}"') + sql.count(f'JOIN "{table}"') == 1
    assert f"{table} MATCH" in sql and f"bm25({table})" in sql
    # The page filters (live, locale) are one non-correlated subquery, no OuterRef.
    assert sql.count("SELECT") == 2 and 'U0."live"' in sql
    assert hits and len(hits) == len(set(hits))


def test_publishing_reindexes_only_the_page(home):
    """Publishing touches the search index with a fixed, small number of queries (the
    page's own entry), whatever the size of the site: no rebuild on publish."""
    from django.test.utils import CaptureQueriesContext

    def index_queries_for_a_publish(title):
        page = StandardPageFactory(parent=home, title=title, live=False)
        with CaptureQueriesContext(connection) as ctx:
            page.save_revision().publish()
        return [q["sql"] for q in ctx.captured_queries if "wagtailsearch_indexentry" in q["sql"]]

    small = index_queries_for_a_publish("Publication zelkova")
    for n in range(15):
        StandardPageFactory(parent=home, title=f"Remplissage {n}")
    large = index_queries_for_a_publish("Publication zelkovb")
    # Twice (save_revision then publish): the page's entry is written (PostgreSQL: one
    # upsert; SQLite: a lookup then an insert or update) and the title norm refreshed (an
    # AVG over the index table, then an UPDATE of the new entries only).
    expected = {"postgresql": 6, "sqlite": 8}[connection.vendor]
    assert len(small) == len(large) == expected
    # No query reads the pages table: nothing but this page's entry is rebuilt.
    assert not any("wagtailcore_page" in q for q in small + large)


def test_result_count_follows_the_french_plural_rule(client, home):
    """« 0 résultat », « 1 résultat », « 2 résultats » (French puts 0 in the singular)."""
    zero = client.get(URL, {"q": "quokkaplumezz"}).content.decode()
    assert "0 résultat pour « quokkaplumezz »" in zero
    assert "0 résultats" not in zero
    StandardPageFactory(parent=home, title="Atelier quokkaplume", summary="quokkaplume")
    one = client.get(URL, {"q": "quokkaplume"}).content.decode()
    assert "1 résultat pour « quokkaplume »" in one
    StandardPageFactory(parent=home, title="Balade quokkaplume", summary="quokkaplume")
    two = client.get(URL, {"q": "quokkaplume"}).content.decode()
    assert "2 résultats pour « quokkaplume »" in two


@pytest.mark.parametrize(
    ("typed", "logged"),
    [
        ("jean.dupont@exemple.fr mot de passe", "[courriel] mot de passe"),
        ("Jean.Dupont @ Orange.fr", "[courriel]"),
        ("appeler 06 12 34 56 78", "appeler [telephone]"),
        ("+33 6 12 34 56 78 arnaque", "[telephone] arnaque"),
        ("+33 (0)6 12 34 56 78", "[telephone]"),
        ("0612345678", "[telephone]"),
        ("06.12.34.56.78 sms", "[telephone] sms"),
        ("0033 3 21 00 00 00", "[telephone]"),
        # Figures that are not phone numbers stay.
        ("impots 2025 62200", "impots 2025 62200"),
    ],
)
def test_query_log_masks_email_addresses_and_phone_numbers(client, typed, logged):
    client.get(URL, {"q": typed})
    assert list(SearchTermStat.objects.values_list("query", flat=True)) == [logged]


def test_search_log_keeps_queries_13_months_after_their_last_search(settings):
    import datetime
    import io

    from django.core.management import call_command

    settings.SEARCH_LOG_RETENTION_MONTHS = 13
    today = timezone.localdate()
    for query, months in (("recent", 2), ("juste", 12), ("ancien", 14)):
        stat = SearchTermStat.objects.create(query=query, searches=1)
        day = today - datetime.timedelta(days=round(months * 30.5))
        SearchTermStat.objects.filter(pk=stat.pk).update(last_searched=day)
    out = io.StringIO()
    call_command("purge_search_log", stdout=out)
    assert "1 search log row(s) deleted" in out.getvalue()
    assert sorted(SearchTermStat.objects.values_list("query", flat=True)) == ["juste", "recent"]


def test_a_new_search_dates_the_query_again(client):
    """The log is purged 13 months after a query's *last* search: searching it again moves
    that date (record() used update(), which skips auto_now, so a query searched every day
    kept its first date and was purged anyway)."""
    import datetime

    client.get(URL, {"q": "arnaque"})
    stat = SearchTermStat.objects.get(query="arnaque")
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    SearchTermStat.objects.filter(pk=stat.pk).update(last_searched=long_ago)
    client.get(URL, {"q": "arnaque"})
    stat.refresh_from_db()
    assert stat.last_searched == timezone.localdate()
    assert stat.searches == 2


def test_months_before_keeps_the_day_or_the_months_last():
    import datetime

    from search.models import months_before

    assert months_before(datetime.date(2026, 12, 3), 13) == datetime.date(2025, 11, 3)
    assert months_before(datetime.date(2027, 3, 31), 13) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 1) == datetime.date(2025, 12, 15)


def test_excerpts_come_from_the_text_not_block_labels(client):
    """A heading's level or a callout's kind is a setting: it was indexed as its label and
    opened excerpts (« Titre de section (niveau 2) Les signes... »)."""
    html = client.get(URL, {"q": "arnaque"}).content.decode()
    excerpts = re.findall(r'<p class="search-result__excerpt">(.*?)</p>', html, re.S)
    assert excerpts
    for label in ("Titre de section", "niveau 2)", "Astuce", "Attention"):
        assert not any(label in excerpt for excerpt in excerpts), (label, excerpts)
    lesson = Page.objects.get(slug="creer-une-adresse-e-mail").specific
    text = sq.page_text(lesson)
    assert "Envoyer mon premier e-mail" in text  # the heading's text stays searchable
    assert "Titre de section" not in text


def test_old_demo_pages_redirect_to_the_page_that_replaced_them(client):
    """The one-paragraph demo pages that duplicated lessons were merged into them: their
    addresses lead there (permanent redirect), so no bookmark is lost."""
    for old, new in [
        (
            "/habitants/reconnaitre-hameconnage/",
            "/se-former/aller-plus-loin/reconnaitre-un-sms-hameconnage/",
        ),
        ("/habitants/envoyer-un-courriel/", "/se-former/premiers-pas/creer-une-adresse-e-mail/"),
        ("/enseignants/cyberharcelement-4e/", "/interventions-scolaires/cyberharcelement-4e/"),
        ("/entrepreneurs/atelier-canva/", "/guides-pratiques/creer-une-affiche-avec-canva/"),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(new)
        assert client.get(new).status_code == 200
    assert not Page.objects.filter(slug="reconnaitre-hameconnage").exists()


def test_complete_lesson_ranks_in_the_top_3_for_a_residents_word(client):
    """« arnaque »: the residents' lesson comes before the short pages that only name the word
    (it was 10th of 13 behind one-paragraph stubs; first on SQLite, in the top 3 on
    PostgreSQL where the live alert and the quiz have the word in their titles)."""
    html = client.get(URL, {"q": "arnaque"}).content.decode()
    pages = html[html.index('<ol class="search-results"') :]  # after the places' section
    assert "Reconnaître une arnaque par SMS" in titles_from(pages)[:3]


def test_an_english_results_page_marks_the_french_names_of_audiences(
    client, django_capture_on_commit_callbacks
):
    """The English path links the French audiences (wagtail-localize copies many-to-many
    links as they are): their names on an English results page, in the result's tags and the
    « Public » filter, carry lang="fr" (WCAG 3.1.2); on the French page they carry none."""
    from content import demo_english

    with django_capture_on_commit_callbacks(execute=True):
        demo_english.load(only=["/", "/se-former/", "/se-former/premiers-pas/"])
    english = client.get("/en/recherche/", {"q": "everyday tools"}).content.decode()
    assert "First steps: my everyday tools" in english
    assert re.search(r'<span class="tag" lang="fr">Seniors</span>', english)
    assert re.search(r'<span lang="fr">Seniors</span> <span class="search-facet__count">', english)
    french = client.get(URL, {"q": "outils du quotidien"}).content.decode()
    assert re.search(r'<span class="tag">Seniors</span>', french)
    assert 'lang="fr">Seniors' not in french
