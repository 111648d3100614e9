"""Each page type renders with a fixed number of SQL queries. A change that adds queries must
change the number here on purpose; listings must not grow with their number of items."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

# (path, queries) for the demo site.
BUDGETS = [
    ("/", 14),
    ("/accessibilite/", 15),
    ("/cette-page-n-existe-pas/", 11),
    ("/se-former/", 17),
    ("/se-former/premiers-pas/", 19),
    ("/se-former/premiers-pas/creer-une-adresse-e-mail/", 23),
]


@pytest.mark.parametrize(("path", "queries"), BUDGETS, ids=[b[0] for b in BUDGETS])
def test_page_query_budget(client, django_assert_num_queries, path, queries):
    client.get(path)  # the first request fills per-process caches (site root paths, settings)
    cache.clear()
    client.get(path)
    with django_assert_num_queries(queries):
        client.get(path)
