"""WCAG 1.4.12 at 320 px: with the text-spacing override, nothing in an event's facts list is
cut or runs out of its box (« Saint-Martin-Boulogn », « Organis/é par » were)."""

import pytest

from .conftest import apply_text_spacing, assert_reflows, overflowing_elements

pytestmark = pytest.mark.browser

EVENTS = [
    ("event", "/agenda/cafe-numerique/"),
    ("event-saint-martin", "/agenda/safer-internet-day-2026/"),
    ("event-long-organiser", "/agenda/atelier-demarches-en-ligne/"),
    ("event-past", "/agenda/ateliers-canva-2025/"),
]


@pytest.mark.parametrize(("name", "path"), EVENTS, ids=[e[0] for e in EVENTS])
def test_event_facts_fit_at_320_px_with_the_text_spacing_override(make_page, name, path):
    page = make_page(width=320, height=640)
    assert page.goto(path).status == 200
    apply_text_spacing(page)
    facts = page.locator(".event__facts")
    assert facts.locator("dt").count() >= 4
    assert overflowing_elements(page, ".event__facts") == []
    # Each term and value inside the list's own width.
    right = facts.bounding_box()["x"] + facts.bounding_box()["width"]
    for cell in facts.locator("dt, dd").all():
        box = cell.bounding_box()
        assert box["x"] + box["width"] <= right + 1, cell.inner_text()
    assert_reflows(page)
