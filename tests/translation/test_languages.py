"""More languages without code: CONTENT_LANGUAGES gives the content languages (French first
and default), an unknown code stops the start-up, and a new language (Spanish) needs only the
setting and a locale created in the admin: no migration, and the switcher offers it."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from capnum.settings.base import content_languages
from tests.test_settings import run_manage


def test_french_comes_first_whatever_the_order_each_name_in_its_language():
    assert content_languages("es, en,fr,es") == [
        ("fr", "Français"),
        ("es", "Español"),
        ("en", "English"),
    ]
    assert content_languages("el,pl") == [("fr", "Français"), ("el", "Ελληνικά"), ("pl", "Polski")]


def test_french_alone_when_the_variable_names_none():
    assert content_languages("") == [("fr", "Français")]


@pytest.mark.parametrize("value", ["fr,en,xx", "fr,english", "fr,zh"])
def test_an_unknown_code_is_refused_with_a_clear_message(value):
    unknown = value.rsplit(",", 1)[1]
    with pytest.raises(ImproperlyConfigured, match=f"CONTENT_LANGUAGES.*inconnu.*{unknown}"):
        content_languages(value)


def test_the_site_refuses_to_start_with_an_unknown_code():
    result = run_manage(
        "check",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "capnum.settings.test",
            "CONTENT_LANGUAGES": "fr,xx",
        },
    )
    assert result.returncode != 0
    assert "CONTENT_LANGUAGES: unknown language code(s) xx" in result.stderr


def test_spanish_needs_no_migration():
    result = run_manage(
        "makemigrations",
        "--check",
        "--dry-run",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "capnum.settings.test",
            "CONTENT_LANGUAGES": "fr,en,es",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


WITH_SPANISH = content_languages("fr,en,es")


@pytest.mark.django_db
@override_settings(LANGUAGES=WITH_SPANISH, WAGTAIL_CONTENT_LANGUAGES=WITH_SPANISH)
def test_spanish_locale_created_in_the_admin_then_offered_by_the_switcher(admin_client):
    add = reverse("wagtaillocales:add")
    form = admin_client.get(add)
    assert form.status_code == 200
    assert re.search(r'<option value="es"[^>]*>', form.content.decode())

    response = admin_client.post(add, {"language_code": "es"})
    assert response.status_code == 302, response.content.decode()[:2000]
    spanish = Locale.objects.get(language_code="es")

    # A translator's first Spanish page: the home, published.
    home = Site.objects.get(is_default_site=True).root_page
    copy = home.copy_for_translation(spanish)
    copy.save_revision().publish()

    html = admin_client.get("/").content.decode()
    assert '<a href="/es/" hreflang="es" lang="es">Español</a>' in html
    assert admin_client.get("/es/").status_code == 200
    lesson = Page.objects.live().filter(locale__language_code="fr", depth__gt=3).first()
    html = admin_client.get(lesson.url).content.decode()
    assert "Cette page n'existe pas encore en espagnol." in html
