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
