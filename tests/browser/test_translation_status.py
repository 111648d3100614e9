"""The admin report « État des traductions » in a browser: strict axe and reflow at 1280 and
320 px, the state filter used with the keyboard and without JavaScript."""

import pytest

from .conftest import WIDTHS, assert_no_axe_violations, assert_reflows, log_in, tab_to

REPORT = "/admin/etat-des-traductions/"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_report_is_accessible(make_page, coordination_user, width):
    page = make_page(width=width)
    log_in(page, coordination_user)
    assert page.goto(REPORT).status == 200
    assert page.locator("h1", has_text="État des traductions").count() == 1
    assert page.locator("td", has_text="Manquante").count() > 0
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == [], "\n".join(page.problems.messages)


def test_report_filtered_with_the_keyboard_without_javascript(make_page, coordination_user):
    page = make_page(width=1280, javascript=False)
    log_in(page, coordination_user)
    page.goto(REPORT)
    tab_to(page, lambda el: el["id"] == "translation-status-state", limit=150)
    page.select_option("#translation-status-state", "missing")
    tab_to(page, lambda el: el["text"] == "Filtrer")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "etat=missing" in page.url
    states = page.locator("tbody td.translation-status").all_inner_texts()
    assert states and {state.split("\n")[0] for state in states} == {"Manquante"}
    # The export keeps the filter.
    assert "etat=missing" in page.get_by_role("link", name="Télécharger ce tableau").get_attribute(
        "href"
    )
