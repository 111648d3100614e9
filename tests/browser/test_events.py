"""Registration flow in a real browser: keyboard only, error summary, confirmation, cancellation."""

import pytest

from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


def press_tab_until(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError("element never received focus")


def test_keyboard_only_registration_with_error_summary_and_cancellation(make_page):
    page = make_page(width=320)
    page.goto("/agenda/cafe-numerique/")
    press_tab_until(page, "() => (document.activeElement.href || '').includes('/inscription/')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/inscription/" in page.url
    assert_no_axe_violations(page)

    # Submit empty: error summary, focused, linking to the fields.
    press_tab_until(
        page,
        "() => document.activeElement.type === 'submit'"
        " && document.activeElement.closest('main') !== null",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('error-summary')")
    assert summary.locator("a[href='#id_name']").count() == 1
    assert_no_axe_violations(page)

    # Fill in with the keyboard only.
    press_tab_until(page, "() => document.activeElement.id === 'id_name'")
    page.keyboard.type("Jeanne Martin")
    page.keyboard.press("Tab")
    page.keyboard.type("jeanne@example.org")
    press_tab_until(page, "() => document.activeElement.id === 'id_consent'")
    page.keyboard.press("Space")
    press_tab_until(
        page,
        "() => document.activeElement.type === 'submit'"
        " && document.activeElement.closest('main') !== null",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/inscription/suivi/" in page.url
    assert "Inscription confirmée" in page.locator("main").inner_text()
    assert_no_axe_violations(page)

    press_tab_until(
        page,
        "() => document.activeElement.type === 'submit'"
        " && document.activeElement.closest('main') !== null",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Votre inscription est annulée" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    assert page.problems.messages == []
