"""Background work shared by every app (django-tasks: the database backend and its worker in
production, run in-process by the embedded default; docs/background-tasks.md)."""

from content.background import retried_task

# E-mails go before bulk work (Wagtail's index updates after an import, kits), as
# registrants' do (campaigns.tasks).
EMAIL_PRIORITY = 10


@retried_task(priority=EMAIL_PRIORITY)
def deliver_email(message):
    """One e-mail queued by `content.mail.QueuedEmailBackend` (Wagtail's notifications, the
    password reset, error mails…), handed to the real backend; a refusal raises, so it is
    retried, then listed in « Tâches en échec ». Returns how many were sent (1)."""
    from content.mail import deliver

    return deliver(message)


@retried_task()
def purge_frontend_cache(paths):
    """Purge a reverse proxy or CDN (``wagtail.contrib.frontend_cache``) for these URL paths,
    or for every live page when ``paths`` is None (a change every page shows)."""
    from django.conf import settings
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Page

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if paths is None:
        urls = [page.full_url for page in Page.objects.live().public().filter(depth__gt=1)]
        urls = [url for url in urls if url]
    else:
        urls = [base + path for path in paths]
    purge_urls_from_cache(urls)
    return len(urls)


@retried_task()
def send_review_digests(date=None):
    """The weekly review digests (what `manage.py send_review_digests` does), one task per
    organisation with something due, so a refused e-mail retries that organisation's only.
    Returns how many digests were queued."""
    import datetime

    from django.conf import settings
    from django.utils import timezone

    from content.digest import sections_for
    from content.models import Organisation

    today = datetime.date.fromisoformat(date) if date else timezone.localdate()
    queued = 0
    organisations = Organisation.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    for organisation in organisations.order_by("name"):
        if sections_for(organisation, today):
            send_review_digest.enqueue(organisation.pk, today.isoformat())
            queued += 1
    return queued


@retried_task()
def send_review_digest(organisation_id, date):
    """One organisation's digest for that date; False when nothing is due any more."""
    import datetime

    from content.digest import send_digest
    from content.models import Organisation

    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return False
    return send_digest(organisation, datetime.date.fromisoformat(date)) is not None
