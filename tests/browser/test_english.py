"""English pages in a browser: the English demo (PO files imported through wagtail-localize,
content/demo_english.py) passes strict axe at 1280 and 320 px without horizontal scrolling,
reads without JavaScript, and the quiz answers in English. The English pages are loaded for
this module and removed afterwards (the browser tests share a committed database)."""

import pytest

from .conftest import WIDTHS, assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
# Every level-1 lesson and its easy-to-read version, in English (French paths).
LESSONS = [
    f"/se-former/premiers-pas/{slug}{suffix}/"
    for slug in (
        "creer-une-adresse-e-mail",
        "reconnaitre-un-site-securise",
        "mots-de-passe-solides",
        "ameli-impots-franceconnect",
    )
    for suffix in ("", "-falc")
]
PAGES = ["home", *LESSONS]


@pytest.fixture(scope="module")
def english_demo(django_db_setup, django_db_blocker):
    """The English lesson's URL and its quiz's English: questions and first answers' comments."""
    from wagtail.models import Locale, Page, TranslatableMixin
    from wagtail.snippets.models import get_snippet_models
    from wagtail_localize.models import Translation

    from content import demo_english

    snippets = [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]
    with django_db_blocker.unblock():
        english = Locale.objects.get(language_code="en")
        pages = set(Page.objects.filter(locale=english).values_list("pk", flat=True))
        kept = {
            m: set(m.objects.filter(locale=english).values_list("pk", flat=True)) for m in snippets
        }
        translations = set(Translation.objects.values_list("pk", flat=True))
        demo_english.load()
        lesson = demo_english.french_page(LESSON).get_translation(english)
        quiz = next(child for child in lesson.body if child.block_type == "quiz")
        data = {
            "urls": {
                path: demo_english.french_page(path).get_translation(english).get_url()
                for path in LESSONS
            },
            "url": lesson.get_url(),
            "questions": len(quiz.value["questions"]),
            "feedback": [q["answers"][0]["feedback"] for q in quiz.value["questions"]],
        }
    yield data
    with django_db_blocker.unblock():
        for page in Page.objects.filter(locale=english).exclude(pk__in=pages).order_by("depth"):
            if Page.objects.filter(pk=page.pk).exists():  # not gone with its parent
                page.delete()
        Translation.objects.exclude(pk__in=translations).delete()
        for model in snippets:
            model.objects.filter(locale=english).exclude(pk__in=kept[model]).delete()


@pytest.fixture(scope="module")
def english_lesson(english_demo):
    return english_demo["url"]


def english_url(english_demo, which):
    return "/en/" if which == "home" else english_demo["urls"][which]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("which", PAGES)
def test_english_pages_pass_strict_axe_and_reflow(make_page, english_demo, which, width):
    page = make_page(width=width)
    response = page.goto(english_url(english_demo, which))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "en"
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == []


@pytest.mark.parametrize("which", PAGES)
def test_the_english_pages_read_without_javascript(make_page, english_demo, which):
    page = make_page(width=320, height=640, javascript=False)
    response = page.goto(english_url(english_demo, which))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "en"
    h1 = page.locator("main h1")
    assert h1.is_visible()
    assert h1.bounding_box()["y"] < 640  # on the first screen of a phone
    if which != "home":
        assert page.get_by_role("button", name="Check my answers").first.is_visible()
    assert_no_axe_violations(page)
    assert_reflows(page)


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


def test_the_quiz_gives_the_english_comments_with_javascript(make_page, english_demo):
    """The quiz of the lesson imported from its PO file, checked in the page: the score and
    each chosen answer's comment in English."""
    page = make_page(width=320)
    page.goto(english_demo["url"])
    quiz = page.locator("[data-quiz]").first
    for index in range(english_demo["questions"]):
        quiz.locator(f'input[type="radio"][id$="-q{index}-a0"]').check()
    quiz.get_by_role("button", name="Check my answers").click()
    assert quiz.locator("[data-quiz-score]").inner_text().startswith("Your score: ")
    assert page.url.endswith(english_demo["url"])  # checked in the page, no reload
    for feedback in english_demo["feedback"]:
        assert quiz.locator(".quiz__feedback:visible", has_text=feedback).count() == 1, feedback
    assert_no_axe_violations(page)
    assert page.problems.messages == []
