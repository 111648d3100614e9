"""The search results page costs a fixed number of SQL queries (docs/queries.md), counted
exactly as the page budgets are (tests/test_query_budget.py): site, settings, menu,
synonyms and promoted queries from the configuration cache, the facets of every hit in one
UNION query, the results page one query per page type shown, the query log one
INSERT … ON CONFLICT."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

# Exact counts, per database, plus one query per page type on the results page (which
# types rank first moves with the demo's text and each database's ranking). SQLite's backend
# reads the FTS table then the pages (two queries for pages, two for places), PostgreSQL one
# each. The four rate-limit statements (the search and its log, INSERT … ON CONFLICT then
# UPDATE … RETURNING each) are the test settings' database counters; in production they are
# in Redis (no SQL).
BUDGETS = {
    # A common word: many page types on its first results page.
    "q=arnaque": {"postgresql": 8, "sqlite": 10},
    # A rare word: three results.
    "q=canva": {"postgresql": 8, "sqlite": 9},
    # Nothing matches: the spelling correction looks at titles, then the some-words search.
    "q=zorglub": {"postgresql": 9, "sqlite": 8},
    # A filter: one page type left (a filtered search is not logged: one rate limit).
    "q=arnaque&type=lessons.lessonpage": {"postgresql": 5, "sqlite": 7},
}
MAX_QUERIES = 15  # issue 21: the search results page at 15 queries or fewer


@pytest.mark.parametrize("query", list(BUDGETS))
def test_search_results_page_query_budget(client, query):
    url = f"/recherche/?{query}"
    client.get(url)  # the first request fills the configuration cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    counters = [q for q in captured.captured_queries if "content_ratecounter" in q["sql"]]
    assert len(counters) == (2 if "&" in query else 4)
    types_shown = {ct for _pk, ct in response.context["page_obj"].object_list}
    assert len(captured) == BUDGETS[query][connection.vendor] + len(types_shown)
    assert len(captured) - len(counters) <= MAX_QUERIES
    if connection.vendor == "postgresql":
        assert len(captured) <= MAX_QUERIES
