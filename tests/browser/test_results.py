"""« Nos résultats » and the admin « Bilan » in a browser: strict axe at 1280 and 320 px, no
horizontal scroll, readable without JavaScript, reached with the keyboard alone, and every chart
an SVG with a title beside a table of the same numbers."""

import pytest

from .conftest import (
    WIDTHS,
    assert_no_axe_violations,
    assert_reflows,
    focused_element,
    log_in,
    tab_to,
)

pytestmark = pytest.mark.browser

RESULTS = [("results", "/nos-resultats/"), ("results-2024", "/nos-resultats/2024/")]


def assert_charts_have_their_tables(page):
    """Each figure with numbers: an SVG image named by its <title>, and a table with a caption
    holding as many rows as the chart has bars."""
    sections = page.locator("section.stat")
    assert sections.count() >= 8
    drawn = 0
    for i in range(sections.count()):
        section = sections.nth(i)
        if section.locator("svg").count() == 0:
            assert "Aucune donnée" in section.inner_text()
            continue
        drawn += 1
        svg = section.locator("svg")
        assert svg.get_attribute("role") == "img"
        title_id = svg.get_attribute("aria-labelledby")
        title = svg.locator(f"title#{title_id}")
        assert title.count() == 1 and title.text_content().strip()
        table = section.locator("table")
        assert table.locator("caption").inner_text().strip()
        assert table.locator("tbody tr").count() == svg.locator("rect").count()
        assert table.is_visible()
    assert drawn >= 5


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize(("name", "path"), RESULTS, ids=[r[0] for r in RESULTS])
def test_results_page_is_accessible(make_page, name, path, width):
    page = make_page(width=width)
    assert page.goto(path).status == 200
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert_charts_have_their_tables(page)
    assert page.problems.messages == []


def test_results_page_reads_without_javascript(make_page):
    page = make_page(width=320, javascript=False)
    page.goto("/nos-resultats/")
    assert page.locator("main h1").inner_text().startswith("Nos résultats")
    assert "regroupés dans « Autres »" in page.locator(".results-rule").inner_text()
    assert_charts_have_their_tables(page)
    assert_no_axe_violations(page)


def test_results_reached_and_read_with_the_keyboard(make_page):
    """From the home page's footer to the page, then to another year and to a figure, with Tab
    and Enter only."""
    page = make_page(width=1280)
    page.goto("/")
    tab_to(page, lambda el: el["text"] == "Nos résultats", limit=200)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/nos-resultats/")
    tab_to(page, lambda el: el["text"] == "2024")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/nos-resultats/2024/")
    assert page.locator("[aria-current=page]", has_text="2024").count() == 1
    tab_to(page, lambda el: el["text"] == "Élèves sensibilisés par niveau de classe")
    page.keyboard.press("Enter")
    assert page.url.endswith("#eleves-niveau")
    box = page.locator("#eleves-niveau-titre").bounding_box()
    assert -2 <= box["y"] < page.viewport_size["height"]  # scrolled to the figure
    tab_to(page, lambda el: el["text"].startswith("Les chiffres 2024 en tableur"), limit=200)
    assert focused_element(page)["tag"] == "A"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_bilan_dashboard_is_accessible_for_the_coordination(make_page, coordination_user, width):
    page = make_page(width=width)
    log_in(page, coordination_user)
    assert page.goto("/admin/bilan/?du=01/01/2024&au=31/12/2025").status == 200
    assert page.locator("h1", has_text="Bilan").count() == 1
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert_charts_have_their_tables(page)
    assert page.problems.messages == [], "\n".join(page.problems.messages)


def test_bilan_filtered_with_the_keyboard(make_page, coordination_user):
    """The coordination types a period and picks a structure with the keyboard alone; the
    figures follow and the address keeps the choice (the CSV links too)."""
    page = make_page(width=1280)
    log_in(page, coordination_user)
    page.goto("/admin/bilan/")
    tab_to(page, lambda el: el["id"] == "id_du", limit=120)
    page.keyboard.type("01/01/2025")
    tab_to(page, lambda el: el["id"] == "id_au")
    page.keyboard.type("31/12/2025")
    tab_to(page, lambda el: el["text"] == "Afficher")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "du=01%2F01%2F2025" in page.url and "au=31%2F12%2F2025" in page.url
    assert "Bilan du 01/01/2025 au 31/12/2025" in page.locator("main").inner_text()
    csv_link = page.get_by_role("link", name="Tous les chiffres (CSV)")
    assert "du=01%2F01%2F2025" in csv_link.get_attribute("href")
    assert_charts_have_their_tables(page)


def test_bilan_reads_without_javascript(make_page, coordination_user):
    page = make_page(width=320, javascript=False)
    log_in(page, coordination_user)
    page.goto("/admin/bilan/?du=01/01/2024&au=31/12/2025")
    assert_charts_have_their_tables(page)
    assert page.locator("#id_du").is_visible()
