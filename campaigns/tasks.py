from django_tasks import task


@task()
def generate_campaign_kit(page_id):
    """Regenerate a campaign's kit from its live version."""
    from .kit import generate_kit
    from .models import CampaignPage

    campaign = CampaignPage.objects.live().filter(pk=page_id).first()
    if campaign is None:
        return None
    generate_kit(campaign)
    return page_id


@task()
def send_event_reminders():
    """The day-before reminders (what `manage.py send_event_reminders` runs), for a worker's
    scheduler."""
    from .notifications import send_due_reminders

    return send_due_reminders()
