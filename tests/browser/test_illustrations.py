"""Illustrated lessons in Chromium (issue 18): on a 320 × 640 phone without JavaScript every
step picture loads, as WebP, no wider than the screen needs; strict axe and reflow at 1280 and
320 px; the pictures stay, at a sensible size, when the lesson is printed."""

import pytest

from .conftest import WIDTHS, assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser

LESSONS = [
    "/se-former/premiers-pas/creer-une-adresse-e-mail/",
    "/se-former/premiers-pas/ameli-impots-franceconnect/",
    "/se-former/premiers-pas/mots-de-passe-solides/",
    "/se-former/premiers-pas/reconnaitre-un-site-securise/",
]

LOADED = """() => [...document.querySelectorAll('.shot img')].map(img => ({
    src: img.currentSrc, complete: img.complete, natural: img.naturalWidth,
    shown: img.getBoundingClientRect().width, alt: img.alt}))"""


def load_every_picture(page):
    """Bring each (lazy) picture on screen in turn and wait until it has loaded."""
    count = page.locator(".shot img").count()
    for number in range(count):
        picture = page.locator(".shot img").nth(number)
        picture.scroll_into_view_if_needed()
        picture.evaluate("img => img.complete && img.naturalWidth ? 1 : img.decode()")
    return count


@pytest.mark.parametrize("path", LESSONS)
def test_each_picture_loads_as_webp_no_wider_than_needed_at_320px(make_page, path):
    page = make_page(width=320, height=640, javascript=False)
    assert page.goto(path).status == 200
    count = load_every_picture(page)
    assert count >= 4
    for picture in page.evaluate(LOADED):
        assert picture["complete"] and picture["natural"] > 0, picture
        assert picture["src"].endswith(".webp"), picture
        assert picture["natural"] <= 640, picture
        assert picture["natural"] <= 2 * picture["shown"], picture
        assert 200 <= picture["shown"] <= 320 - 32, picture  # on screen, inside the margins
        assert len(picture["alt"]) > 20, picture
    assert page.problems.messages == []


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_an_illustrated_lesson_is_accessible(make_page, width):
    page = make_page(width=width, javascript=False)
    assert page.goto(LESSONS[0]).status == 200
    load_every_picture(page)
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == []


def test_printed_lesson_keeps_its_pictures_at_a_sensible_size(make_page):
    page = make_page(width=1280)
    assert page.goto(LESSONS[0]).status == 200
    load_every_picture(page)
    page.emulate_media(media="print")
    text_width = page.evaluate("() => document.querySelector('.steps__text').offsetWidth")
    for picture in page.evaluate(LOADED):
        assert picture["complete"]
        assert 150 <= picture["shown"] <= 0.6 * (text_width + 48), picture
