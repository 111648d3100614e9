"""A coordinated launch: a campaign scheduled for T and its linked drafts publish nothing before
T and everything at T, through Wagtail's own `publish_scheduled` (the clock is fixed)."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from campaigns.models import CampaignPage
from content.models import StandardPage

from .helpers import make_campaign

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 2, 7, 24, tzinfo=datetime.UTC)
LAUNCH = NOW + datetime.timedelta(minutes=4)


def draft(home, slug):
    page = StandardPage(title=f"Brouillon {slug}", slug=slug, live=False)
    home.add_child(instance=page)
    page.save_revision()
    return page


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def live(*pages):
    return [Page.objects.get(pk=p.pk).live for p in pages]


def test_scheduled_campaign_launches_with_its_drafts_at_the_set_time(home, client):
    first, second = draft(home, "brouillon-un"), draft(home, "brouillon-deux")
    with at(NOW):
        campaign = make_campaign(
            slug="lancement-programme",
            publish=False,
            linked_pages=[("page", first), ("page", second)],
        )
        campaign.go_live_at = LAUNCH
        campaign.save_revision().publish()  # « Programmer pour publication »
    assert live(campaign, first, second) == [False, False, False]
    assert client.get(first.url).status_code == 404

    with at(LAUNCH - datetime.timedelta(seconds=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert live(campaign, first, second) == [False, False, False]

    # Wagtail publishes revisions whose time is strictly past: the first run after T.
    with at(LAUNCH + datetime.timedelta(seconds=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert live(campaign, first, second) == [True, True, True]
    for page in (campaign, first, second):
        assert client.get(Page.objects.get(pk=page.pk).url).status_code == 200


def test_an_already_published_linked_page_is_left_alone(home):
    page = StandardPage(title="Publiée", slug="deja-publiee")
    home.add_child(instance=page)
    page.save_revision().publish()
    page.title = "Publiée, modifiée ensuite"
    page.save_revision()  # pending change of someone else: not for the campaign to publish
    campaign = make_campaign(slug="lancement-immediat", linked_pages=[("page", page)])
    assert CampaignPage.objects.get(pk=campaign.pk).live
    assert Page.objects.get(pk=page.pk).title == "Publiée"


def test_launch_without_schedule_publishes_drafts_now(home):
    first = draft(home, "brouillon-maintenant")
    make_campaign(slug="lancement-maintenant", linked_pages=[("page", first)])
    assert live(first) == [True]
    assert Page.objects.get(pk=first.pk).last_published_at <= timezone.now()
