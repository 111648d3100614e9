"""On publish: coordinated launch of linked drafts, kit regeneration, banner cache."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from content.cache import purge_site
from content.cache_purge import purge_page

BANNER_CACHE_KEY = "campaigns:banners"


def publish_linked_drafts(campaign):
    """Linked pages that were never published go live with the campaign. Called only once the
    campaign is live: a scheduled campaign goes live through `publish_scheduled` at its launch
    time, and its drafts with it (one mechanism for every page type)."""
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
        purge_site()  # the banners are on every page
    # Wagtail sends page_published when a revision is merely scheduled too (the page stays
    # offline until its go-live time): nothing may launch then.
    if isinstance(instance, CampaignPage) and instance.live:
        publish_linked_drafts(instance)
        if kit_is_stale(instance):
            generate_campaign_kit.enqueue(instance.pk)


def on_event_published(sender, instance, **kwargs):
    """A published event tells the registrants of its cancelled dates and fills seats a
    larger capacity freed (the e-mails are queued: the editor's request does not wait)."""
    from .models import EventPage
    from .notifications import notify_cancelled_dates, promote_and_notify

    if not isinstance(instance, EventPage) or not instance.live:
        return
    notify_cancelled_dates(instance)
    for occurrence in instance.occurrences.all():
        if not occurrence.is_cancelled and not occurrence.is_past:
            promote_and_notify(occurrence.pk)


def on_page_unpublished(sender, instance, **kwargs):
    from .models import CampaignPage, ScamAlertPage

    cache.delete(BANNER_CACHE_KEY)
    if isinstance(instance, CampaignPage | ScamAlertPage):
        purge_site()


def on_registration_changed(sender, instance, **kwargs):
    """Seats left are shown on the event page (and its listing): purge them."""
    from .models import EventPage

    event = EventPage.objects.filter(occurrences__pk=instance.occurrence_id).first()
    if event is not None:
        purge_page(event)


def connect():
    page_published.connect(on_page_published, dispatch_uid="campaigns_published")
    page_published.connect(on_event_published, dispatch_uid="campaigns_event_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="campaigns_unpublished")
    from .models import Registration

    post_save.connect(
        on_registration_changed, sender=Registration, dispatch_uid="registration_saved"
    )
    post_delete.connect(
        on_registration_changed, sender=Registration, dispatch_uid="registration_deleted"
    )
