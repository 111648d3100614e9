"""Delete the visitors' search queries last searched more than SEARCH_LOG_RETENTION_MONTHS
(default 13) months ago."""

from django.core.management.base import BaseCommand

from search.models import purge_search_log, search_log_retention_months


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        count = purge_search_log()
        self.stdout.write(
            f"{count} search log row(s) deleted "
            f"(not searched for {search_log_retention_months()} months)."
        )
