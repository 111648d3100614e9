"""On publish: coordinated launch of linked drafts, kit regeneration, banner cache."""

from django.core.cache import cache
from wagtail.signals import page_published, page_unpublished

BANNER_CACHE_KEY = "campaigns:banners"


def publish_linked_drafts(campaign):
    """Linked pages that were never published go live with the campaign (at its launch date
    when the campaign itself was scheduled: this runs when the scheduled publish happens)."""
    for block in campaign.linked_pages:
        page = block.value
        if page is None:
            continue
        page = page.specific
        if page.live or page.first_published_at is not None:
            continue
        revision = page.latest_revision
        if revision is not None:
            revision.publish()


def on_page_published(sender, instance, **kwargs):
    from .kit import kit_is_stale
    from .models import CampaignPage, ScamAlertPage
    from .tasks import generate_campaign_kit

    if isinstance(instance, CampaignPage | ScamAlertPage):
        cache.delete(BANNER_CACHE_KEY)
    if isinstance(instance, CampaignPage):
        publish_linked_drafts(instance)
        if kit_is_stale(instance):
            generate_campaign_kit.enqueue(instance.pk)


def on_page_unpublished(sender, instance, **kwargs):
    cache.delete(BANNER_CACHE_KEY)


def connect():
    page_published.connect(on_page_published, dispatch_uid="campaigns_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="campaigns_unpublished")
