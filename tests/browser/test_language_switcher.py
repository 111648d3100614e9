"""The language switcher as it is seen: the link to the other language's home reads with its
words apart (the link is a flex box, which drops a bare space between its children)."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 320])
def test_the_link_to_the_english_home_keeps_its_space(make_page, width):
    page = make_page(width)
    page.goto("/lieux/")  # a French page with no English version in the demo
    link = page.locator(".language-switcher__missing a")
    assert link.inner_text() == "English (home page)"
