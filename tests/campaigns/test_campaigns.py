import datetime
import re

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page

from campaigns.calendar import anti_bullying_day, national_days, safer_internet_day
from campaigns.models import CampaignCounter, CampaignPage, ScamAlertIndexPage, ScamAlertPage
from content.models import StandardPage

from .helpers import make_campaign

pytestmark = pytest.mark.django_db


def counts(campaign, metric):
    return {
        c.channel: c.count for c in CampaignCounter.objects.filter(campaign=campaign, metric=metric)
    }


def test_national_day_dates():
    assert safer_internet_day(2026) == datetime.date(2026, 2, 10)
    assert safer_internet_day(2025) == datetime.date(2025, 2, 11)
    assert anti_bullying_day(2025) == datetime.date(2025, 11, 6)
    assert anti_bullying_day(2026) == datetime.date(2026, 11, 5)
    names = [str(d.name) for d in national_days(2026)]
    assert "Cybermois" in names and "Numériqu'elles" in names


def test_index_sorts_current_upcoming_and_past(client):
    make_campaign(slug="en-cours", title="Campagne en cours", days=(-2, 2))
    make_campaign(slug="a-venir", title="Campagne à venir", days=(10, 20))
    make_campaign(slug="passee", title="Campagne passée", days=(-30, -20))
    html = client.get("/campagnes/").content.decode()
    current = html.index("Campagnes en cours")
    upcoming = html.index("Campagnes à venir")
    past = html.index("Campagnes passées")
    assert current < html.index("Campagne en cours<") < upcoming
    assert upcoming < html.index("Campagne à venir<") < past
    assert past < html.index("Campagne passée<")
    assert "Safer Internet Day" in html


def test_short_link_redirects_with_utm_and_counts_scans(client):
    campaign = CampaignPage.objects.get(slug="cybermois-2026")
    before = counts(campaign, "scan").get("flyer", 0)
    response = client.get("/c/cyb26-fly")
    assert response.status_code == 302
    assert response["Location"].endswith(
        "/campagnes/cybermois-2026/?utm_source=flyer&utm_medium=print&utm_campaign=cybermois-2026"
    )
    assert counts(campaign, "scan")["flyer"] == before + 1
    assert client.get("/c/inconnu").status_code == 404


def test_no_cookie_for_visitors(client):
    paths = [
        "/campagnes/",
        "/campagnes/cybermois-2026/?utm_source=flyer",
        "/c/cyb26-fly",
        "/c/cyb26-fly.svg",
        "/c/cyb26-fly.png",
        f"/c/vue/{CampaignPage.objects.get(slug='cybermois-2026').pk}.gif?canal=flyer",
        "/alertes-arnaques/",
        "/alertes-arnaques/faux-sms-ameli/",
        "/alertes-arnaques/rss.xml",
        "/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 302), path
        assert not response.cookies, path
        assert "Set-Cookie" not in response.headers, path


CACHED_MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    *__import__("django.conf", fromlist=["settings"]).settings.MIDDLEWARE,
    "django.middleware.cache.FetchFromCacheMiddleware",
]


@override_settings(
    MIDDLEWARE=CACHED_MIDDLEWARE, CACHE_MIDDLEWARE_SECONDS=300, CACHE_MIDDLEWARE_KEY_PREFIX="t"
)
def test_landing_views_are_counted_with_the_page_cache_on(client, monkeypatch):
    cache.clear()
    campaign = CampaignPage.objects.get(slug="cybermois-2026")
    rendered = []
    original = CampaignPage.get_context

    def spy(self, *args, **kwargs):
        rendered.append(self.pk)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(CampaignPage, "get_context", spy)
    url = "/campagnes/cybermois-2026/?utm_source=facebook&utm_medium=social"
    first = client.get(url).content.decode()
    second = client.get(url).content.decode()
    assert rendered == [campaign.pk], "the second request must come from the page cache"
    assert first == second
    pixel = re.search(r'src="(/c/vue/\d+\.gif\?canal=[a-z]+)"', second).group(1)
    assert pixel.endswith("canal=facebook")
    before = counts(campaign, "view").get("facebook", 0)
    for _ in range(2):
        response = client.get(pixel)
        assert response["Content-Type"] == "image/gif"
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
        assert not response.cookies
    assert counts(campaign, "view")["facebook"] == before + 2
    cache.clear()


