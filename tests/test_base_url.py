"""After `make setup` (its `sync_site_url` step), every absolute URL the site prints comes from
BASE_URL: canonical links, JSON-LD, feed items, calendar files, kit links and short links."""

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.test import override_settings
from icalendar import Calendar
from wagtail.models import Site

from campaigns import kit
from campaigns.models import CampaignPage, EventPage, ScamAlertPage

pytestmark = pytest.mark.django_db

BASE = "https://cap-numerique.example.fr"


@pytest.fixture
def synced():
    with override_settings(WAGTAILADMIN_BASE_URL=BASE):
        call_command("sync_site_url", stdout=io.StringIO())
        yield


def test_the_site_record_follows_base_url(synced):
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == BASE
    call_command("sync_site_url", stdout=io.StringIO())  # idempotent
    assert Site.objects.get(is_default_site=True).root_url == BASE


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)


def test_canonical_json_ld_feeds_and_calendars_use_base_url(client, synced):
    event = EventPage.objects.live().filter(occurrences__isnull=False).distinct().first()
    html = client.get(event.url, HTTP_HOST="127.0.0.1:8000").content.decode()
    assert canonical(html) == BASE + event.url
    data = json.loads(re.search(r'application/ld\+json"[^>]*>(.+?)</script>', html, re.S).group(1))
    assert data["url"] == BASE + event.url

    rss = client.get("/alertes-arnaques/rss.xml", HTTP_HOST="127.0.0.1:8000").content
    channel = ET.fromstring(rss).find("channel")
    assert channel.findtext("link") == BASE + "/"
    links = [item.findtext("link") for item in channel.findall("item")]
    assert links and all(link.startswith(BASE + "/") for link in links)
    alert = ScamAlertPage.objects.live().first()
    assert BASE + alert.url in links

    ics = client.get(event.url + "calendrier/", HTTP_HOST="127.0.0.1:8000").content
    urls = {str(e["url"]) for e in Calendar.from_ical(ics).walk("VEVENT")}
    assert urls == {BASE + event.url}


def test_kit_links_use_base_url(synced):
    campaign = CampaignPage.objects.get(slug="safer-internet-day-2026")
    links = kit.channel_links(campaign)
    assert links and all(url.startswith(BASE + "/") for url in links.values())
