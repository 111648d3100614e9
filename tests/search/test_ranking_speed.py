"""What keeps PostgreSQL ranking and the spelling correction cheap (docs/search.md, "Speed"):
the stored completeness column, the two-phase ranking, the trigram-indexed look-ups."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from search import backends
from search import query as sq
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL index table only"
)


def french():
    return Locale.objects.get(language_code="fr")


def completeness_of(page):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT capnum_completeness, length(body_text) FROM wagtailsearch_indexentry "
            "WHERE object_id = %s",
            [str(page.pk)],
        )
        return cursor.fetchone()


@postgres_only
def test_stored_completeness_follows_publish_edit_and_unpublish(home):
    page = StandardPageFactory(parent=home, title="Atelier quillorne", live=False)
    page.summary = "Court."
    page.save_revision().publish()
    stored, length = completeness_of(page)
    assert stored == pytest.approx(1 + length * backends.COMPLETENESS_WEIGHT / 4000)
    short = stored

    page.refresh_from_db()
    page.summary = "Un résumé bien plus long sur les ateliers numériques. " * 20
    page.save_revision().publish()
    stored, length = completeness_of(page)
    assert stored > short
    assert stored == pytest.approx(1 + min(length, 4000) * backends.COMPLETENESS_WEIGHT / 4000)

    page.unpublish()
    assert sq.run_query(sq.build_query("quillorne", french())[0], french()) == []


@postgres_only
def test_two_phase_ranking_gives_the_exact_order_when_candidates_hold_every_match(
    monkeypatch,
):
    locale = french()
    queries = ["arnaque", "numérique", "mot de passe", "fake news", "atelier"]
    monkeypatch.setattr(backends, "TWO_PHASE_MIN_ENTRIES", 0)  # the demo is a small site
    two_phase = {q: sq.run_query(sq.build_query(q, locale)[0], locale) for q in queries}
    monkeypatch.setattr(backends, "TWO_PHASE_MAX_STOP", 0)  # one phase: every match ranked
    one_phase = {q: sq.run_query(sq.build_query(q, locale)[0], locale) for q in queries}
    assert all(two_phase.values())
    assert two_phase == one_phase


@postgres_only
def test_two_phase_ranking_keeps_title_matches_and_the_most_complete_pages(home, monkeypatch):
    """Beyond the candidate limits only the most complete matches and the most complete
    title matches are ranked: the title match still comes first."""
    long_text = "Le quorvex revient dans ce long texte sur les ateliers. " * 60
    for n in range(6):
        StandardPageFactory(parent=home, title=f"Atelier {n}", summary=long_text)
    StandardPageFactory(parent=home, title="Quorvex", summary="Le quorvex.")
    locale = french()
    query = sq.build_query("quorvex", locale)[0]
    assert len(sq.run_query(query, locale)) == 7
    monkeypatch.setattr(backends, "TWO_PHASE_MIN_ENTRIES", 0)
    monkeypatch.setattr(backends, "TITLE_CANDIDATES", 1)
    monkeypatch.setattr(backends, "CANDIDATES", 3)
    hits = sq.run_query(query, locale)
    assert len(hits) == 4
    assert sq.Page.objects.get(pk=hits[0][0]).title == "Quorvex"


@postgres_only
def test_a_small_site_is_ranked_in_one_phase(monkeypatch):
    """Below TWO_PHASE_MIN_ENTRIES index entries (the demo) the candidates would be most of
    the matches: one query ranks every match, without the candidate subqueries."""
    locale = french()
    query = sq.build_query("arnaque", locale)[0]
    sq.run_query(query, locale)  # the index size estimate, once per process
    with CaptureQueriesContext(connection) as captured:
        one_phase = sq.run_query(query, locale)
    assert len(captured) == 1 and "UNION" not in captured[0]["sql"]
    monkeypatch.setattr(backends, "TWO_PHASE_MIN_ENTRIES", 0)
    sq.run_query(query, locale)  # the page table's size estimate, once per process
    with CaptureQueriesContext(connection) as captured:
        two_phase = sq.run_query(query, locale)
    assert len(captured) == 1 and "UNION ALL" in captured[0]["sql"]
    assert one_phase == two_phase


@postgres_only
def test_places_are_ranked_in_one_phase_beside_a_large_index(monkeypatch):
    """The places are a small table: however large the index, their search is one phase
    (the union of candidates costs more than it saves on a few rows)."""
    locale = french()
    query = sq.build_query("numérique", locale)[0]
    monkeypatch.setattr(backends, "TWO_PHASE_MIN_ENTRIES", 5000)
    monkeypatch.setitem(backends._table_sizes, "wagtailsearch_indexentry", (1e18, 10**6))
    monkeypatch.setitem(backends._table_sizes, "wagtailcore_page", (1e18, 10**6))
    monkeypatch.setitem(backends._table_sizes, "content_place", (1e18, 20))
    with CaptureQueriesContext(connection) as captured:
        places = sq.run_place_query(query, locale)
        sq.run_query(query, locale)
    assert places
    searches = [q["sql"] for q in captured.captured_queries if "@@" in q["sql"]]
    place_sql, page_sql = searches
    assert place_sql.startswith('SELECT "content_place"') and "UNION" not in place_sql
    assert "UNION ALL" in page_sql


@postgres_only
def test_spelling_correction_reads_titles_through_the_trigram_index():
    locale = french()
    with CaptureQueriesContext(connection) as captured:
        assert sq.suggest("cannva", locale) == "canva"
        assert sq.suggest("xqzwvk", locale) == ""
    title_reads = [q["sql"] for q in captured.captured_queries if '"wagtailcore_page"' in q["sql"]]
    assert title_reads
    # Every read of the titles is filtered by a trigram operator (the index on lower(title)).
    assert all("%>" in sql for sql in title_reads)
    assert all('LOWER("wagtailcore_page"."title") %>' in sql for sql in title_reads)
    # ... and ordered by the trigram distance, closest first, which the GiST index on
    # lower(title) serves as a nearest-neighbour scan (the demo is too small for the planner
    # to prefer it; EXPLAIN at 100 000 pages: docs/notes/issue-21-search-bench.md).
    assert all(
        re.search(r'ORDER BY \(?LOWER\("wagtailcore_page"."title"\) <->', sql)
        for sql in title_reads
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_page_title_trgm_gist'"
        )
        assert "gist (lower((title)::text) gist_trgm_ops)" in cursor.fetchone()[0]


def test_spelling_correction_when_no_title_is_close():
    """A transposition (« cnava ») shares few trigrams with « canva »: the wider look-up
    (PostgreSQL) or the whole vocabulary (SQLite) still corrects it."""
    assert sq.suggest("cnava", french()) == "canva"


@postgres_only
def test_search_index_gin_indexes_have_no_pending_list(home):
    """Every GIN index of the search index table writes entries in place (migration 0007):
    a publish leaves nothing in a pending list for the next searches to read."""
    StandardPageFactory(
        parent=home, title="Atelier pendulaire", live=True
    ).save_revision().publish()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reloptions FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
            "WHERE i.indrelid = 'wagtailsearch_indexentry'::regclass AND a.amname = 'gin'"
        )
        indexes = dict(cursor.fetchall())
        assert len(indexes) >= 4  # title, body, autocomplete, title || body
        assert all(options and "fastupdate=off" in options for options in indexes.values())
        for name in indexes:
            # The number of pending-list pages it had to merge: none.
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])
            assert cursor.fetchone()[0] == 0, name


def orm_ranking(text, locale):
    """The ranking through Django's ORM (the reference the SQL statement must equal)."""
    from search.fallback import backend_for

    query = sq.build_query(text, locale)[0]
    results = sq.base_queryset(locale).search(
        query, order_by_relevance=True, backend=backend_for(locale)
    )[: sq.MAX_HITS]
    return list(results.get_queryset().values_list("pk", "content_type_id"))


