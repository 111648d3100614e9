"""School modules in the browser: the classroom mode driven with the keyboard (and offline once
loaded), the printed kit (Chromium's PDF) and the index filters without JavaScript."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from .conftest import assert_no_axe_violations, tab_to

pytestmark = pytest.mark.browser

MODULE = "/interventions-scolaires/dangers-d-internet-6e/"


def pdf_pages(pdf_bytes):
    """Text of each printed page; NFKC undoes the typographic ligatures (ﬁ, ﬂ) of the PDF."""
    return [
        unicodedata.normalize("NFKC", p.extract_text())
        for p in PdfReader(io.BytesIO(pdf_bytes)).pages
    ]


def visible_slides(page):
    return page.locator("[data-slide]:visible")


def test_classroom_mode_moves_with_arrow_keys_and_works_offline(make_page):
    page = make_page(width=1280, height=720)
    page.goto(MODULE + "mode-classe/")
    total = page.locator("[data-slide]").count()
    assert total == 5  # title, quiz, post, scenario, help numbers
    status = page.locator("[data-deck-status]")
    assert status.text_content() == f"Diapositive 1 sur {total}"
    assert visible_slides(page).count() == 1
    assert page.locator("main h1").is_visible()
    assert_no_axe_violations(page)
    page.wait_for_load_state("networkidle")

    # The classroom network drops: every slide is already in the document.
    page.context.set_offline(True)
    page.keyboard.press("ArrowRight")
    assert status.text_content() == f"Diapositive 2 sur {total}"
    assert visible_slides(page).count() == 1
    assert page.locator("[data-slide]").nth(1).is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-slide')")
    assert page.get_by_role("heading", name="Le quiz des pièges").is_visible()

    page.keyboard.press("PageDown")  # what a presentation clicker sends
    assert status.text_content() == f"Diapositive 3 sur {total}"
    assert page.get_by_text("Vrai, faux ou trompeur ?").is_visible()
    page.get_by_text("Voir la réponse").click()
    assert page.get_by_text("Réponse : Faux").is_visible()

    page.keyboard.press("End")
    assert status.text_content() == f"Diapositive {total} sur {total}"
    assert page.locator('a[href="tel:3018"]').is_visible()
    assert page.locator("[data-deck-next]").get_attribute("aria-disabled") == "true"
    page.keyboard.press("ArrowLeft")
    assert status.text_content() == f"Diapositive {total - 1} sur {total}"
    assert page.get_by_role("heading", name="Carte scénario : Le compte piraté").is_visible()
    page.locator("[data-deck-prev]").click()
    assert status.text_content() == f"Diapositive {total - 2} sur {total}"
    assert_no_axe_violations(page)
    assert page.problems.messages == []


def test_classroom_buttons_keep_the_focus_at_both_ends(make_page):
    """Keyboard only: « Suivante » on the last slide and « Précédente » on the first stay
    focused (aria-disabled, never disabled) and the live status says why nothing moved."""
    page = make_page(width=1280, height=720)
    page.goto(MODULE + "mode-classe/")
    total = page.locator("[data-slide]").count()
    status = page.locator("[data-deck-status]")
    prev, following = page.locator("[data-deck-prev]"), page.locator("[data-deck-next]")
    tab_to(page, lambda el: el["tag"] == "BUTTON" and el["text"] == "Précédente")
    assert prev.get_attribute("aria-disabled") == "true"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.hasAttribute('data-deck-prev')")
    assert status.text_content() == "Diapositive 1 sur 5 C’est la première diapositive."
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-deck-next')")
    for number in range(2, total + 1):
        page.keyboard.press("Enter")
        assert status.text_content() == f"Diapositive {number} sur {total}"
        assert page.evaluate("document.activeElement.hasAttribute('data-deck-next')")
    assert following.get_attribute("aria-disabled") == "true"
    assert prev.get_attribute("aria-disabled") == "false"
    page.keyboard.press("Enter")  # on the last slide
    assert page.evaluate("document.activeElement.hasAttribute('data-deck-next')")
    last = f"Diapositive {total} sur {total} C’est la dernière diapositive."
    assert status.text_content() == last
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.hasAttribute('data-deck-next')")
    assert not page.evaluate("document.querySelector('[data-deck-controls] [disabled]')")
    assert_no_axe_violations(page)
    assert page.problems.messages == []


def test_classroom_quiz_answers_with_arrows_do_not_change_slide(make_page):
    page = make_page()
    page.goto(MODULE + "mode-classe/#diapo-2")
    status = page.locator("[data-deck-status]")
    assert status.text_content() == "Diapositive 2 sur 5"
    page.locator("label", has_text="Je clique pour voir").click()
    page.keyboard.press("ArrowDown")  # moves within the radio group
    assert status.text_content() == "Diapositive 2 sur 5"
    assert page.locator("[data-slide]:visible input:checked").count() == 1


def test_classroom_mode_without_javascript_shows_every_slide(make_page):
    page = make_page(width=320, javascript=False)
    page.goto(MODULE + "mode-classe/")
    slides = page.locator("[data-slide]")
    assert slides.count() == 5
    for number in range(5):
        assert slides.nth(number).is_visible()
    assert page.locator("[data-deck-controls]").is_hidden()


def test_printed_kit_has_the_plan_and_handouts_and_no_navigation(make_page):
    page = make_page()
    page.goto(MODULE + "kit/")
    pages = pdf_pages(page.pdf(format="A4"))
    text = "\n".join(pages)
    for expected in [
        "Guide de l'animateur",
        "Déroulé de la séance",
        "Brise-glace : nos écrans",
        "Carte scénario en binômes",
        "Si un élève se confie",
        "3018",
        "Fiche élève 1 sur 3",
        "Le quiz des pièges",
        "Fiche élève 3 sur 3",
        "Yanis ne peut plus se connecter",
    ]:
        assert expected in text, expected
    for navigation in ["Aller au contenu", "Menu principal", "Rechercher", "Retour au module"]:
        assert navigation not in text, navigation
    # Each handout starts on a page of its own.
    for number in (1, 2, 3):
        starts = [p for p in pages if p.lstrip().startswith(f"Fiche élève {number} sur 3")]
        assert len(starts) == 1, number
    # The pupils' handouts do not give away the answer to the post.
    assert "Réponse : Faux" not in text


def test_one_handout_prints_alone_without_its_answer(make_page):
    page = make_page()
    page.goto(MODULE)
    page.get_by_role("link", name="Imprimer la fiche élève 2 seule").click()
    page.wait_for_url("**/kit/fiche-2/")
    assert_no_axe_violations(page)
    text = "\n".join(pdf_pages(page.pdf(format="A4")))
    assert "Fiche élève 2 sur 3" in text and "@jeux_gratuits_off1ciel" in text
    assert "Le quiz des pièges" not in text and "Yanis" not in text
    assert "Réponse : Faux" not in text
    assert "Retour au module" not in text and "Guide de l'animateur" not in text


def test_module_page_prints_without_site_navigation(make_page):
    page = make_page()
    page.goto(MODULE)
    text = "\n".join(pdf_pages(page.pdf()))
    assert "Déroulé de la séance" in text
    assert "Lancer le mode classe" not in text
    assert "Menu principal" not in text and "Rechercher" not in text


def test_index_filters_work_without_javascript(make_page):
    page = make_page(width=320, javascript=False)
    page.goto("/interventions-scolaires/")
    page.get_by_label("Niveau de classe").select_option("4e")
    with page.expect_navigation():
        page.get_by_role("button", name="Afficher les modules").click()
    assert "niveau=4e" in page.url
    assert page.get_by_role("heading", name="1 module").is_visible()
    assert page.get_by_role("link", name="Le cyberharcèlement, à partir de la 4e").is_visible()
