"""Explainers and tool guides in a real browser: the listing filters used with the keyboard
only (with and without JavaScript), at 320 px; structured data raises no CSP error."""

import pytest

from .conftest import assert_no_axe_violations, assert_reflows, focused_element, tab_to

pytestmark = pytest.mark.browser

GUIDES = "/guides-pratiques/"
EXPLAINERS = "/comprendre-l-ia/"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_guide_filters_with_the_keyboard_at_320px(make_page, javascript):
    page = make_page(width=320, javascript=javascript)
    page.goto(GUIDES)
    tab_to(page, lambda el: el["id"] == "f-public")
    page.keyboard.press("Tab")  # back and forth: the focus order follows the form
    page.keyboard.press("Shift+Tab")
    assert focused_element(page)["id"] == "f-public"
    # Arrow keys change a closed select's value: "Tous les publics", "Collégiens et lycéens",
    # then "Communicants" (audiences are sorted by name).
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("#f-public").input_value() == "communicants"
    tab_to(page, lambda el: el["tag"] == "BUTTON" and el["text"] == "Filtrer")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "public=communicants" in page.url
    cards = page.locator(".cards .card__title")
    assert cards.count() == 2  # Canva and Meta Business Suite
    assert page.locator("#resultats").inner_text() == "2 guides"
    assert_no_axe_violations(page)
    assert_reflows(page)
    if javascript:
        assert page.problems.messages == []


def test_unknown_filter_shows_a_message(make_page):
    page = make_page(width=320)
    page.goto(EXPLAINERS + "?theme=inconnu&page=zz")
    status = page.get_by_role("status")
    assert "Le thème demandé n'existe pas" in status.inner_text()
    assert "Numéro de page incorrect" in status.inner_text()
    assert page.locator(".cards .card").count() >= 3
    assert_no_axe_violations(page)
    assert page.problems.messages == []


def test_guide_steps_follow_on_a_phone(make_page):
    page = make_page(width=320)
    page.goto("/guides-pratiques/creer-une-affiche-avec-canva/")
    steps = page.locator(".howto__step")
    assert steps.count() == 6
    assert page.get_by_role("heading", level=3, name="Étape 1 Créer un compte").is_visible()
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert_reflows(page)
    assert page.problems.messages == []