@postgres_only
@pytest.mark.parametrize("two_phase", [False, True], ids=["one-phase", "two-phase"])
def test_the_ranking_statement_written_as_sql_equals_the_orm_ranking(monkeypatch, two_phase):
    """search/ranked_sql.py writes the ranking statement as text: same rows, same order as
    the queryset it replaces, for one word, several, synonyms, no match, in one phase and in
    two (with candidate limits small enough to cut: the demo is a small site)."""
    locale = french()
    if two_phase:
        monkeypatch.setattr(backends, "TWO_PHASE_MIN_ENTRIES", 0)
        monkeypatch.setattr(backends, "TITLE_CANDIDATES", 3)
        monkeypatch.setattr(backends, "CANDIDATES", 8)
    texts = ["arnaque", "numérique", "mot de passe", "courriel", "fake news", "zorglub"]
    for text in texts:
        query = sq.build_query(text, locale)[0]
        sq.run_query(query, locale)  # the index size estimates, once per process
        with CaptureQueriesContext(connection) as captured:
            ranked = sq.run_query(query, locale)
        assert len(captured) == 1
        assert "wagtailsearch_indexentry e" in captured[0]["sql"]  # the SQL statement ran
        assert ranked == orm_ranking(text, locale), text
    assert any(sq.run_query(sq.build_query(t, locale)[0], locale) for t in texts)


@postgres_only
def test_places_are_ranked_by_the_sql_statement(monkeypatch):
    locale = french()
    query = sq.build_query("numérique", locale)[0]
    sq.run_place_query(query, locale)  # the index size estimates, once per process
    with CaptureQueriesContext(connection) as captured:
        places = sq.run_place_query(query, locale)
    assert places and len(captured) == 1
    assert "wagtailsearch_indexentry e" in captured[0]["sql"]
    from wagtail.search.backends import get_search_backend

    from content.models import Place
    from search.fallback import backend_for

    results = get_search_backend(backend_for(locale)).search(
        query, Place.objects.filter(locale=locale)
    )[: sq.MAX_PLACES]
    assert [p.pk for p in places] == [p.pk for p in results.get_queryset()]
