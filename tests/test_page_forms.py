"""A new page whose slug is held by an abandoned, never-published draft says where that draft is."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from content.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def create(client, parent, title, slug, action="action-publish"):
    data = nested_form_data(
        {"title": title, "slug": slug, "summary": "", "body": streamfield([]), action: action}
    )
    return client.post(f"/admin/pages/add/content/standardpage/{parent.pk}/", data)


def test_slug_held_by_an_abandoned_draft_names_the_draft(admin_client):
    home = HomePage.objects.first()
    # The editor's first try: Wagtail's autosave leaves an unpublished draft behind.
    draft = home.add_child(instance=StandardPage(title="Atelier tablette", slug="atelier-tablette"))
    draft.unpublish()
    draft.save_revision()
    assert Page.objects.get(pk=draft.pk).first_published_at is None

    response = create(admin_client, home, "Atelier tablette", "atelier-tablette")
    assert response.status_code == 200
    html = response.content.decode()
    assert "est déjà prise par le brouillon « Atelier tablette », jamais publié" in html
    assert StandardPage.objects.filter(slug="atelier-tablette").count() == 1


def test_slug_held_by_a_published_page_keeps_wagtails_message(admin_client):
    home = HomePage.objects.first()
    page = home.add_child(instance=StandardPage(title="Contact", slug="contact-atelier"))
    page.save_revision().publish()
    html = create(admin_client, home, "Contact", "contact-atelier").content.decode()
    assert "est déjà utilisé" in html
    assert "est déjà prise par le brouillon" not in html


def test_a_free_slug_still_creates_the_page(admin_client):
    home = HomePage.objects.first()
    response = create(admin_client, home, "Atelier smartphone", "atelier-smartphone")
    assert response.status_code == 302
    assert StandardPage.objects.filter(slug="atelier-smartphone").exists()
