"""The language switcher offers the other language's version of the page only when it is
live, and otherwise says the page does not exist yet in that language and offers that
language's home page."""

import re

import pytest
from wagtail.models import Locale

from lessons.models import LessonPage

pytestmark = pytest.mark.django_db


def switcher(response):
    assert response.status_code == 200
    found = re.findall(
        r'<ul class="language-switcher".*?</ul>', response.content.decode(), flags=re.S
    )
    assert len(found) == 1
    return found[0]


@pytest.fixture
def french_lesson():
    return LessonPage.objects.live().filter(locale__language_code="fr").first()


def translate(page, publish):
    english = Locale.objects.get(language_code="en")
    translation = page.copy_for_translation(english, copy_parents=True)
    translation.title = "Create an e-mail address"
    revision = translation.save_revision()
    if publish:
        revision.publish()
    return translation


def test_the_french_home_links_to_the_english_home_in_english(client):
    html = switcher(client.get("/"))
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    assert "existe pas encore" not in html


def test_a_page_missing_in_english_says_so_in_english_and_offers_the_english_home(
    client, french_lesson
):
    """The notice is for a reader of English: written in English (the site has the English
    catalogue), under lang="en", on the French page."""
    html = switcher(client.get(french_lesson.get_url()))
    assert re.search(
        r'<li class="language-switcher__missing" lang="en">'
        r'<span class="language-switcher__note">This page does not exist in English yet.</span> ?'
        r'<a href="/en/" hreflang="en">'
        r'<span><span lang="en">English</span> \(home page\)</span></a></li>',
        html,
    )
    assert "existe pas" not in html
    assert html.count("<a ") == 1


def test_without_a_catalogue_for_the_language_the_notice_stays_in_the_pages_language(
    client, french_lesson, monkeypatch
):
    """A content language added before its interface catalogue (docs/translation.md): a
    French sentence under lang="en" would be the WCAG 3.1.2 failure, so it stays French."""
    from content.templatetags import content_tags

    monkeypatch.setattr(content_tags, "has_catalogue", lambda code: code == "fr")
    html = switcher(client.get(french_lesson.get_url()))
    assert '<li class="language-switcher__missing" lang="fr">' in html
    assert "Cette page n'existe pas encore en anglais." in html
    assert re.search(
        r'<a href="/en/" hreflang="en"><span><span lang="en">English</span> \(accueil\)</span></a>',
        html,
    )


def test_a_draft_translation_is_not_offered(client, french_lesson):
    draft = translate(french_lesson, publish=False)
    html = switcher(client.get(french_lesson.get_url()))
    assert draft.get_url() not in html
    assert "This page does not exist in English yet." in html


def test_a_published_translation_is_offered_both_ways_with_its_language(client, french_lesson):
    english = translate(french_lesson, publish=True)
    html = switcher(client.get(french_lesson.get_url()))
    assert f'<a href="{english.get_url()}" hreflang="en" lang="en">English</a>' in html
    assert "existe pas encore" not in html

    back = switcher(client.get(english.get_url()))
    assert f'<a href="{french_lesson.get_url()}" hreflang="fr" lang="fr">Français</a>' in back
