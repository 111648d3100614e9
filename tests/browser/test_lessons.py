"""Learning paths in a real browser: quizzes with and without JavaScript, keyboard-only, the
placement quiz, progress kept across reloads, resume codes."""

import pytest

from .conftest import assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
PATH = "/se-former/premiers-pas/"


def active(page):
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return {id: el.id, tag: el.tagName, type: el.type || '', text: el.textContent.trim()}; }"
    )


def tab_to(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(active(page)):
            return active(page)
    raise AssertionError("element never reached with Tab")


def test_quiz_with_javascript_keyboard_only(make_page):
    page = make_page(width=320)
    page.goto(LESSON)
    quiz = page.locator("[data-quiz]").first
    # Sending without answers: the error summary appears and takes the focus.
    tab_to(page, lambda el: el["tag"] == "BUTTON" and el["text"] == "Vérifier mes réponses")
    page.keyboard.press("Enter")
    assert quiz.locator("[data-quiz-errors]").is_visible()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-quiz-errors')")
    assert_no_axe_violations(page)
    # Answer with the keyboard only: first question, first answer (right)...
    tab_to(page, lambda el: el["type"] == "radio" and el["id"].endswith("q0-a0"))
    page.keyboard.press("Space")
    # ...second question (true/false): move to "Faux" with the arrow key.
    tab_to(page, lambda el: el["type"] == "radio" and el["id"].endswith("q1-a0"))
    page.keyboard.press("ArrowDown")
    tab_to(page, lambda el: el["tag"] == "BUTTON" and el["text"] == "Vérifier mes réponses")
    page.keyboard.press("Enter")
    assert quiz.locator("[data-quiz-score]").inner_text() == "Votre score : 2 sur 2."
    assert quiz.locator("[data-quiz-errors]").is_hidden()
    assert quiz.get_by_text("Aucun conseiller ne demande votre mot de passe.").is_visible()
    assert page.url.endswith(LESSON)  # checked in the page, no reload
    stored = page.evaluate("() => window.CapProgress.get().quizzes")
    assert list(stored.values()) == [{"score": 2, "max": 2}]
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == []


def test_quiz_without_javascript(make_page):
    page = make_page(width=320, javascript=False)
    page.set_default_timeout(15000)
    page.goto(LESSON)
    quiz = page.locator("[data-quiz]").first
    quiz.get_by_label("www.laposte.net").check()
    quiz.get_by_role("button", name="Vérifier mes réponses").click()
    assert "/quiz/" in page.url
    assert quiz.get_by_text("Il manque une réponse").is_visible()
    quiz = page.locator("[data-quiz]").first
    quiz.get_by_label("Faux").check()
    quiz.get_by_role("button", name="Vérifier mes réponses").click()
    assert quiz.locator("[data-quiz-score]").inner_text() == "Votre score : 1 sur 2."
    assert quiz.get_by_text("C'est l'adresse d'un site, pas d'une boîte aux lettres.").is_visible()
    assert page.context.cookies() == []
    assert_no_axe_violations(page)
    assert_reflows(page)


def test_placement_quiz_recommends_a_path(make_page):
    page = make_page(width=320)
    page.goto("/se-former/ou-en-suis-je/")
    page.get_by_role("button", name="Voir mon conseil").click()
    assert page.get_by_text("Il manque une réponse").is_visible()
    for fieldset in page.locator("fieldset").all():
        fieldset.get_by_label("Oui").check()
    page.locator("fieldset").first.get_by_label("Pas encore").check()
    page.get_by_role("button", name="Voir mon conseil").click()
    link = page.get_by_role("link", name="Commencer le parcours « Premiers pas")
    assert link.get_attribute("href") == PATH
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == []


def test_progress_survives_reload_and_resume_code_restores_it(make_page):
    page = make_page()
    page.goto(LESSON)
    page.get_by_role("button", name="J'ai terminé cette leçon").click()
    page.reload()
    assert page.get_by_text("Leçon terminée").is_visible()
    page.goto(PATH)
    assert page.locator(".progress-count").inner_text() == "1 leçon terminée sur 4"
    page.goto("/se-former/")
    assert page.locator(".progress-count").first.inner_text() == "1 leçon terminée sur 4"
    page.goto("/se-former/reprendre/")
    page.get_by_role("button", name="Afficher mon code de reprise").click()
    code = page.locator("[data-resume-code]").inner_text()
    assert page.problems.messages == []

    fresh = make_page(width=320)
    fresh.goto("/se-former/reprendre/")
    fresh.get_by_label("Mon code de reprise").fill(code[:-4] + "AAAA")
    fresh.get_by_role("button", name="Reprendre ma progression").click()
    assert fresh.get_by_text("Ce code n'est pas reconnu").first.is_visible()
    assert_no_axe_violations(fresh)
    fresh.get_by_label("Mon code de reprise").fill(code)
    fresh.get_by_role("button", name="Reprendre ma progression").click()
    assert fresh.get_by_text("Votre progression est restaurée").is_visible()
    fresh.goto(PATH)
    assert fresh.locator(".progress-count").inner_text() == "1 leçon terminée sur 4"
    fresh.goto("/se-former/attestation/")
    fresh.get_by_label("Mon nom (facultatif)").fill("Marie")
    assert fresh.locator("[data-attestation-name]").inner_text() == "Marie"
    assert fresh.locator("[data-attestation] li:not([hidden])").count() == 1
    assert fresh.problems.messages == []


def test_progress_shows_nothing_without_javascript(make_page):
    page = make_page(javascript=False)
    page.goto(PATH)
    assert page.locator(".progress-count").is_hidden()
    page.goto(LESSON)
    assert page.get_by_role("button", name="Écouter").count() == 0
