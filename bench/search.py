"""Search benchmark: build an N-page site (default 10 000) and time the search backend.

    .venv/bin/python bench/search.py                       # SQLite, throwaway file database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/capnum_wt7 .venv/bin/python bench/search.py
    ... --pages 2000 --runs 30

Pages are inserted in bulk (raw rows under a "bench-recherche" page, removed at the end), then
the timings printed are: index build (whole model), per-page index time (page by page),
and p50/p95 of the search page's query (`search.query.run_query`, what /recherche/ runs) for
a common term, two terms, a rare term and a no-match query. On PostgreSQL it runs twice:
"before" (Wagtail's stock backend, no (title || body) index) and "after" (search.backends +
migration 0002 index); on SQLite "before" (stock backend) and "after" (search.backends, the
FTS table read once per query). Figures, not tests: nothing here asserts a time.
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = [
    "numérique",
    "atelier",
    "ordinateur",
    "tablette",
    "smartphone",
    "internet",
    "navigateur",
    "site",
    "compte",
    "démarche",
    "administration",
    "formulaire",
    "identifiant",
    "sécurité",
    "données",
    "confidentialité",
    "réseau",
    "social",
    "photo",
    "vidéo",
    "message",
    "application",
    "téléchargement",
    "mise",
    "à",
    "jour",
    "sauvegarde",
    "imprimante",
    "clavier",
    "souris",
    "écran",
    "fichier",
    "dossier",
    "document",
    "médiathèque",
    "conseiller",
    "inclusion",
    "habitant",
    "quartier",
    "association",
    "collège",
    "lycée",
    "parent",
    "élève",
    "enseignant",
]
QUERIES = [
    ("common", "arnaque"),
    ("two terms", "arnaque courriel"),
    ("rare", "canva"),
    ("no match", "xylophone"),
]


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capnum.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from content.demo import load

    load()


def page_text(rng, i):
    words = [rng.choice(WORDS) for _ in range(250)]
    if i % 2 == 0:
        words.insert(rng.randrange(len(words)), "arnaques")
    if i % 10 == 0:
        words.insert(rng.randrange(len(words)), "courriel")
    if i % 270 == 0:
        words.insert(rng.randrange(len(words)), "Canva")
    return " ".join(words)


def build_site(n):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from content.demo import get_home, get_or_create_page
    from content.models import StandardPage

    home = get_home()
    container = get_or_create_page(home, StandardPage, "bench-recherche", title="Banc d'essai")
    ct = ContentType.objects.get_for_model(StandardPage)
    rng = random.Random(7)
    start = time.perf_counter()
    with transaction.atomic():
        pages = []
        for i in range(n):
            title = f"Fiche {i} : {' '.join(rng.choice(WORDS) for _ in range(4))}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=f"fiche-{i}",
                    path=Page._get_path(container.path, container.depth + 1, i + 1),
                    depth=container.depth + 1,
                    numchild=0,
                    url_path=f"{container.url_path}fiche-{i}/",
                    content_type=ct,
                    locale_id=container.locale_id,
                    live=True,
                )
            )
        Page.objects.bulk_create(pages, batch_size=1000)
        Page.objects.filter(pk=container.pk).update(numchild=n)
        ids = list(
            Page.objects.filter(path__startswith=container.path, depth=container.depth + 1)
            .order_by("path")
            .values_list("pk", flat=True)
        )
        rows = [
            (
                pk,
                page_text(rng, i)[:290],
                json.dumps(
                    [
                        {
                            "type": "paragraph",
                            "value": f"<p>{page_text(rng, i + 1)}</p>",
                            "id": str(pk),
                        }
                    ]
                ),
            )
            for i, pk in enumerate(ids)
        ]
        with connection.cursor() as cursor:
            table = StandardPage._meta.db_table
            cursor.executemany(
                f"INSERT INTO {table} (page_ptr_id, summary, body) VALUES (%s, %s, %s)", rows
            )
    print(f"  created {n} pages in {time.perf_counter() - start:.1f}s")
    return container


def index_all():
    from wagtail.search.backends import get_search_backend

    from content.models import StandardPage

    backend = get_search_backend()
    index = backend.get_index_for_model(StandardPage)
    start = time.perf_counter()
    qs = StandardPage.objects.all()
    for offset in range(0, qs.count(), 1000):
        index.add_items(StandardPage, list(qs.order_by("pk")[offset : offset + 1000]))
    total = time.perf_counter() - start
    per_page = []
    for page in list(StandardPage.objects.order_by("?")[:100]):
        t = time.perf_counter()
        backend.add(page)
        per_page.append(time.perf_counter() - t)
    return total, statistics.median(per_page) * 1000


def time_queries(runs):
    from django.db import connection
    from wagtail.models import Locale

    from search import query as sq

    locale = Locale.objects.get(language_code="fr")
    # Planner statistics for everything, not only the index table: the pages were bulk
    # inserted just now, and with stale wagtailcore_page statistics (PostgreSQL believes
    # the locale has ~3 pages) the planner probes the index once per page in a nested loop
    # instead of using the GIN index (110 ms instead of 6 ms for a no-match query).
    # Autovacuum would do the same on a real site after a large import.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    out = []
    for label, text in QUERIES:
        query, _expanded = sq.build_query(text, locale)
        hits = len(sq.run_query(query, locale))
        timings = []
        for _ in range(runs):
            t = time.perf_counter()
            sq.run_query(query, locale)
            timings.append((time.perf_counter() - t) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        out.append((label, text, hits, statistics.median(timings), p95))
    return out


def report(title, build, per_page, rows):
    print(f"\n### {title}")
    print(f"index build: {build:.1f}s; per-page index (median of 100): {per_page:.1f} ms")
    print("| query | q | hits (cap 500) | p50 ms | p95 ms |\n|---|---|---|---|---|")
    for label, text, hits, p50, p95 in rows:
        print(f"| {label} | `{text}` | {hits} | {p50:.1f} | {p95:.1f} |")


def use_backend(path, params):
    from django.conf import settings
    from wagtail.search import backends

    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": path, **params}}
    backends.get_search_backend()  # built from settings on every call: nothing cached


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument(
        "--before-runs", type=int, default=5, help="runs for the slow stock SQLite query"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated pages")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL")
    tmp = None
    if not url:
        fd, tmp = tempfile.mkstemp(suffix=".sqlite3")
        os.close(fd)
        url = f"sqlite:///{tmp}"
    setup_django(url)
    from django.db import connection

    print(f"backend database: {connection.vendor}, {args.pages} pages")
    container = build_site(args.pages)
    try:
        if connection.vendor == "postgresql":
            from django.conf import settings

            params = settings.WAGTAILSEARCH_BACKENDS["default"]
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX IF EXISTS search_indexentry_title_body_gin")
                # "before" also means PostgreSQL's default planner cost (settings set 1.1).
                cursor.execute("SET random_page_cost = 4")
            use_backend("wagtail.search.backends.database", {"SEARCH_CONFIG": "capnum_french"})
            build, per_page = index_all()
            report(
                "PostgreSQL before (stock backend, no title||body index)",
                build,
                per_page,
                time_queries(args.runs),
            )
            with connection.cursor() as cursor:
                cursor.execute(
                    "CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin "
                    "ON wagtailsearch_indexentry USING gin ((title || body))"
                )
            use_backend("search.backends", {k: v for k, v in params.items() if k != "BACKEND"})
            build, per_page = index_all()
            report(
                "PostgreSQL after, random_page_cost=4 (search.backends + migration 0002)",
                build,
                per_page,
                time_queries(args.runs),
            )
            with connection.cursor() as cursor:
                cursor.execute("RESET random_page_cost")  # back to the settings' 1.1
                cursor.execute("SHOW random_page_cost")
                cost = cursor.fetchone()[0]
            report(
                f"PostgreSQL after, random_page_cost={cost} (as in settings)",
                build,
                per_page,
                time_queries(args.runs),
            )
        else:
            use_backend("wagtail.search.backends.database", {})
            build, per_page = index_all()
            # The stock query takes seconds per common word here: fewer runs.
            report(
                "SQLite before (stock database backend)",
                build,
                per_page,
                time_queries(args.before_runs),
            )
            use_backend("search.backends", {})
            build, per_page = index_all()
            report(
                "SQLite after (search.backends: FTS table read once)",
                build,
                per_page,
                time_queries(args.runs),
            )
    finally:
        # A throwaway SQLite file is simply removed (deleting 10 000 pages through the
        # page tree took over 6 minutes).
        if not args.keep and tmp is None:
            from wagtail.models import Page

            start = time.perf_counter()
            container.refresh_from_db()
            Page.objects.filter(path__startswith=container.path).exclude(pk=container.pk).delete()
            container.delete()
            print(f"\n(cleaned up in {time.perf_counter() - start:.1f}s)")
        if tmp is not None:
            os.unlink(tmp)


if __name__ == "__main__":
    main()
