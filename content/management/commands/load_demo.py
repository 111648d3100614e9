from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from content.demo_data import resolve_deferred


class Command(BaseCommand):
    help = (
        "Load the French demo site drawn from the planning documents, then its English pages "
        "(PO files imported through wagtail-localize). Idempotent: each app's `demo.load()` "
        "finds existing objects by slug before creating anything."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-english",
            action="store_false",
            dest="english",
            help="French pages only (the test suite's shared demo: its tests translate pages)",
        )

    def handle(self, *args, english=True, **options):
        # content first: the other apps hang their pages under its home page. Then campaigns:
        # lessons' tool guides link to the events (entrepreneur workshops) it creates.
        load_order = {"content": 0, "campaigns": 1}
        for app_config in sorted(
            apps.get_app_configs(), key=lambda app: load_order.get(app.name, len(load_order))
        ):
            try:
                module = import_module(f"{app_config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app_config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                summary = module.load()
            self.stdout.write(f"{app_config.label}: {summary}")
        # Pages that name a page of an app loaded after theirs (a hub listing the school
        # modules, an alert linking its lesson) get those links now.
        with transaction.atomic():
            linked = resolve_deferred()
        if linked:
            self.stdout.write(f"links to pages loaded later: {linked} page(s)")
        if english:
            from content import demo_english

            with transaction.atomic():
                self.stdout.write(f"english: {demo_english.load()}")
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
