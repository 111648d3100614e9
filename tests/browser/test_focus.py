"""Issue 15, keyboard only: after a failed submit the focus lands on the error summary, on
every form, with JavaScript and without it (the summary carries `autofocus`; with JavaScript
the in-page checks move the focus themselves). The form is sent with Enter, as a keyboard
user does; the test then asks the browser what document.activeElement is."""

import time

import pytest

from .conftest import assert_no_axe_violations, tab_to

pytestmark = pytest.mark.browser

JS = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
SUMMARY_FOCUSED = "() => document.activeElement.classList.contains('error-summary')"


def wait_for(page, script, timeout=5.0):
    """Poll a condition from Python: wait_for_function needs the page's own JavaScript."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        if time.monotonic() > deadline:
            focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
            raise AssertionError(f"never true: {script}; focus is on {focused}")
        time.sleep(0.05)


def submit_with_enter(page, button_text, navigates=True):
    tab_to(page, lambda el: el["tag"] == "BUTTON" and el["text"] == button_text)
    if navigates:
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        page.keyboard.press("Enter")
    wait_for(page, SUMMARY_FOCUSED)


@JS
def test_placement_quiz_focuses_its_error_summary(make_page, javascript):
    page = make_page(width=320, javascript=javascript)
    page.goto("/se-former/ou-en-suis-je/")
    submit_with_enter(page, "Voir mon conseil")
    assert page.locator(".error-summary").is_visible()
    assert_no_axe_violations(page)


@JS
def test_placement_result_takes_the_focus(make_page, javascript):
    page = make_page(width=320, javascript=javascript)
    page.goto("/se-former/ou-en-suis-je/")
    for fieldset in page.locator("fieldset").all():
        fieldset.get_by_label("Oui").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Voir mon conseil").press("Enter")
    wait_for(page, "() => document.activeElement.id === 'resultat-zone'")


@JS
def test_resume_code_form_focuses_its_error_summary(make_page, javascript):
    page = make_page(width=320, javascript=javascript)
    page.goto("/se-former/reprendre/")
    tab_to(page, lambda el: el["id"] == "code")
    page.keyboard.type("ABCD-EFGH")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Enter in the field sends the form
    wait_for(page, SUMMARY_FOCUSED)
    assert "n'est pas reconnu" in page.locator(".error-summary").inner_text()
    assert_no_axe_violations(page)


@JS
def test_lesson_quiz_focuses_its_error_summary(make_page, javascript):
    """With JavaScript the quiz is checked in the page (no navigation); without it the server
    answers at the result URL, whose summary has `autofocus`."""
    page = make_page(width=320, javascript=javascript)
    page.goto(LESSON)
    submit_with_enter(page, "Vérifier mes réponses", navigates=not javascript)
    assert page.evaluate("() => document.activeElement.hasAttribute('data-quiz-errors')")
    assert ("/quiz/" in page.url) is not javascript
    assert_no_axe_violations(page)


def test_quiz_result_url_loaded_with_javascript_focuses_the_summary(make_page):
    """A no-JS result URL (bookmarked, shared) opened in a browser with JavaScript."""
    page = make_page(width=320, javascript=False)
    page.goto(LESSON)
    submit_with_enter(page, "Vérifier mes réponses")
    url = page.url
    page = make_page(width=320)
    page.goto(url)
    wait_for(page, SUMMARY_FOCUSED)


@JS
def test_event_registration_focuses_its_error_summary(make_page, javascript):
    page = make_page(width=320, javascript=javascript)
    page.goto("/agenda/cafe-numerique/")
    page.goto(page.locator("main a[href*='/inscription/']").first.get_attribute("href"))
    submit_with_enter(page, "Confirmer l'inscription")
    assert page.locator(".error-summary a[href='#id_name']").count() == 1
    assert_no_axe_violations(page)


@JS
def test_session_report_focuses_its_error_summary(make_page, javascript):
    page = make_page(width=320, javascript=javascript)
    page.goto("/compte-rendu-de-seance/")
    button = page.locator("main button[type=submit]").inner_text().strip()
    submit_with_enter(page, button)
    assert page.locator(".error-summary a[href='#id_pupils']").count() == 1
    assert_no_axe_violations(page)


def test_quiz_feedback_is_read_out_by_a_live_region(make_page):
    page = make_page(width=320)
    page.goto(LESSON)
    quiz = page.locator("[data-quiz]").first
    status = quiz.locator("[role=status]")
    # In the page before anything changes, or screen readers may not announce the change.
    assert status.count() == 1 and status.get_attribute("hidden") is None
    assert status.inner_text().strip() == ""
    quiz.get_by_label("www.laposte.net").check()
    quiz.get_by_label("Faux").check()
    quiz.get_by_label("Je clique sur « Se déconnecter ».").check()
    quiz.get_by_role("button", name="Vérifier mes réponses").press("Enter")
    said = status.text_content()
    assert "Votre score : 2 sur 3." in said
    # The verdict, then the comment of the answer chosen (why it is wrong or right).
    assert (
        "Question 1 sur 3 : Pas tout à fait. C'est l'adresse d'un site, pas d'une boîte aux "
        "lettres. Question 2 sur 3 : Bravo, c'est juste ! Oui, votre mot de passe reste secret"
    ) in said
    assert "Question 3 sur 3 : Bravo, c'est juste ! Oui : la personne suivante" in said
    # One region per quiz: the questions' own statuses are not live regions any more.
    assert quiz.locator("[aria-live]").count() == 0


def test_quiz_result_without_javascript_survives_a_reload(make_page):
    page = make_page(width=320, javascript=False)
    page.goto(LESSON)
    quiz = page.locator("[data-quiz]").first
    quiz.get_by_label("www.laposte.net").check()
    quiz.get_by_label("Faux").check()
    quiz.get_by_label("Je clique sur « Se déconnecter ».").check()
    with page.expect_navigation():
        quiz.get_by_role("button", name="Vérifier mes réponses").press("Enter")
    url = page.url
    assert "/quiz/" in url and "q1=" in url
    wait_for(page, "() => document.activeElement.hasAttribute('data-quiz-status')")
    response = page.reload()
    assert response.status == 200 and page.url == url
    score = page.locator("[data-quiz]").first.locator("[data-quiz-score]")
    assert score.inner_text() == "Votre score : 2 sur 3."
    page = make_page(width=320, javascript=False)  # a bookmark, opened later
    assert page.goto(url).status == 200
    assert page.locator("[data-quiz-score]").first.inner_text() == "Votre score : 2 sur 3."


@JS
def test_attestation_code_form_focuses_its_error_summary(make_page, javascript):
    page = make_page(width=320, javascript=javascript)
    page.goto("/se-former/attestation/")
    tab_to(page, lambda el: el["id"] == "code")
    page.keyboard.type("2B7K-Q9M4")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    wait_for(page, SUMMARY_FOCUSED)
    assert_no_axe_violations(page)
