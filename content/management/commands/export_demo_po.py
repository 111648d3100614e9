import polib
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from content.demo_english import english_by_msgid, french_page, po_file_for


class Command(BaseCommand):
    help = (
        "Write or refresh the PO file of an English demo page from its French page (every "
        "segment, in page order), keeping the English already in the file. New French text "
        "arrives with an empty msgstr; English whose French is gone is kept as obsolete (#~)."
    )

    def add_arguments(self, parser):
        parser.add_argument("url_path", help="the French page's path under the home, e.g. /agenda/")
        parser.add_argument(
            "--app", default=None, help="the app owning the file (default: the page model's app)"
        )

    def handle(self, url_path, app=None, **options):
        from wagtail_localize.models import StringSegment, TranslationSource

        try:
            page = french_page(url_path if url_path.endswith("/") else f"{url_path}/")
        except Page.DoesNotExist as error:
            raise CommandError(f"No French page at {url_path}") from error
        path = po_file_for(url_path, app or page._meta.app_label)
        english = english_by_msgid(path) if path.exists() else {}
        # The French as it is now (the source is refreshed, as a translator's sync does).
        source, _ = TranslationSource.update_or_create_from_instance(page)
        msgids = []
        for segment in (
            StringSegment.objects.filter(source=source).order_by("order").select_related("string")
        ):
            if segment.string.data not in msgids:
                msgids.append(segment.string.data)
        po = polib.POFile(wrapwidth=100)
        po.metadata = {
            "Project-Id-Version": f"Cap Numérique demo {url_path}",
            "Language": "en",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=utf-8",
        }
        for msgid in msgids:
            po.append(polib.POEntry(msgid=msgid, msgstr=english.get(msgid, "")))
        for msgid, msgstr in english.items():
            if msgid not in msgids:
                po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, obsolete=True))
        path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(path))
        missing = sum(1 for msgid in msgids if msgid not in english)
        self.stdout.write(f"{path}: {len(msgids)} segments, {missing} without English")
