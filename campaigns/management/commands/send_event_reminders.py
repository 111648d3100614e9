from django.core.management.base import BaseCommand

from campaigns.notifications import send_due_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder to registrants who asked for one, the day before their date. "
        "Run it daily (cron) or as the scheduled task; each person gets one reminder."
    )

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
