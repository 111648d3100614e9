"""The directory in a browser: axe at 1280 and 320 px for the directory, a place, a filtered
list and the embed; filtering with the keyboard alone and without JavaScript; the first place
of a filtered list on the first screen of a 320×640 phone."""

import pytest

from .conftest import WIDTHS, assert_no_axe_violations, assert_reflows, focused_element

pytestmark = pytest.mark.browser

PLACE_PAGES = [
    ("directory", "/lieux/"),
    ("place", "/lieux/centre-social-de-wimereux-wimereux/"),
    ("place-itinerant", "/lieux/numerique-dans-les-quartiers-itinerant-boulogne-sur-mer/"),
    ("directory-filtered", "/lieux/?service=aide-aux-demarches-administratives&pres=62643"),
    ("embed", "/integrer/lieux/?commune=62160"),
    ("open-data", "/donnees/lieux-mediation-numerique/"),
]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize(("name", "path"), PLACE_PAGES, ids=[p[0] for p in PLACE_PAGES])
def test_places_pages_are_accessible(make_page, name, path, width):
    page = make_page(width=width)
    assert page.goto(path).status == 200
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == []


@pytest.mark.parametrize(("name", "path"), PLACE_PAGES, ids=[p[0] for p in PLACE_PAGES])
def test_places_pages_read_without_javascript(make_page, name, path):
    page = make_page(width=320, javascript=False)
    page.goto(path)
    assert page.locator("main h1").is_visible()
    assert_no_axe_violations(page)


