"""Loading the English demo from its PO files on the French demo alone (the other English
demo tests share one load, tests/translation/conftest.py): the French pages stay as they were,
and an outside translator's round trip (export a French lesson's PO file, fill it, import it,
publish) gives an English lesson whose quiz works without JavaScript."""

import re

import polib
import pytest
from django.utils.html import escape
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from content import demo_english

from .test_english_demo import LESSON, load

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def test_the_french_pages_are_unchanged_by_the_english_ones(
    home, django_capture_on_commit_callbacks
):
    french = {path: demo_english.french_page(path) for path, _ in demo_english.po_files()}
    before = {path: (p.latest_revision_id, p.title, p.url_path) for path, p in french.items()}
    load(django_capture_on_commit_callbacks)
    after = {
        path: (p.latest_revision_id, p.title, p.url_path)
        for path, p in ((path, demo_english.french_page(path)) for path in french)
    }
    assert after == before


def first_quiz(page):
    return next(child for child in page.body if child.block_type == "quiz")


def test_a_po_import_publishes_an_english_lesson_whose_quiz_works_without_javascript(
    client, home, english
):
    """The outside translator's round trip: export the PO file of the French lesson (parents
    translated first), fill it with the English of the demo file, import it, publish."""
    from wagtail_localize.operations import TranslationCreator

    for url_path, path in demo_english.po_files():
        if url_path in ("/", "/se-former/", "/se-former/premiers-pas/"):
            demo_english.translate_page(demo_english.french_page(url_path), path)
    french = demo_english.french_page(LESSON)
    TranslationCreator(None, [english]).create_translations(french)
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(french), target_locale=english
    )
    exported = polib.pofile(str(translation.export_po()))
    assert exported.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert not any(entry.msgstr for entry in exported)  # nothing translated yet
    english_text = demo_english.english_by_msgid(demo_english.po_file_for(LESSON, "lessons"))
    for entry in exported:
        entry.msgstr = english_text.get(entry.msgid, "")
    assert translation.import_po(exported) == []  # no warning
    assert translation.get_progress()[0] == translation.get_progress()[1]
    assert french.get_translation(english).live is False  # a draft until published
    demo_english.publish(translation)  # save_target(publish=True), published at once

    lesson = french.get_translation(english)
    assert lesson.live
    html = client.get(lesson.get_url()).content.decode()
    assert '<html lang="en"' in html and lesson.title in html
    action = re.search(rf'method="get" action="([^"]*/quiz/{lesson.pk}/)"', html).group(1)
    quiz = first_quiz(lesson)
    french_quiz = first_quiz(french)
    answers = {f"q{index}": "0" for index, _ in enumerate(quiz.value["questions"])}
    response = client.get(action, {"quiz": quiz.id, **answers})
    assert response.status_code == 200
    result = response.content.decode()
    assert '<html lang="en"' in result
    assert re.search(r"Your score: \d out of \d\.", result)
    # The chosen answers' comments, in English (not their French source).
    for question, french_question in zip(
        quiz.value["questions"], french_quiz.value["questions"], strict=True
    ):
        feedback = question["answers"][0]["feedback"]
        french_feedback = french_question["answers"][0]["feedback"]
        assert feedback and feedback != french_feedback
        assert escape(feedback) in result
        assert escape(french_feedback) not in result
    # A missing answer is reported in English.
    response = client.get(action, {"quiz": quiz.id, "q0": "0"})
    assert "Choose an answer to question 2" in response.content.decode()
