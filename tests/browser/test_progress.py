"""Progress on shared computers (issue 15) and H5P results (issue 20, item 6), in a browser:
undo « J'ai terminé », « Effacer ma progression » leaving nothing of the site in
localStorage, the attestation and resume code without JavaScript, H5P scores on the path
page, in the attestation and through a resume code."""

import json

import pytest

from .conftest import assert_no_axe_violations, assert_reflows, tab_to

pytestmark = pytest.mark.browser

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
ACTIVITY = "6b1f2c4e-7d1a-4c3b-9a55-3a1f0c2b9e01"
H5P_PATH = "/se-former/aller-plus-loin/"
IS_DONE_BUTTON = "() => document.activeElement.hasAttribute('data-mark-done')"


def test_done_can_be_undone_with_the_keyboard_and_keeps_the_focus(make_page):
    page = make_page(width=320)
    page.goto(LESSON)
    tab_to(page, lambda el: el["text"] == "J'ai terminé cette leçon")
    page.keyboard.press("Enter")
    status = page.locator("[data-done-status]")
    assert status.inner_text() == "Leçon terminée : c'est noté dans ce navigateur."
    assert page.evaluate(IS_DONE_BUTTON)
    button = page.locator("[data-mark-done]")
    assert button.inner_text() == "Annuler : je n'ai pas terminé"
    page.keyboard.press("Enter")
    assert page.evaluate(IS_DONE_BUTTON)
    assert status.inner_text().startswith("Leçon à nouveau à faire")
    assert button.inner_text() == "J'ai terminé cette leçon"
    assert page.evaluate("() => window.CapProgress.get().lessons") == {}
    page.goto("/se-former/premiers-pas/")
    assert page.locator(".progress-count").inner_text() == "0 leçon terminée sur 4"
    assert page.problems.messages == []


def test_clear_progress_asks_in_the_page_and_leaves_nothing_in_local_storage(make_page):
    page = make_page(width=320)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(LESSON)
    page.get_by_role("button", name="J'ai terminé cette leçon").click()
    page.goto("/")
    page.locator(".site-banner__close").first.click()  # remembered: the site's too, cleared
    page.evaluate("() => localStorage.setItem('another-site', 'kept')")  # not ours
    page.goto("/se-former/reprendre/")
    keys = page.evaluate("() => Object.keys(localStorage).sort()")
    assert keys == ["another-site", "capnum-bannieres-masquees", "capnum-progress-v1"]
    tab_to(page, lambda el: el["text"] == "Effacer ma progression")
    page.keyboard.press("Enter")
    assert page.get_by_text("On ne pourra pas revenir en arrière").is_visible()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-clear-yes')")
    assert_no_axe_violations(page)
    # « Non, garder »: nothing is cleared, the focus goes back to « Effacer ».
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-clear-ask')")
    assert page.evaluate("() => localStorage.getItem('capnum-progress-v1')") is not None
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # « Oui, tout effacer »
    assert page.get_by_role("status").filter(has_text="progression est effacée").is_visible()
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert keys == ["another-site"]
    page.evaluate("() => localStorage.removeItem('another-site')")
    assert page.evaluate("() => localStorage.length") == 0
    assert dialogs == []  # no window.confirm()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-clear-ask')")
    page.goto("/se-former/attestation/")
    assert page.get_by_text("Aucune leçon terminée pour l'instant").is_visible()
    assert page.problems.messages == []


def store_activity(page, score, maximum):
    data = {"v": 1, "lessons": {}, "quizzes": {}, "activities": {}}
    data["activities"][ACTIVITY] = {"completed": True, "score": score, "max": maximum}
    page.evaluate("(d) => localStorage.setItem('capnum-progress-v1', d)", json.dumps(data))


def test_h5p_results_show_on_the_path_page_attestation_and_go_through_a_code(make_page):
    page = make_page(width=320)
    page.goto(H5P_PATH)
    assert page.get_by_role("heading", name="Mes activités interactives").count() == 0
    store_activity(page, 3, 4)
    page.reload()
    item = page.locator(f"[data-activity-id='{ACTIVITY}']")
    assert item.inner_text() == "Arnaque au SMS : l'amende à payer : terminée, score 3 sur 4"
    assert page.get_by_role("heading", name="Mes activités interactives").is_visible()
    assert_no_axe_violations(page)
    assert_reflows(page)
    page.goto("/se-former/attestation/")
    assert page.locator(f"[data-attestation] [data-activity-id='{ACTIVITY}']").is_visible()
    page.goto("/se-former/reprendre/")
    page.get_by_role("button", name="Afficher mon code de reprise").click()
    code = page.locator("[data-resume-code]").inner_text()

    fresh = make_page(width=320)
    fresh.goto("/se-former/reprendre/")
    fresh.get_by_label("Mon code de reprise").fill(code)
    fresh.get_by_role("button", name="Reprendre ma progression").click()
    assert fresh.get_by_text("Votre progression est restaurée").is_visible()
    stored = fresh.evaluate("() => window.CapProgress.get().activities")
    assert stored == {ACTIVITY: {"completed": True, "score": 3, "max": 4}}
    # A reload or Back must not restore the code again after a clear: it leaves the address.
    assert "code=" not in fresh.url
    fresh.goto(H5P_PATH)
    assert fresh.locator(f"[data-activity-id='{ACTIVITY}']").is_visible()
    fresh.goto(f"/se-former/reprendre/?code={code}")
    assert fresh.locator("[data-from-code]").is_visible()
    fresh.get_by_role("button", name="Effacer ma progression").click()
    fresh.get_by_role("button", name="Oui, tout effacer").click()
    assert fresh.locator("[data-from-code]").is_hidden()
    assert fresh.get_by_label("Mon code de reprise").input_value() == ""
    assert fresh.evaluate("() => localStorage.length") == 0
    fresh.reload()
    assert fresh.evaluate("() => localStorage.length") == 0
    assert page.problems.messages == [] and fresh.problems.messages == []


def test_without_javascript_the_code_restores_and_prints_the_attestation(make_page):
    page = make_page(width=320)
    page.goto(LESSON)
    lesson_id = int(page.locator("article[data-lesson-id]").get_attribute("data-lesson-id"))
    # The code comes from the server (no database write): same as the one the page would show.
    code = page.evaluate(
        "(p) => fetch('/progression/code/?p=' + encodeURIComponent(p)).then(r => r.json())",
        json.dumps({"lessons": [lesson_id], "activities": {ACTIVITY: [2, 4]}}),
    )["code"]

    page = make_page(width=320, javascript=False)
    page.goto("/se-former/reprendre/")
    tab_to(page, lambda el: el["id"] == "code")
    page.keyboard.type(code)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    main = page.locator("main")
    assert main.locator("[data-code-lessons] li").all_inner_texts() == ["Créer mon adresse e-mail"]
    assert "terminée, score 2 sur 4" in main.locator("[data-code-activities]").inner_text()
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Voir l'attestation de ce code, à imprimer").click()
    assert "/attestation/?code=" in page.url
    attestation = page.locator("[data-attestation-code]")
    assert attestation.locator("[data-code-lessons] li").all_inner_texts() == [
        "Créer mon adresse e-mail"
    ]
    assert attestation.locator(".attestation__write-in").is_visible()
    assert_no_axe_violations(page)
    assert_reflows(page)
    page.emulate_media(media="print")
    assert attestation.is_visible()
    assert page.locator("[data-clear]").is_hidden()  # needs JavaScript, as the storage does
    assert page.context.cookies() == []
