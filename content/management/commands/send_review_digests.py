import datetime

from django.core.management.base import BaseCommand, CommandError

from content.digest import send_digests


class Command(BaseCommand):
    help = (
        "Send each organisation its weekly review digest (pages past their review date, places "
        "to check, outdated easy-to-read versions, events without attendance). Nothing is sent "
        "to an organisation with nothing due. Run weekly (cron or the task worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")
        parser.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, dry_run=False, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        report = send_digests(today=today, dry_run=dry_run)
        verb = "would go" if dry_run else "sent"
        for organisation, count, recipients in report:
            self.stdout.write(f"{organisation}: {count} item(s), {verb} to {', '.join(recipients)}")
        self.stdout.write(f"{len(report)} digest(s) {verb}.")
