"""The campaigns app's background work (docs/background-tasks.md): run by `manage.py
db_worker` in production, in the request with the embedded default. Every task here may run
twice (retries, a relaunch from the admin) and skips what is already done."""

from content.background import retried_task


@retried_task()
def generate_campaign_kit(page_id):
    """Regenerate a campaign's kit from its live version."""
    from .kit import generate_kit
    from .models import CampaignPage

    campaign = CampaignPage.objects.live().filter(pk=page_id).first()
    if campaign is None:
        return None
    generate_kit(campaign)
    return page_id


# Visitors' e-mails go before bulk work (Wagtail's index updates after an import, kits).
EMAIL_PRIORITY = 10


@retried_task(priority=EMAIL_PRIORITY)
def send_registration_email(registration_id, kind="status"):
    """One e-mail to a registrant: `status` (confirmed or waiting, after registering or when
    promoted), `cancelled` (they cancelled), `date_cancelled` (the organiser cancelled the
    date). A mail server that refuses raises, so the task is retried, then listed in the
    admin. A registration purged or deleted since gets nothing."""
    from . import notifications
    from .models import Registration

    registration = (
        Registration.objects.select_related("occurrence__event").filter(pk=registration_id).first()
    )
    if registration is None or not registration.email:
        return False
    send = {
        "status": notifications.send_status,
        "cancelled": notifications.send_cancelled_by_registrant,
        "date_cancelled": notifications.send_date_cancelled,
    }[kind]
    return send(registration, fail_silently=False)


@retried_task()
def send_event_reminders():
    """The day-before reminders (what `manage.py send_event_reminders` runs), for the worker.
    A reminder is marked sent only once the mail server took it, so a retry sends only the
    ones still due; the task fails while some are."""
    from .notifications import due_reminders, send_due_reminders

    sent = send_due_reminders()
    left = due_reminders().count()
    if left:
        raise RuntimeError(f"{left} reminder(s) not sent (mail server refused or away)")
    return sent
