"""Link names as the browser computes them: the home page's doors are named by their visible
call to action (then the title), and no campaign download is just « SVG » or « PNG »."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_home_doors_are_named_by_their_visible_call_to_action(make_page):
    page = make_page(width=320, height=640)
    page.goto("/")
    door = page.get_by_role("link", name="Commencer à apprendre : Habitants", exact=True)
    assert door.count() == 1 and door.is_visible()
    # What is seen starts the name: the title part is only for assistive technology.
    seen = door.evaluate("el => el.firstChild.textContent")
    assert seen == "Commencer à apprendre"
    assert door.locator(".visually-hidden").bounding_box()["width"] <= 1
    # The whole card leads there: a click on its text follows the link.
    text = page.locator(".card--entry").first.locator("p").first
    text.scroll_into_view_if_needed()
    box = text.bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.url.endswith("/habitants/")


def test_campaign_downloads_say_what_they_are(make_page):
    page = make_page(width=1280)
    page.goto("/campagnes/safer-internet-day-2026/")
    for bare in ("SVG", "PNG"):
        assert page.get_by_role("link", name=bare, exact=True).count() == 0
    named = page.get_by_role("link", name=re.compile(r"^(SVG|PNG) : QR code du canal "))
    assert named.count() >= 4
    names = [named.nth(i).get_attribute("href") for i in range(named.count())]
    assert len(set(names)) == len(names)
