"""Content checks: what an editor should fix, page by page.

Cross-app like the digest: each app adds checks through the Wagtail hook
« capnum_content_checks », a function `(page, scan, context) -> iterable of Finding` called for
every live page (`page` is specific, `scan` is what `scan.scan_page` read of it, `context`
holds what all pages share: glossary, outdated names, link targets). Content registers the
checks every page needs (abbreviations, outdated names, images, links; content/checks/rules.py),
lessons those about lessons (review date, easy-to-read versions).

Both `manage.py check_content` and the admin report « Contenus à corriger » call `run()`.
"""

from dataclasses import dataclass

from django.urls import reverse
from wagtail import hooks
from wagtail.models import Page

from .scan import ScanContext, scan_page

HOOK = "capnum_content_checks"


@dataclass
class Finding:
    page: Page
    kind: str  # a stable code (tests, filters): "long_sentence", "abbreviation"...
    problem: str  # French, for the editor
    detail: str = ""

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def url(self):
        return self.page.get_url() or ""


def checked_pages():
    """Live pages below the root, specific, in tree order (one query per page type)."""
    return Page.objects.live().filter(depth__gt=1).specific().order_by("path")


def run(pages=None):
    """Every finding of every registered check, page by page in tree order."""
    pages = list(checked_pages() if pages is None else pages)
    checks = hooks.get_hooks(HOOK)
    context = ScanContext()
    scans = [(page, scan_page(page)) for page in pages]
    context.prepare([scan for _page, scan in scans])
    findings = []
    for page, scan in scans:
        for check in checks:
            findings.extend(check(page, scan, context))
    return findings