def in_first_screen(page, locator):
    """Entirely inside the viewport as the page is shown (after any #fragment scroll)."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_keyboard_only_filtering_without_javascript(make_page):
    """A resident on a 320×640 phone, no JavaScript, keyboard only: chooses a service and a
    commune to sort from, submits, and lands on the results with the first place in view."""
    page = make_page(width=320, height=640, javascript=False)
    page.goto("/lieux/")

    def tab_until(predicate):
        return _tab_until(page, predicate)

    tab_until(lambda el: el["id"] == "f-pres")
    page.keyboard.type("Outreau")  # a native select picks by typing
    tab_until(lambda el: el["id"] == "f-service")
    page.keyboard.type("Faire")
    assert page.locator("#f-service").input_value() == "aide-aux-demarches-administratives"
    tab_until(lambda el: el["text"] == "Afficher les lieux")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "service=aide-aux-demarches-administratives" in page.url
    assert "pres=62643" in page.url and page.url.endswith("#resultats")
    first = page.locator(".place-card").first
    assert "Outreau" in first.inner_text()
    assert in_first_screen(page, first.locator(".place-card__title"))
    # The choices survive in the form (state in the URL), folded away under the results' summary.
    assert page.locator("#f-service").input_value() == "aide-aux-demarches-administratives"


def _tab_until(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused_element(page)
        if predicate(element):
            return element
    raise AssertionError("never reached with Tab")


def test_first_place_of_a_filtered_list_is_on_the_first_phone_screen(make_page):
    page = make_page(width=320, height=640)
    page.goto("/lieux/?service=aide-aux-demarches-administratives&pres=62893#resultats")
    first = page.locator(".place-card").first
    assert in_first_screen(page, first.locator(".place-card__title"))
    assert in_first_screen(page, page.locator("#resultats"))


FILTERED = [
    ("commune", "/lieux/?commune=62160"),
    ("service", "/lieux/?service=aide-aux-demarches-administratives"),
    ("service-near", "/lieux/?service=aide-aux-demarches-administratives&pres=62643"),
]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize(("name", "path"), FILTERED, ids=[p[0] for p in FILTERED])
def test_a_filtered_link_shows_the_first_place_on_the_first_phone_screen(
    make_page, name, path, javascript
):
    """A filtered address opened as it is shared or bookmarked (no #resultats): the count and
    the first place's name are on the first screen of a 320×640 phone, the form after the list,
    one link away, and it works without JavaScript."""
    page = make_page(width=320, height=640, javascript=javascript)
    page.goto(path)
    assert page.evaluate("window.scrollY") == 0
    first = page.locator(".place-card").first.bounding_box()
    title = page.locator(".place-card__title").first.bounding_box()
    assert first["y"] < 640, f"first place starts at {first['y']:.0f}px"
    assert title["y"] + 20 <= 640, f"first place's name starts at {title['y']:.0f}px"
    assert page.locator("#resultats").bounding_box()["y"] < first["y"]
    page.get_by_role("link", name="Modifier la recherche").first.click()
    assert page.url.endswith("#filtres")
    assert page.locator("#f-service").is_visible()


def _hosts(requests):
    from urllib.parse import urlsplit

    return {urlsplit(url).hostname for url in requests}


DIRECTORY_PAGES = [*PLACE_PAGES, *FILTERED]


@pytest.mark.parametrize(("name", "path"), DIRECTORY_PAGES, ids=[p[0] for p in DIRECTORY_PAGES])
def test_directory_pages_make_no_request_beyond_this_site(make_page, name, path):
    """No tile server is set (the default): nothing leaves 127.0.0.1, and there is no map box."""
    page = make_page(width=1280)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    assert page.goto(path).status == 200
    page.wait_for_load_state("networkidle")
    assert len(requests) > 1  # the page and its own assets were seen
    assert _hosts(requests) == {"127.0.0.1"}, requests
    assert page.locator(".places-map").count() == 0
    assert page.locator("script[src*=places-map]").count() == 0


TILES = "https://tuiles.example.test/{z}/{x}/{y}.png"


@pytest.fixture
def tile_server(settings):
    """A tile server set in settings; the browser's requests to it are answered locally (the
    test never reaches the network). Yields the list of tile URLs the page asked for."""
    import io

    from PIL import Image

    from content.cache import purge_site

    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (220, 230, 220)).save(buffer, "PNG")
    settings.PLACES_MAP_TILE_URL = TILES
    settings.PLACES_MAP_ATTRIBUTION = "© les contributeurs d'OpenStreetMap"
    purge_site()
    server = {"png": buffer.getvalue(), "requests": [], "fail": False}
    yield server
    purge_site()


def _serve_tiles(page, server):
    def answer(route):
        server["requests"].append(route.request.url)
        if server["fail"]:
            route.abort()
        else:
            route.fulfill(status=200, content_type="image/png", body=server["png"])

    page.route("https://tuiles.example.test/**", answer)


def test_with_a_tile_server_the_map_draws_the_places_beside_the_list(make_page, tile_server):
    page = make_page(width=1280)
    _serve_tiles(page, tile_server)
    response = page.goto("/lieux/?service=aide-aux-demarches-administratives")
    assert "https://tuiles.example.test" in response.headers["content-security-policy"]
    page.locator(".places-map").wait_for(state="visible")
    assert tile_server["requests"], "no tile asked for"
    assert all(url.startswith("https://tuiles.example.test/") for url in tile_server["requests"])
    assert page.locator(".places-map__canvas img").count() == len(tile_server["requests"])
    # Every place of the list is numbered on the map (places of one commune share a mark).
    cards = page.locator(".place-card").count()
    numbers = ",".join(page.locator(".places-map__mark").all_inner_texts()).replace(" ", "")
    assert sorted(int(n) for n in numbers.split(",")) == list(range(1, cards + 1))
    assert "OpenStreetMap" in page.locator(".places-map figcaption").inner_text()
    assert_no_axe_violations(page)
    assert page.problems.messages == []  # a CSP refusal of the tiles would show here


def test_a_failing_tile_server_leaves_no_broken_map(make_page, tile_server):
    tile_server["fail"] = True
    page = make_page(width=1280)
    _serve_tiles(page, tile_server)
    page.goto("/lieux/?service=aide-aux-demarches-administratives")
    page.wait_for_load_state("networkidle")
    assert tile_server["requests"]
    assert page.locator(".places-map").count() == 0
    assert page.locator(".place-card").count() > 0  # the list, the equivalent, is all there


def test_without_javascript_no_map_box_even_with_a_tile_server(make_page, tile_server):
    page = make_page(width=320, javascript=False)
    _serve_tiles(page, tile_server)
    page.goto("/lieux/?service=aide-aux-demarches-administratives")
    assert page.locator(".places-map").count() == 0
    assert tile_server["requests"] == []
