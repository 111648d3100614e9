"""Erase registrants' personal data N days after the event (setting
EVENT_REGISTRATION_RETENTION_DAYS, default 30). Seat counts and statuses are kept."""

from django.core.management.base import BaseCommand

from campaigns.models.registrations import purge_old_registrations, retention_days


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        count = purge_old_registrations()
        self.stdout.write(
            f"{count} registration(s) anonymised "
            f"(events ended more than {retention_days()} days ago)."
        )
