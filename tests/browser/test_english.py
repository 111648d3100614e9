"""English pages in a browser: an English lesson (published by a translator, parents first)
and the English home pass strict axe at 1280 and 320 px without horizontal scrolling, read
without JavaScript, and the quiz answers in English. The English copies are created for
this module and removed afterwards (the browser tests share a committed database)."""

import pytest

from .conftest import WIDTHS, assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"


@pytest.fixture(scope="module")
def english_lesson(django_db_setup, django_db_blocker):
    from wagtail.models import Locale, Page

    with django_db_blocker.unblock():
        english = Locale.objects.get(language_code="en")
        french = Page.objects.get(url_path=f"/accueil{LESSON}")
        created = []
        for ancestor in french.get_ancestors(inclusive=True).filter(depth__gt=2).specific():
            if ancestor.get_translation_or_none(english) is not None:
                continue
            copy = ancestor.copy_for_translation(english)
            copy.save_revision().publish()
            created.append(copy)
        lesson = created[-1] if created else french.get_translation(english)
        url = lesson.get_url()
    yield url
    with django_db_blocker.unblock():
        if created:  # the topmost copy made here holds the others
            Page.objects.get(pk=created[0].pk).delete()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("which", ["home", "lesson"])
def test_english_pages_pass_strict_axe_and_reflow(make_page, english_lesson, which, width):
    page = make_page(width=width)
    response = page.goto("/en/" if which == "home" else english_lesson)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "en"
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == []


def test_the_english_lesson_reads_without_javascript(make_page, english_lesson):
    page = make_page(width=320, javascript=False)
    page.goto(english_lesson)
    assert page.locator("main h1").is_visible()
    assert page.get_by_role("button", name="Check my answers").first.is_visible()
    assert_no_axe_violations(page)


def test_the_quiz_speaks_english_with_javascript(make_page, english_lesson):
    page = make_page(width=320)
    page.goto(english_lesson)
    quiz = page.locator("[data-quiz]").first
    quiz.get_by_role("button", name="Check my answers").click()
    errors = quiz.locator("[data-quiz-errors]")
    assert errors.is_visible()
    assert "An answer is missing" in errors.inner_text()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-quiz-errors')")
    assert_no_axe_violations(page)
    assert page.problems.messages == []
