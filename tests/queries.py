"""Counting the SQL queries of a page render, for the "does not grow with N items" tests."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_page_queries(client, url):
    """Queries of a steady-state render: a first request fills the per-process caches (site
    root paths, settings), then the shared cache is emptied so every test counts the same."""
    client.get(url)
    cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
