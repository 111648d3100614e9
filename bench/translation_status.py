"""Translation status report benchmark: the demo plus N French pages (default 5 000), then
the time and queries of the rows (`content.translation_status.statuses`, what the admin
report and its CSV compute) and of the CSV text, for an administrator.

    .venv/bin/python bench/translation_status.py                 # SQLite, throwaway file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/capnum_bench \
        .venv/bin/python bench/translation_status.py --pages 10000

Pages are inserted in bulk (bench/search.py's builder, under a "bench-recherche" page),
every tenth submitted to English through wagtail-localize and half translated. Figures, not
tests: nothing here asserts a time.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.search import build_site, setup_django  # noqa: E402


def submit_some(container, every):
    from wagtail.models import Locale, Page
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
    from wagtail_localize.operations import TranslationCreator

    english = Locale.objects.get(language_code="en")
    pages = Page.objects.child_of(container).specific()[::every]
    start = time.perf_counter()
    for page in pages:
        TranslationCreator(None, [english]).create_translations(page)
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
        segments = list(StringSegment.objects.filter(source=source).select_related("string"))
        for segment in segments[: len(segments) // 2]:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                defaults={"data": segment.string.data, "translation_type": "manual"},
            )
    print(f"  submitted {len(pages)} pages to English in {time.perf_counter() - start:.1f}s")


def measure(runs):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from content import spreadsheet
    from content.translation_status import statuses

    user, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    times, csv_times = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            rows = statuses(user)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        spreadsheet.csv_text(
            ["a"] * 8,
            ([r.title, r.type_label, r.section, r.language_name, r.state_label, r.share,
              r.since, r.live] for r in rows),
        )  # fmt: skip
        csv_times.append(time.perf_counter() - start)
    print(f"  rows: {len(rows)}, queries: {len(queries)}", flush=True)
    print(
        f"  rows computed: p50 {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms; CSV text: p50 "
        f"{statistics.median(csv_times) * 1000:.0f} ms",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--submit-every", type=int, default=10)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL")
    tmp = None
    if not url:
        fd, tmp = tempfile.mkstemp(suffix=".sqlite3")
        os.close(fd)
        url = f"sqlite:///{tmp}"
    setup_django(url)
    from django.db import connection

    print(f"database: {connection.vendor}, {args.pages} added pages")
    container = build_site(args.pages)
    try:
        submit_some(container, args.submit_every)
        measure(args.runs)
    finally:
        if tmp:
            os.unlink(tmp)
        else:
            from wagtail.models import Page

            print("  removing the added pages (slow: one by one, as Wagtail deletes)", flush=True)
            Page.objects.get(pk=container.pk).delete()


if __name__ == "__main__":
    main()
