"""The directory's optional map: nothing of it (no script, no data, no wider policy) unless a
tile server is set; with one, only the directory pages allow that server's images."""

from pathlib import Path

import pytest

from content.places import maps

pytestmark = pytest.mark.django_db

URL = "/lieux/"
TILES = "https://tuiles.example.test/{z}/{x}/{y}.png"


def img_src(response):
    policy = response["Content-Security-Policy"]
    directive = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    return directive.split()[1:]


def test_without_a_tile_server_there_is_no_map_and_the_policy_stays_strict(client, settings):
    settings.PLACES_MAP_TILE_URL = ""
    response = client.get(URL, {"commune": "62160"})
    html = response.content.decode()
    assert "places-map.js" not in html
    assert "data-map-tiles" not in html and "data-lat" not in html
    assert img_src(response) == ["'self'", "data:"]


def test_with_a_tile_server_the_directory_offers_the_map_and_allows_only_its_origin(
    client, settings
):
    settings.PLACES_MAP_TILE_URL = TILES
    settings.PLACES_MAP_ATTRIBUTION = "© les contributeurs d'OpenStreetMap"
    response = client.get(URL, {"commune": "62160"})
    html = response.content.decode()
    assert "/static/js/places-map.js" in html
    assert f'data-map-tiles="{TILES}"' in html
    assert "les contributeurs d&#x27;OpenStreetMap" in html
    # Demo places have no coordinates: placed at their commune's centre, flagged approximate.
    assert 'data-lat="50.72' in html and "data-approx" in html
    assert img_src(response) == ["'self'", "data:", "https://tuiles.example.test"]


def test_other_pages_never_allow_the_tile_server(client, settings):
    settings.PLACES_MAP_TILE_URL = TILES
    for path in ("/", "/lieux/centre-social-de-wimereux-wimereux/", "/integrer/lieux/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "tuiles.example.test" not in response["Content-Security-Policy"], path
        assert "places-map.js" not in response.content.decode(), path


@pytest.mark.parametrize(
    "value",
    [
        "tuiles.example.test/{z}/{x}/{y}.png",  # no scheme
        "javascript:alert(1)//{z}/{x}/{y}",
        "https://tuiles.example.test/tile.png",  # not an XYZ template
        "ftp://tuiles.example.test/{z}/{x}/{y}.png",
    ],
)
def test_an_unusable_tile_setting_gives_no_map(client, settings, value):
    settings.PLACES_MAP_TILE_URL = value
    assert maps.map_config() is None
    response = client.get(URL)
    assert "places-map.js" not in response.content.decode()
    assert img_src(response) == ["'self'", "data:"]


MAP_BUDGET = 6_000


def _weight(client):
    from bench.pages import asset_bytes

    response = client.get(URL)
    assets = asset_bytes(response.content.decode())
    return len(response.content) + assets["css"] + assets["js"]


def test_the_map_costs_less_than_its_budget_and_nothing_when_off(client, settings):
    """Off (the default), the directory is under the 60 KB test's limit (tests/test_page_weight.py);
    a tile server adds the map's own stylesheet, script and positions: under 6 KB."""
    from django.contrib.staticfiles import finders

    settings.PLACES_MAP_TILE_URL = ""
    without = _weight(client)
    settings.PLACES_MAP_TILE_URL = TILES
    with_map = _weight(client)
    own = sum(
        Path(finders.find(name)).stat().st_size
        for name in ("js/places-map.js", "css/places-map.css")
    )
    assert with_map - without >= own  # the map's files are counted
    assert with_map - without < MAP_BUDGET, f"the map adds {with_map - without} B"
