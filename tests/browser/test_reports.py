"""Session report form in a real browser: axe and reflow at both widths, error summary, and a
report sent with the keyboard only."""

import datetime

import pytest
from django.utils import timezone

from .conftest import WIDTHS, assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser

URL = "/compte-rendu-de-seance/"
IN_MAIN_SUBMIT = (
    "() => document.activeElement.type === 'submit'"
    " && document.activeElement.closest('main') !== null"
)


def press_tab_until(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError("element never received focus")


def focus_id(page, element_id):
    press_tab_until(page, f"() => document.activeElement.id === '{element_id}'")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_bad_input_shows_a_focused_error_summary_and_keeps_values(make_page, width):
    page = make_page(width=width)
    page.goto(URL)
    assert_no_axe_violations(page)
    assert_reflows(page)
    page.fill("#id_school", "Collège Navigateur")
    page.fill("#id_pupils", "-4")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('error-summary')")
    assert summary.locator("a[href='#id_pupils']").count() == 1
    assert summary.locator("a[href='#id_organisation']").count() == 1
    assert page.locator("#id_pupils").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_school").input_value() == "Collège Navigateur"
    assert page.locator("#id_pupils").input_value() == "-4"
    # The summary's link takes the focus to the field.
    summary.locator("a[href='#id_pupils']").click()
    assert page.evaluate("() => document.activeElement.id") == "id_pupils"
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == []


def test_keyboard_only_report_without_javascript(make_page, django_db_blocker):
    from lessons.models import SessionReport

    page = make_page(width=320, javascript=False)
    page.goto(URL)
    day = timezone.localdate() - datetime.timedelta(days=2)
    focus_id(page, "id_date")
    page.keyboard.type(day.strftime("%d/%m/%Y"))
    focus_id(page, "id_school")
    page.keyboard.type("Collège Clavier de Desvres")
    page.keyboard.press("Tab")
    page.keyboard.type("5e")  # type-ahead in the closed select
    page.keyboard.press("Tab")
    page.keyboard.type("Cyberh")
    page.keyboard.press("Tab")
    page.keyboard.type("Centre social")
    focus_id(page, "id_pupils")
    page.keyboard.type("26")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    press_tab_until(page, IN_MAIN_SUBMIT)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/compte-rendu-de-seance/merci/")
    assert "Merci, votre compte rendu est enregistré" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    with django_db_blocker.unblock():
        report = SessionReport.objects.get(school="Collège Clavier de Desvres")
        assert (report.date, report.class_level, report.topic) == (day, "5e", "cyberharcelement")
        assert (report.pupils, report.parents) == (26, 2)
        assert report.structure_name == "Centre social Éclaté Bellidée"
        report.delete()  # committed data: leave the shared demo database as it was
    assert page.context.cookies() == []
