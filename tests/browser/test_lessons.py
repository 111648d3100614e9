"""Learning paths in a real browser: quizzes with and without JavaScript, keyboard-only, the
placement quiz, progress kept across reloads, resume codes."""

import pytest

from .conftest import assert_no_axe_violations, assert_reflows, tab_to

pytestmark = pytest.mark.browser

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
PATH = "/se-former/premiers-pas/"


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
    # ...third question, first answer (right).
    tab_to(page, lambda el: el["type"] == "radio" and el["id"].endswith("q2-a0"))
    page.keyboard.press("Space")
    tab_to(page, lambda el: el["tag"] == "BUTTON" and el["text"] == "Vérifier mes réponses")
    page.keyboard.press("Enter")
    assert quiz.locator("[data-quiz-score]").inner_text() == "Votre score : 3 sur 3."
    assert quiz.locator("[data-quiz-errors]").is_hidden()
    assert quiz.get_by_text("Aucun conseiller ne demande votre mot de passe.").is_visible()
    assert page.url.endswith(LESSON)  # checked in the page, no reload
    stored = page.evaluate("() => window.CapProgress.get().quizzes")
    assert list(stored.values()) == [{"score": 3, "max": 3}]
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
    quiz.get_by_label("Je ferme seulement la fenêtre.").check()
    quiz.get_by_role("button", name="Vérifier mes réponses").click()
    assert quiz.locator("[data-quiz-score]").inner_text() == "Votre score : 1 sur 3."
    # Each chosen answer shows its own comment; the others' stay hidden (the status region
    # repeats the chosen ones for screen readers, hence the feedback paragraphs only).
    feedback = quiz.locator(".quiz__feedback")
    assert feedback.filter(has_text="pas d'une boîte aux lettres.").is_visible()
    assert feedback.filter(has_text="Votre messagerie peut rester ouverte").is_visible()
    assert feedback.filter(has_text="C'est un numéro de téléphone.").is_hidden()
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


# The browser's own voice is not what is tested here (headless Chromium has none): speak() and
# cancel() are recorded, so the test checks what the page asks the browser to read, and when.
RECORD_SPEECH = """
window.__spoken = [];
window.__cancels = 0;
if (window.speechSynthesis) {
  window.speechSynthesis.speak = function (u) {
    window.__spoken.push({text: u.text, lang: u.lang});
  };
  window.speechSynthesis.cancel = function () { window.__cancels += 1; };
}
"""


def test_read_aloud_reads_the_lesson_in_french_and_stops(make_page):
    page = make_page()
    page.add_init_script(RECORD_SPEECH)
    page.goto(LESSON)
    listen = page.get_by_role("button", name="Écouter")
    listen.focus()
    page.keyboard.press("Enter")
    stop = page.get_by_role("button", name="Arrêter la lecture")
    assert stop.get_attribute("aria-pressed") == "true"
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 1
    assert spoken[0]["lang"] == "fr"
    title = page.locator("main h1").inner_text()
    assert spoken[0]["text"].startswith(title + ". ")
    first_step = page.locator(".steps__item").first.inner_text().strip()
    assert first_step.splitlines()[0] in spoken[0]["text"]
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Écouter").get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.__cancels") >= 1
    assert page.problems.messages == []


def test_read_aloud_button_stays_hidden_without_speech_synthesis(make_page):
    page = make_page()
    page.add_init_script(
        "Object.defineProperty(window, 'speechSynthesis', {value: undefined, configurable: true});"
    )
    page.goto(LESSON)
    assert page.get_by_role("button", name="Écouter").count() == 0
    assert page.get_by_role("button", name="Imprimer").is_visible()
    assert page.problems.messages == []


def test_printed_lesson_is_a_clean_handout(make_page):
    from io import BytesIO

    from pypdf import PdfReader

    page = make_page()
    page.goto(LESSON)
    steps = [
        text.strip().splitlines()[0] for text in page.locator(".steps__item").all_inner_texts()
    ]
    assert len(steps) >= 3
    on_screen = page.locator("body").inner_text()
    page.emulate_media(media="print")
    text = " ".join(
        " ".join(page_.extract_text().split())
        for page_ in PdfReader(BytesIO(page.pdf(format="A4"))).pages
    )
    assert page.locator("main h1").inner_text() in text
    for step in steps:
        assert " ".join(step.split()) in text
    # Tools, lesson navigation, site menu and footer are left out of the handout.
    for absent in ["Écouter", "J'ai terminé cette leçon", "Leçon suivante", "Mentions légales"]:
        assert absent in on_screen, absent
        assert absent not in text, absent
