from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from content.models import Audience, HomePage, Organisation, SiteIdentity, StandardPage, Theme

pytestmark = pytest.mark.django_db


def counts():
    return (
        Page.objects.count(),
        Organisation.objects.count(),
        Audience.objects.count(),
        Theme.objects.count(),
        SiteIdentity.objects.count(),
    )


def test_load_demo_is_idempotent():
    # The shared test demo is the French one (tests/conftest.py); the English pages' own
    # second load is tested in tests/translation/test_english_demo.py.
    before = counts()
    call_command("load_demo", english=False, stdout=StringIO())
    assert counts() == before
    assert HomePage.objects.filter(slug="accueil").count() == 1
    assert Organisation.objects.filter(acronym__in=["CRIAC", "AMIE", "CCT2C", "CCDS"]).count() == 4
    assert StandardPage.objects.filter(slug="accessibilite").exists()


def test_demo_home_speaks_to_the_four_audiences():
    home = HomePage.objects.get(slug="accueil")
    titles = [block.value["title"] for block in home.entry_points]
    assert titles[:4] == ["Habitants", "Enseignants et animateurs", "Communicants", "Entrepreneurs"]


def test_taxonomy_is_translatable():
    for model in (Audience, Theme, Organisation):
        term = model.objects.first()
        assert term.locale.language_code == "fr"
        assert term.translation_key


def test_ensure_admin_prints_password_once():
    out = StringIO()
    call_command("ensure_admin", username="editrice", stdout=out)
    password = out.getvalue().split("password:")[1].split()[0]
    assert get_user_model().objects.get(username="editrice").check_password(password)
    again = StringIO()
    call_command("ensure_admin", username="editrice", stdout=again)
    assert password not in again.getvalue()
    assert "already exists" in again.getvalue()


def test_snippet_listings_open_in_admin(admin_client):
    for model in ("audience", "theme", "organisation"):
        response = admin_client.get(f"/admin/snippets/content/{model}/")
        assert response.status_code == 200, model
    site = Site.objects.get(is_default_site=True)
    response = admin_client.get(f"/admin/settings/content/siteidentity/{site.pk}/")
    assert response.status_code == 200
