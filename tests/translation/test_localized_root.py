"""Every English page is routed from the English home page read from the configuration cache
(content/config_cache.localized_root_translation), not from the database: publishing,
unpublishing or deleting that home page must forget it at once, or /en/ would keep serving a
page that is gone (or keep hiding one that is back)."""

import pytest
from wagtail.models import Locale, Site

from content import config_cache, demo_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_home(home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo_english.load(only=["/"])
    return home.get_translation(Locale.objects.get(language_code="en"))


def cached_root():
    """The id of the English root the routing would use (None: none live)."""
    site = Site.objects.get(is_default_site=True)
    found = config_cache.localized_root_translation(site, Locale.objects.get(language_code="en"))
    return found and found.pk


def test_the_english_root_is_read_once_then_from_the_cache(english_home, django_assert_num_queries):
    assert cached_root() == english_home.pk
    site = Site.objects.get(is_default_site=True)
    english = Locale.objects.get(language_code="en")
    with django_assert_num_queries(0):
        assert config_cache.localized_root_translation(site, english).pk == english_home.pk


def test_unpublishing_then_publishing_the_english_home_is_seen_at_once(
    client, english_home, django_capture_on_commit_callbacks
):
    assert client.get("/en/").context["page"] == english_home
    assert cached_root() == english_home.pk

    with django_capture_on_commit_callbacks(execute=True):
        english_home.unpublish()
    assert cached_root() is None
    # /en/ falls back to the site's own root, as Wagtail's `root_page.localized` does.
    assert client.get("/en/").context["page"].locale.language_code == "fr"

    with django_capture_on_commit_callbacks(execute=True):
        english_home.get_latest_revision().publish()
    assert cached_root() == english_home.pk
    assert client.get("/en/").context["page"] == english_home


def test_deleting_the_english_home_is_seen_at_once(
    client, english_home, django_capture_on_commit_callbacks
):
    assert cached_root() == english_home.pk
    with django_capture_on_commit_callbacks(execute=True):
        english_home.delete()
    assert cached_root() is None
    assert client.get("/en/").context["page"].locale.language_code == "fr"
