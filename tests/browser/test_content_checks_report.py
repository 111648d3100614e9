"""The admin report « Contenus à corriger » in a browser: strict axe at 1280 and 320 px, reflow,
the type filter used with the keyboard."""

import pytest

from .conftest import WIDTHS, assert_no_axe_violations, assert_reflows, log_in, tab_to


@pytest.fixture
def findings(demo_site):
    """An outdated name that the demo uses (its own brand), so the report has rows; removed
    afterwards (the browser tests share a committed database)."""
    from content.models import OutdatedName

    name = OutdatedName.objects.create(old_name="Boulonnais", new_name="Pays boulonnais")
    yield
    name.delete()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_report_is_accessible(make_page, findings, coordination_user, width):
    page = make_page(width=width)
    log_in(page, coordination_user)
    assert page.goto("/admin/contenus-a-corriger/").status == 200
    assert page.locator("h1", has_text="Contenus à corriger").count() == 1
    assert page.locator("td", has_text="Appellation dépassée").count() > 0
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == [], "\n".join(page.problems.messages)


def test_report_filtered_with_the_keyboard(make_page, findings, coordination_user):
    page = make_page(width=1280, javascript=False)
    log_in(page, coordination_user)
    page.goto("/admin/contenus-a-corriger/")
    tab_to(page, lambda el: el["id"] == "content-checks-type", limit=150)
    page.select_option("#content-checks-type", "outdated_name")
    tab_to(page, lambda el: el["text"] == "Filtrer")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "type=outdated_name" in page.url
    problems = page.locator("tbody td:first-of-type").all_inner_texts()
    assert problems and set(problems) == {"Appellation dépassée"}
