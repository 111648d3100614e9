"""Action pictograms in a real browser: they add nothing to the names a screen reader hears,
survive the « J'ai terminé » toggle, follow the text colour in forced colours, and the page's
title stays on a phone's first screen."""

import pytest

from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"


@pytest.mark.parametrize("width", [320, 1280])
def test_lesson_actions_keep_their_names_and_pictograms(make_page, width):
    page = make_page(width=width)
    page.goto(LESSON)
    for name in ["OK", "Imprimer", "J'ai terminé cette leçon"]:
        button = page.get_by_role("button", name=name, exact=True)
        assert button.is_visible()
        assert button.locator("svg.icon[aria-hidden='true']").count() == 1
    done = page.get_by_role("button", name="J'ai terminé cette leçon", exact=True)
    done.click()
    undo = page.get_by_role("button", name="Annuler : je n'ai pas terminé", exact=True)
    assert (
        undo.is_visible() and undo.locator("svg.icon").count() == 1
    )  # the label changed, not the drawing
    undo.click()
    assert page.get_by_role("button", name="J'ai terminé cette leçon", exact=True).is_visible()
    assert page.locator("h1").bounding_box()["y"] < 640
    assert_no_axe_violations(page)


def test_pictograms_follow_the_text_colour_in_forced_colours(make_page):
    page = make_page(width=1280)
    page.emulate_media(forced_colors="active")
    page.goto(LESSON)
    colours = page.evaluate(
        """() => [...document.querySelectorAll('main svg.icon')].map(svg =>
            [getComputedStyle(svg).stroke, getComputedStyle(svg.parentElement).color])"""
    )
    assert len(colours) >= 3
    for stroke, colour in colours:
        assert stroke == colour
