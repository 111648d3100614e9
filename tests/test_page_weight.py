"""Every benchmarked page type of the demo site weighs under 60 KB of HTML + CSS + JS before
images (issue 3 sets that limit for a lesson; residents read on old phones and slow
connections). Bytes are deterministic, so this is a test; timings stay in bench/."""

import pytest

from bench.pages import PAGES, asset_bytes

pytestmark = pytest.mark.django_db

WEIGHT_LIMIT = 60_000


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_page_weighs_under_the_limit(client, name, path):
    response = client.get(path)
    assert response.status_code in (200, 302, 404)
    assets = asset_bytes(response.content.decode())
    total = len(response.content) + assets["css"] + assets["js"]
    assert total < WEIGHT_LIMIT, f"{name}: {total} B ({assets})"


def test_the_weight_counts_the_stylesheet_and_scripts(client):
    """The count is not vacuous: the lesson page links the site's stylesheet and its scripts."""
    response = client.get("/se-former/premiers-pas/creer-une-adresse-e-mail/")
    assets = asset_bytes(response.content.decode())
    assert assets["css"] > 10_000
    assert assets["js"] > 1_000
