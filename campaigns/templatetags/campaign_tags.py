import datetime

from django import template
from django.core.cache import cache
from django.utils import timezone

from content.config_cache import public

from ..signals import BANNER_CACHE_KEY

register = template.Library()


def current_banners():
    """Campaign banners of the day and active scam alerts: two queries, cached five minutes
    (and dropped whenever a campaign or an alert is published or unpublished)."""
    today = timezone.localdate()
    cached = cache.get(BANNER_CACHE_KEY)
    if cached is not None and cached["day"] == today and cached["until"] > timezone.now():
        return cached["banners"]
    from ..models import CampaignPage, ScamAlertPage

    now = timezone.now()
    banners = [
        {
            "id": f"alerte-{a.pk}-{a.expires_at:%Y%m%d}",
            "kind": "alert",
            "title": a.title,
            "text": a.summary,
            "url": a.url,
        }
        for a in public(ScamAlertPage.objects.live())
        .filter(expires_at__gt=now)
        .order_by("-first_published_at")
        .only("id", "title", "summary", "url_path", "expires_at", "locale_id")[:2]
    ]
    banners += [
        {
            "id": f"campagne-{c.pk}-{c.start_date:%Y%m%d}",
            "kind": "campaign",
            "title": c.title,
            "text": c.key_message,
            "url": c.url,
        }
        for c in public(CampaignPage.objects.live())
        .filter(show_banner=True, start_date__lte=today, end_date__gte=today)
        .order_by("-start_date")
        .only("id", "title", "key_message", "url_path", "start_date", "locale_id")[:2]
    ]
    cache.set(
        BANNER_CACHE_KEY,
        {"day": today, "until": now + datetime.timedelta(minutes=5), "banners": banners},
        300,
    )
    return banners


@register.inclusion_tag("campaigns/includes/site_banners.html")
def site_banners():
    return {"banners": current_banners()}
