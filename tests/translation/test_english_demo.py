"""The English demo pages come from PO files through wagtail-localize (content/demo_english.py):
after the English step of load_demo each listed page is live in English, every one of its
segments translated (this fails when the French demo text changes without its PO file), and
its /en/ URL answers in English. A French lesson's PO file exported, filled and imported
publishes an English lesson whose quiz works without JavaScript."""

import re

import polib
import pytest
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from content import demo_english

pytestmark = pytest.mark.django_db

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
# What the issue lists, at least (each must have its PO file).
LISTED = [
    "/",
    "/accessibilite/",
    "/se-former/",
    "/se-former/premiers-pas/",
    "/se-former/aller-plus-loin/",
    "/agenda/",
    "/campagnes/",
    "/campagnes/safer-internet-day-2026/",
    LESSON,
    # The other level-1 lessons and every easy-to-read version (separate pages of the path).
    "/se-former/premiers-pas/creer-une-adresse-e-mail-falc/",
    "/se-former/premiers-pas/reconnaitre-un-site-securise/",
    "/se-former/premiers-pas/reconnaitre-un-site-securise-falc/",
    "/se-former/premiers-pas/mots-de-passe-solides/",
    "/se-former/premiers-pas/mots-de-passe-solides-falc/",
    "/se-former/premiers-pas/ameli-impots-franceconnect/",
    "/se-former/premiers-pas/ameli-impots-franceconnect-falc/",
]


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def load(capture_on_commit, **options):
    """wagtail-localize publishes on commit: the test runs the callbacks the test transaction
    would otherwise drop (load_demo commits)."""
    with capture_on_commit(execute=True):
        return demo_english.load(**options)


@pytest.fixture
def english_demo(home, django_capture_on_commit_callbacks):
    return load(django_capture_on_commit_callbacks)


def test_every_listed_page_has_its_po_file():
    assert set(LISTED) <= {path for path, _ in demo_english.po_files()}


def test_the_english_pages_are_live_fully_translated_and_answer_in_english(
    client, english_demo, english
):
    """…and each weighs under the limit of every page (HTML + CSS + JS) and shows no French
    interface string (the checks of test_page_weight.py and test_english_interface.py)."""
    from bench.pages import asset_bytes
    from tests.test_page_weight import WEIGHT_LIMIT

    from .test_english_interface import content_corpus, french_interface, french_msgids

    patterns, corpus = french_msgids(), content_corpus()
    checked = []
    for url_path, _ in demo_english.po_files():
        french = demo_english.french_page(url_path)
        page = french.get_translation(english)
        assert page.live and page.alias_of_id is None, url_path
        translation = Translation.objects.get(
            source=TranslationSource.objects.get_for_instance(french), target_locale=english
        )
        total, done = translation.get_progress()
        # A French segment without English: refresh the file (manage.py export_demo_po).
        assert total > 0 and done == total, f"{url_path}: {done} of {total} segments in English"
        url = page.get_url()
        assert url.startswith("/en/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert re.search(r'<html lang="en"', html), url
        assert page.title in html
        assets = asset_bytes(html)
        assert len(response.content) + assets["css"] + assets["js"] < WEIGHT_LIMIT, url
        assert french_interface(html, patterns, corpus) == [], url
        checked.append(url_path)
    assert len(checked) >= len(LISTED)


def test_loading_twice_creates_no_duplicate(
    english_demo, english, django_capture_on_commit_callbacks
):
    pages = Page.objects.filter(locale=english).count()
    translations = Translation.objects.count()
    assert load(django_capture_on_commit_callbacks) == (
        "0 English page(s) published from PO files, 0 snippet(s) translated"
    )
    assert Page.objects.filter(locale=english).count() == pages
    assert Translation.objects.count() == translations


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


def test_the_content_checks_find_nothing_on_the_demo_with_its_english_pages(english_demo):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("check_content", stdout=out)
    assert "Rien à corriger." in out.getvalue()


def test_the_english_path_pairs_its_own_lessons_and_easy_read_versions_in_french_order(
    client, english_demo, english
):
    """wagtail-localize copies a page link as it is (`easy_read_of` of an English version
    still names the French original) and adds each translated page as its parent's last
    child: the English path must still list its lessons in the French order, each with its
    English easy-to-read version, and each version lead to English pages only."""
    from lessons.models import LearningPathPage

    french_path = LearningPathPage.objects.get(slug="premiers-pas", locale__language_code="fr")
    english_path = french_path.get_translation(english)
    french_lessons = french_path.lessons
    lessons = english_path.lessons
    assert [lesson.translation_key for lesson in lessons] == [
        lesson.translation_key for lesson in french_lessons
    ]
    html = client.get(english_path.get_url()).content.decode()
    for index, lesson in enumerate(lessons):
        version = lesson.easy_read_version
        assert version is not None and version.locale_id == english.pk, lesson.url
        assert f'href="{version.get_url()}"' in html
        page = client.get(version.get_url()).content.decode()
        # The full version, the shared progress and the neighbours: English pages.
        assert f'href="{lesson.get_url()}">Read the full version of this lesson' in page
        assert f'data-lesson-id="{lesson.pk}"' in page
        assert f"Lesson {index + 1} of {len(lessons)}" in page
        if index + 1 < len(lessons):
            following = lessons[index + 1].easy_read_version
            assert re.search(rf'rel="next" href="{following.get_url()}"', page)
        assert "/se-former/" not in re.sub(r'<a href="[^"]*" hreflang="fr".*?</a>', "", page)
        original = client.get(lesson.get_url()).content.decode()
        assert f'href="{version.get_url()}"' in original
