"""A page submitted for translation is never published in French under an English URL: the
English copy is a draft until a translator publishes it, and the parents copied along with it
(wagtail-localize makes them aliases of the French pages) stay unpublished."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from lessons.models import LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_lesson():
    lesson = LessonPage.objects.live().filter(locale__language_code="fr").first()
    assert (
        lesson.get_parent().get_translation_or_none(Locale.objects.get(language_code="en")) is None
    )
    return lesson


def submit(admin_client, page, capture_on_commit):
    """The admin's « Traduire cette page » form. wagtail-localize publishes on commit, so the
    test runs the on-commit callbacks the test transaction would otherwise drop."""
    english = Locale.objects.get(language_code="en")
    with capture_on_commit(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [english.pk]},
        )
    assert response.status_code == 302, response.content[:2000]
    return page.get_translation(english)


def test_a_lesson_submitted_for_translation_stays_a_draft_and_its_english_url_is_a_404(
    admin_client, client, french_lesson, django_capture_on_commit_callbacks
):
    english_lesson = submit(admin_client, french_lesson, django_capture_on_commit_callbacks)

    assert english_lesson.live is False
    assert english_lesson.url_path != french_lesson.url_path
    english_url = english_lesson.get_url()
    assert english_url.startswith("/en/")
    assert client.get(english_url).status_code == 404
    assert client.get(french_lesson.get_url()).status_code == 200


def test_the_parents_copied_along_are_unpublished_even_after_the_french_one_is_republished(
    admin_client, client, french_lesson, django_capture_on_commit_callbacks
):
    english_lesson = submit(admin_client, french_lesson, django_capture_on_commit_callbacks)
    parent = english_lesson.get_parent()
    assert parent.alias_of_id == french_lesson.get_parent().pk  # wagtail-localize's alias
    assert parent.live is False
    assert client.get(parent.get_url()).status_code == 404

    # Publishing the French parent refreshes its aliases, which Wagtail sets live.
    french_parent = Page.objects.get(pk=parent.alias_of_id).specific
    french_parent.save_revision().publish()
    parent.refresh_from_db()
    assert parent.live is False
    assert client.get(parent.get_url()).status_code == 404


def test_the_english_lesson_answers_once_the_translator_publishes_it(
    admin_client, client, french_lesson, django_capture_on_commit_callbacks
):
    english_lesson = submit(
        admin_client, french_lesson, django_capture_on_commit_callbacks
    ).specific
    english_lesson.title = "Create an e-mail address"
    english_lesson.save_revision().publish()

    response = client.get(english_lesson.get_url())
    assert response.status_code == 200
    assert b'<html lang="en">' in response.content
