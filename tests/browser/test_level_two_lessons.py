"""The level-2 lessons after their rewrite (issue 18): read on a 320 px phone without JavaScript,
strict axe and no sideways scrolling, and their quiz checked by the server with the chosen
answer's own comment shown. (The level-1 lessons have their own browser tests.)"""

import pytest

from .conftest import assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser

LESSONS = [
    "/se-former/aller-plus-loin/reconnaitre-un-sms-hameconnage/",
    "/se-former/aller-plus-loin/verifier-une-information/",
    "/se-former/aller-plus-loin/comprendre-l-ia-generative/",
    "/se-former/aller-plus-loin/proteger-mes-donnees/",
]


@pytest.mark.parametrize("path", LESSONS, ids=[p.split("/")[-2] for p in LESSONS])
def test_level_two_lesson_on_a_phone_without_javascript(make_page, path):
    page = make_page(width=320, height=640, javascript=False)
    page.set_default_timeout(15000)
    assert page.goto(path).status == 200
    assert page.locator("main .sources").count() == 1  # dated sources
    assert_no_axe_violations(page)
    assert_reflows(page)
    quiz = page.locator("[data-quiz]").first
    questions = quiz.locator(".quiz__question")
    assert questions.count() >= 3
    for index in range(questions.count()):  # the last answer of each question
        questions.nth(index).locator("input").last.check()
    with page.expect_navigation():
        quiz.get_by_role("button", name="Vérifier mes réponses").click()
    quiz = page.locator("[data-quiz]").first
    assert quiz.locator("[data-quiz-score]").is_visible()
    shown = quiz.locator(".quiz__feedback:visible")
    assert shown.count() == questions.count()  # one comment per chosen answer
    for index in range(shown.count()):
        comment = shown.nth(index).inner_text()
        label = shown.nth(index).locator("strong").inner_text()
        assert len(comment) > len(label) + 5  # a comment after « Bonne réponse. » / « Ce n'est… »
    assert_no_axe_violations(page)
    assert_reflows(page)
