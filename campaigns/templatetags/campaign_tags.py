import datetime

from django import template
from django.core.cache import cache
from django.utils import timezone

from content.config_cache import locales, public
from content.text_language import current_language, lang_attribute

from ..signals import BANNER_CACHE_KEY

register = template.Library()


def current_banners():
    """Campaign banners of the day and active scam alerts, in every language: two queries,
    cached five minutes (and dropped whenever a campaign or an alert is published or
    unpublished). `banners_for` picks each one's version in the page's language."""
    today = timezone.localdate()
    cached = cache.get(BANNER_CACHE_KEY)
    if cached is not None and cached["day"] == today and cached["until"] > timezone.now():
        return cached["banners"]
    from ..models import CampaignPage, ScamAlertPage

    now = timezone.now()
    codes = {locale.pk: locale.language_code for locale in locales().values()}
    # Each banner once per language at most: two of each kind in any language.
    per_kind = 2 * max(len(codes), 1)
    banners = [
        {
            "id": f"alerte-{a.pk}-{a.expires_at:%Y%m%d}",
            "kind": "alert",
            "key": str(a.translation_key),
            "language": codes.get(a.locale_id),
            "title": a.title,
            "text": a.summary,
            "url": a.url,
        }
        for a in public(ScamAlertPage.objects.live())
        .filter(expires_at__gt=now)
        .order_by("-first_published_at")
        .only("id", "title", "summary", "url_path", "expires_at", "locale_id", "translation_key")[
            :per_kind
        ]
    ]
    banners += [
        {
            "id": f"campagne-{c.pk}-{c.start_date:%Y%m%d}",
            "kind": "campaign",
            "key": str(c.translation_key),
            "language": codes.get(c.locale_id),
            "title": c.title,
            "text": c.key_message,
            "url": c.url,
        }
        for c in public(CampaignPage.objects.live())
        .filter(show_banner=True, start_date__lte=today, end_date__gte=today)
        .order_by("-start_date")
        .only(
            "id", "title", "key_message", "url_path", "start_date", "locale_id", "translation_key"
        )[:per_kind]
    ]
    cache.set(
        BANNER_CACHE_KEY,
        {"day": today, "until": now + datetime.timedelta(minutes=5), "banners": banners},
        300,
    )
    return banners


def banners_for(banners, language):
    """Two banners of each kind, each in ``language`` when translated into it, else in the
    language it was written in (then with its `lang`, content/text_language.py)."""
    chosen = {}
    for banner in banners:
        key = (banner["kind"], banner.get("key", banner["id"]))
        if key not in chosen or banner.get("language") == language:
            chosen[key] = banner
    shown, counts = [], {}
    for banner in chosen.values():
        counts[banner["kind"]] = counts.get(banner["kind"], 0) + 1
        if counts[banner["kind"]] <= 2:
            shown.append({**banner, "lang": lang_attribute(banner.get("language"))})
    return shown


@register.inclusion_tag("campaigns/includes/site_banners.html")
def site_banners():
    return {"banners": banners_for(current_banners(), current_language())}
