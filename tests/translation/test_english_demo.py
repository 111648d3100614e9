"""The English demo pages come from PO files through wagtail-localize (content/demo_english.py):
after the English step of load_demo each listed page is live in English, every one of its
segments translated (this fails when the French demo text changes without its PO file), and
its /en/ URL answers in English. The English demo is loaded once for the module
(tests/translation/conftest.py); loading it on the French demo alone: test_po_files.py."""

import re

import pytest
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
