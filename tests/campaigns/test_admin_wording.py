"""The admin forms editors use for events and campaigns read as plain French."""

import re

import pytest

from campaigns.models import CampaignIndexPage, EventIndexPage

pytestmark = pytest.mark.django_db


def add_form(client, model, parent):
    response = client.get(f"/admin/pages/add/campaigns/{model}/{parent.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_event_form_ticks_audiences_and_themes_and_adds_a_date(admin_client):
    html = add_form(admin_client, "eventpage", EventIndexPage.objects.first())
    for field in ("audiences", "themes"):
        assert re.search(rf'<input type="checkbox" name="{field}"', html), field
        assert not re.search(rf'<select name="{field}"[^>]*multiple', html), field
    assert "Ajouter une date" in html
    assert "un(e)" not in html


def test_campaign_form_ticks_audiences_and_adds_a_partner(admin_client):
    html = add_form(admin_client, "campaignpage", CampaignIndexPage.objects.first())
    assert re.search(r'<input type="checkbox" name="audiences"', html)
    assert "Ajouter un partenaire" in html
    assert "Ajouter un lien court" in html
    assert "un(e)" not in html
