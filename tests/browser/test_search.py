"""Search page in a browser: filters, keyboard, 320 px, autocomplete, no-JS."""

import pytest

from .conftest import assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 320])
def test_search_with_filter_is_accessible(make_page, width):
    page = make_page(width=width)
    response = page.goto("/recherche/?q=num%C3%A9rique&type=content.standardpage")
    assert response.status == 200
    assert page.locator("[role=status]").inner_text().startswith(tuple("0123456789"))
    assert page.locator("input[name=type][value='content.standardpage']").is_checked()
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == []


def test_keyboard_search_and_filter(make_page):
    page = make_page(width=320, javascript=False)
    page.set_default_timeout(15000)
    page.goto("/recherche/")
    page.locator("#search-q").focus()
    page.keyboard.type("numérique")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/?q=*")
    assert page.locator(".search-result").count() >= 2
    checkbox = page.locator("input[name=type][value='content.homepage']")
    checkbox.focus()
    page.keyboard.press("Space")
    page.locator(".search-facets__actions button").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**type=content.homepage*")
    assert page.locator(".search-result").count() == 1
    assert_no_axe_violations(page)


def test_autocomplete_suggests_titles_with_arrow_keys(make_page):
    page = make_page()
    page.goto("/recherche/")
    page.locator("#search-q").press_sequentially("cyber")
    options = page.locator("#search-q-suggestions [role=option]")
    options.first.wait_for()
    # Suggestion order is the backend's (SQLite and PostgreSQL differ): find the page, then
    # reach it with the arrow keys as a keyboard user would.
    target = next(
        i
        for i, text in enumerate(options.all_inner_texts())
        if text.startswith("Le cyberharcèlement, à partir de la 4e")
    )
    assert page.locator("#search-q").get_attribute("aria-expanded") == "true"
    for _ in range(target + 1):
        page.keyboard.press("ArrowDown")
    option = options.nth(target)
    assert option.get_attribute("aria-selected") == "true"
    assert page.locator("#search-q").get_attribute("aria-activedescendant") == option.get_attribute(
        "id"
    )
    assert_no_axe_violations(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/cyberharcelement-4e/")
    assert page.problems.messages == []


def test_header_search_box_submits_without_javascript(make_page):
    page = make_page(javascript=False)
    page.goto("/")
    page.locator("#site-search-q").fill("canva")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/recherche/?q=canva")
    assert "Créer une affiche pour son commerce avec Canva" in page.locator("main").inner_text()


@pytest.mark.parametrize(
    "query", ["arnaque", "courriel", "arnaque&niveau=1", "arnaque&public=habitants"]
)
def test_first_result_is_on_the_first_screen_of_a_phone(make_page, query):
    """At 320×640 the first result starts above the fold (issue 15: results began 3.9 to 5.4
    screens down, under the header, the banners and the filters)."""
    page = make_page(width=320, height=640)
    page.goto(f"/recherche/?q={query}")
    first = page.locator(".search-result").first
    assert first.is_visible()
    top = first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
    assert top < 640, f"{query}: first result starts at {top:.0f}px"
