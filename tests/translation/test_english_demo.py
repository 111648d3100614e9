"""The English demo pages come from PO files through wagtail-localize (content/demo_english.py):
after the English step of load_demo each listed page is live in English, every one of its
segments translated (this fails when the French demo text changes without its PO file), and
its /en/ URL answers in English."""

import re

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from content import demo_english

pytestmark = pytest.mark.django_db

# What the issue lists, at least (each must have its PO file).
LISTED = [
    "/",
    "/accessibilite/",
    "/se-former/",
    "/se-former/premiers-pas/",
    "/se-former/aller-plus-loin/",
    "/agenda/",
    "/campagnes/safer-internet-day-2026/",
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
        checked.append(url_path)
    assert len(checked) >= len(LISTED)


def test_loading_twice_creates_no_duplicate(
    english_demo, english, django_capture_on_commit_callbacks
):
    pages = Page.objects.filter(locale=english).count()
    translations = Translation.objects.count()
    assert load(django_capture_on_commit_callbacks) == "0 English page(s) published from PO files"
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


def test_the_content_checks_find_nothing_on_the_demo_with_its_english_pages(english_demo):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("check_content", stdout=out)
    assert "Rien à corriger." in out.getvalue()