def test_kit_download_is_counted(client):
    campaign = CampaignPage.objects.get(slug="cybermois-2026")
    name = campaign.kit.files[0]["name"]
    before = counts(campaign, "download").get("kit", 0)
    response = client.get(f"/c/kit/{campaign.pk}/{name}")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert counts(campaign, "download")["kit"] == before + 1
    assert client.get(f"/c/kit/{campaign.pk}/../../settings.py").status_code == 404


def test_admin_report_and_csv(admin_client):
    campaign = CampaignPage.objects.get(slug="cybermois-2026")
    CampaignCounter.increment(campaign.pk, "magazine", "scan")
    response = admin_client.get(f"/admin/chiffres-campagnes/{campaign.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "Magazine" in html
    # A legend says which bar is which, and channels read as labels, not codes.
    assert "Vues de la page</text>" in html and "Liens courts et QR codes</text>" in html
    assert ">magazine<" not in html
    csv = admin_client.get(f"/admin/chiffres-campagnes/{campaign.pk}/csv/").content
    lines = csv.decode("utf-8-sig").splitlines()
    assert lines[0] == "Jour;Canal;Vues;Scans;Téléchargements"
    assert any(line.split(";")[1] == "Magazine" for line in lines[1:])


def test_linked_drafts_go_live_with_the_campaign(home):
    draft = StandardPage(title="Leçon brouillon", slug="lecon-brouillon", live=False)
    home.add_child(instance=draft)
    draft.save_revision()
    campaign = make_campaign(slug="lancement", publish=False, linked_pages=[("page", draft)])
    assert not Page.objects.get(pk=draft.pk).live
    campaign.get_latest_revision().publish()
    assert Page.objects.get(pk=draft.pk).live


def test_banner_shows_current_campaign_and_active_alert_only(client):
    cache.clear()
    make_campaign(slug="bandeau", title="Campagne avec bandeau", show_banner=True, days=(-1, 1))
    make_campaign(slug="bandeau-fini", title="Bandeau terminé", show_banner=True, days=(-9, -2))
    html = client.get("/accessibilite/").content.decode()
    assert "Campagne avec bandeau" in html
    assert "Bandeau terminé" not in html
    assert "Faux SMS de l&#x27;Assurance Maladie" in html
    assert "js/banners.js" in html
    alert = ScamAlertPage.objects.get(slug="faux-sms-ameli")
    alert.expires_at = timezone.now() - datetime.timedelta(hours=1)
    alert.save_revision().publish()
    html = client.get("/accessibilite/").content.decode()
    assert "Faux SMS" not in html
    cache.clear()


def test_alert_page_and_feeds(client):
    html = client.get("/alertes-arnaques/faux-sms-ameli/").content.decode()
    for contact in ("17", "33700", "Pharos", "cybermalveillance.gouv.fr", "0 805 805 817"):
        assert contact in html
    rss = client.get("/alertes-arnaques/rss.xml")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert b"Faux SMS" in rss.content
    atom = client.get("/alertes-arnaques/atom.xml")
    assert b"<feed" in atom.content and b"Faux SMS" in atom.content
    assert ScamAlertIndexPage.objects.count() == 1


def test_campaign_page_shows_kit_and_sharing_image(client):
    html = client.get("/campagnes/safer-internet-day-2026/").content.decode()
    assert 'property="og:image"' in html and "paysage-1200x630.png" in html
    assert "17,9 %" in html and "INSEE" in html
    assert "caractères sur" in html


def test_index_queries_do_not_grow_with_campaigns(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        client.get("/campagnes/")
        with CaptureQueriesContext(connection) as context:
            client.get("/campagnes/")
        return len(context.captured_queries)

    before = count()
    for i in range(3):
        make_campaign(slug=f"en-plus-{i}", title=f"En plus {i}", days=(-1 - i, 3 + i))
    assert count() == before
