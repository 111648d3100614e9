import datetime

from django.core.management.base import BaseCommand, CommandError

from content.digest import send_digests


class Command(BaseCommand):
    help = (
        "Send each organisation its weekly review digest (pages past their review date, places "
        "to check, outdated easy-to-read versions, events without attendance). Nothing is sent "
        "to an organisation with nothing due. Run weekly (cron); --enqueue hands the work to the "
        "task worker instead (one retried task per organisation, failures listed in the admin)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")
        parser.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD).")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the task for the worker, send nothing."
        )

    def handle(self, *args, dry_run=False, date=None, enqueue=False, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        if enqueue and not dry_run:
            from content.tasks import send_review_digests

            result = send_review_digests.enqueue(today.isoformat() if today else None)
            self.stdout.write(f"Queued: task {result.id}.")
            return
        report = send_digests(today=today, dry_run=dry_run)
        verb = "would go" if dry_run else "sent"
        for organisation, count, recipients in report:
            self.stdout.write(f"{organisation}: {count} item(s), {verb} to {', '.join(recipients)}")
        self.stdout.write(f"{len(report)} digest(s) {verb}.")
