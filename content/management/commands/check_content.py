from itertools import groupby

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from content.checks import run


class Command(BaseCommand):
    help = (
        "List, page by page, what an editor should fix (long sentences in easy-to-read "
        "versions, unexplained abbreviations, outdated names, images without alternative text, "
        "broken internal links, lessons past their review date, outdated easy-to-read "
        "versions). Prints a French report; exits with status 1 when something is found, so CI "
        "can run it."
    )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            findings = run()
            base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            for _pk, page_findings in groupby(findings, key=lambda finding: finding.page.pk):
                page_findings = list(page_findings)
                first = page_findings[0]
                self.stdout.write(f"\n{first.page.title}")
                self.stdout.write("  " + _("Adresse : %(url)s") % {"url": first.url or "-"})
                self.stdout.write(
                    "  " + _("Modifier : %(url)s") % {"url": base_url + first.edit_url}
                )
                for finding in page_findings:
                    self.stdout.write(f"  - {finding.problem} : {finding.detail}")
            if findings:
                pages = len({finding.page.pk for finding in findings})
                raise CommandError(
                    ngettext(
                        "%(count)d point à corriger sur %(pages)d page(s).",
                        "%(count)d points à corriger sur %(pages)d page(s).",
                        len(findings),
                    )
                    % {"count": len(findings), "pages": pages}
                )
            self.stdout.write(_("Rien à corriger."))
