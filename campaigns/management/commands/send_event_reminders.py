from django.core.management.base import BaseCommand

from campaigns.notifications import send_due_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder to registrants who asked for one, the day before their date. "
        "Run it daily (cron); each person gets one reminder. --enqueue hands the work to the "
        "task worker instead (retried, failures listed in the admin)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the task for the worker, send nothing."
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            from campaigns.tasks import send_event_reminders

            result = send_event_reminders.enqueue()
            self.stdout.write(f"Queued: task {result.id}.")
            return
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
