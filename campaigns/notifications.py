"""E-mails to registrants, and the seat bookkeeping the admin shares with the public views.

Every message carries the registration's own follow-up link, built from BASE_URL (e-mails are
sent outside any request: by the task worker, a scheduled command). A mail server that is away
never breaks a registration: the e-mails are background tasks (`campaigns.tasks`), retried and
then listed in the admin (« Tâches en échec »), docs/background-tasks.md.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .models.events import Occurrence
from .models.registrations import Registration, promote_waiting


def absolute(path):
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def registration_link(registration):
    event = registration.occurrence.event
    return absolute(event.url + event.reverse_subpage("registration", args=[registration.token]))


def enqueue_email(registration, kind="status"):
    """Queue one e-mail to a registrant (`campaigns.tasks.send_registration_email`)."""
    from .tasks import send_registration_email

    if registration.email:
        send_registration_email.enqueue(registration.pk, kind)


def send(registration, subject, template, fail_silently=True):
    if not registration.email:
        return False
    event = registration.occurrence.event
    context = {
        "event": event,
        "registration": registration,
        "occurrence": registration.occurrence,
        "link": registration_link(registration),
        "event_link": absolute(event.url),
    }
    # In the language of the event's page the person registered on: the worker and the
    # scheduled commands run outside any request, in the site's default language.
    with translation.override(event.locale.language_code):
        subject = str(subject) % {"title": event.title}
        message = render_to_string(template, context)
    sent = send_mail(
        subject=subject,
        message=message,
        from_email=None,
        recipient_list=[registration.email],
        fail_silently=fail_silently,
    )
    return bool(sent)


def send_status(registration, fail_silently=True):
    """Confirmed or on the waiting list (after registering, or when promoted)."""
    return send(
        registration,
        _("Votre inscription : %(title)s"),
        "campaigns/events/registration_email.txt",
        fail_silently,
    )


def send_cancelled_by_registrant(registration, fail_silently=True):
    return send(
        registration,
        _("Inscription annulée : %(title)s"),
        "campaigns/events/email_cancelled.txt",
        fail_silently,
    )


def send_date_cancelled(registration, fail_silently=True):
    return send(
        registration,
        _("Séance annulée : %(title)s"),
        "campaigns/events/email_date_cancelled.txt",
        fail_silently,
    )


def send_reminder(registration, fail_silently=True):
    return send(
        registration,
        _("Rappel : %(title)s, demain"),
        "campaigns/events/email_reminder.txt",
        fail_silently,
    )


def promote_and_notify(occurrence_id):
    """Fill freed seats from the waiting list (under the occurrence lock, released before any
    e-mail goes out) and tell each person promoted."""
    with transaction.atomic():
        occurrence = (
            Occurrence.objects.select_for_update().select_related("event").get(pk=occurrence_id)
        )
        promoted = promote_waiting(occurrence)
    for registration in promoted:
        enqueue_email(registration, "status")
    return promoted


def notify_cancelled_dates(event):
    """Tell the registrants of every cancelled date of `event` (once each). Returns how many
    registrations were concerned, with and without an e-mail address."""
    pending = Registration.objects.filter(
        occurrence__event=event,
        occurrence__status=Occurrence.Status.CANCELLED,
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
        date_cancelled_notice_at__isnull=True,
    ).select_related("occurrence")
    now = timezone.now()
    for registration in pending:
        enqueue_email(registration, "date_cancelled")  # the queue retries a refused e-mail
        registration.date_cancelled_notice_at = now
        registration.save(update_fields=["date_cancelled_notice_at"])


def cancelled_date_summaries(event_page):
    """For the editor: each cancelled date of the edited page that still has registrations,
    with how many have an e-mail address (told automatically) and how many a phone only."""
    cancelled = [
        o for o in event_page.occurrences.all() if o.pk and o.status == Occurrence.Status.CANCELLED
    ]
    summaries = []
    for occurrence in cancelled:
        active = Registration.objects.filter(
            occurrence_id=occurrence.pk,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
        )
        total = active.count()
        if not total:
            continue
        summaries.append(
            {
                "occurrence": occurrence,
                "total": total,
                "by_email": active.exclude(email="").count(),
                "told": active.filter(date_cancelled_notice_at__isnull=False).count(),
            }
        )
    return summaries


def send_due_reminders(now=None):
    """Reminders for tomorrow's dates (local time), to confirmed registrants who asked for one.
    Run daily by `manage.py send_event_reminders` (cron) or the task runner."""
    now = now or timezone.now()
    sent = 0
    for registration in due_reminders(now).select_related("occurrence", "occurrence__event"):
        # Marked only once sent: with the mail server away, the next run tries again.
        if send_reminder(registration):
            sent += 1
            registration.reminder_sent_at = now
            registration.save(update_fields=["reminder_sent_at"])
    return sent


def due_reminders(now=None):
    """Registrations whose reminder is due now (their date is tomorrow) and not yet sent."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    return Registration.objects.filter(
        wants_reminder=True,
        status=Registration.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        occurrence__status=Occurrence.Status.SCHEDULED,
        occurrence__start__gte=start,
        occurrence__start__lt=end,
        occurrence__event__live=True,
    ).exclude(email="")
