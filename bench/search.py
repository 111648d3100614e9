"""Search benchmark: ours against Wagtail's stock database backend, interleaved, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/capnum_bench \\
        .venv/bin/python bench/search.py --pages 10000 --runs 30
    # 100 000 pages: « shipped » takes seconds a query, give it fewer rounds (or 0)
    .venv/bin/python bench/search.py --pages 100000 --runs 20 --shipped-runs 3

The corpus is `--pages` StandardPages under a "bench-recherche" page, inserted in bulk (raw
rows, no `add_child`) and indexed with our backend. It is kept in the database and reused:
a later run with a larger `--pages` adds only the missing pages (page i's text depends on i
only), a smaller one deletes the extra rows. `--drop` removes it at the end.

Three contenders read the same index table (the stock database backend and ours write the
same French vectors): "ours" (search.backends), "stock" (Wagtail's stock database backend on
this schema: the migration's `(title || body)` GIN index and the settings' `random_page_cost`
are there for it too, so only the compiled query differs) and "shipped" (the same stock
backend in a transaction that drops that index and sets `random_page_cost` 4, rolled back:
what a plain Wagtail site runs). For each query type, each round times them one after the
other, in an order that reverses from round to round, so drift on the machine hits all:

* the backend call: `search.query.run_query`, what the results page runs for the words;
* the whole results page: Django's test Client, GET /recherche/?q=… (page cache and rate
  limits off), which includes places, facets, « did you mean » and rendering.

It prints median and p95 per query type for each and the ratios stock/ours, shipped/ours
(above 1: ours is faster), and the load average at start and end: figures taken with a load average
above 2 are marked as under load. Figures, not tests: nothing here asserts a time.
"""

import argparse
import json
import os
import random
import statistics
import sys
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
# 250 words drawn from 45 per page: « numérique » and « médiathèque » are in ~99.6 % of the
# pages, « arnaque » in half, « courriel » in a tenth, « Canva » in one page out of 270.
QUERIES = [
    ("no match", "xylophone"),
    ("rare", "canva"),
    ("two words", "arnaque courriel"),
    ("common", "arnaque"),
    ("very common", "numérique"),
    ("very common, no accent", "numerique"),
    ("very common", "médiathèque"),
    ("very common, no accent", "mediatheque"),
    ("typo → did you mean", "ordinatuer"),
]
SLUG = "bench-recherche"


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capnum.settings.dev")
    os.environ["DEBUG"] = "0"
    # Every request is built: no page cache, no rate limit on the search page or its log.
    os.environ["PAGE_CACHE_TIMEOUT"] = "0"
    os.environ["RATE_LIMIT_SEARCH"] = "off"
    os.environ["RATE_LIMIT_SEARCH_LOG"] = "off"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    from content.demo import load

    load()


def page_text(i, part):
    rng = random.Random(i * 2 + part)
    words = [rng.choice(WORDS) for _ in range(250)]
    if i % 2 == 0:
        words.insert(rng.randrange(len(words)), "arnaques")
    if i % 10 == 0:
        words.insert(rng.randrange(len(words)), "courriel")
    if i % 270 == 0:
        words.insert(rng.randrange(len(words)), "Canva")
    return " ".join(words)


def page_title(i):
    rng = random.Random(-1 - i)
    return f"Fiche {i} : {' '.join(rng.choice(WORDS) for _ in range(4))}"


def delete_beyond(container, n):
    """Raw deletes of pages n.. (bulk-inserted rows: no revision or reference points at them)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    from content.models import StandardPage

    first_gone = Page._get_path(container.path, container.depth + 1, n + 1)
    cts = [ContentType.objects.get_for_model(m).pk for m in (Page, StandardPage)]
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_gone AS SELECT id FROM wagtailcore_page "
            "WHERE path LIKE %s AND depth = %s AND path >= %s",
            [container.path + "%", container.depth + 1, first_gone],
        )
        cursor.execute(
            "DELETE FROM wagtailsearch_indexentry WHERE content_type_id = ANY(%s) "
            "AND object_id IN (SELECT id::text FROM bench_gone)",
            [cts],
        )
        cursor.execute(
            f"DELETE FROM {StandardPage._meta.db_table} "
            "WHERE page_ptr_id IN (SELECT id FROM bench_gone)"
        )
        cursor.execute("DELETE FROM wagtailcore_page WHERE id IN (SELECT id FROM bench_gone)")
        cursor.execute("DROP TABLE bench_gone")


def build_corpus(n):
    """The container with exactly n bench pages, indexed; only missing pages are made."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from content.demo import get_home, get_or_create_page
    from content.models import StandardPage

    home = get_home()
    container = get_or_create_page(home, StandardPage, SLUG, title="Banc d'essai")
    have = Page.objects.filter(path__startswith=container.path, depth=container.depth + 1).count()
    start = time.perf_counter()
    if have > n:
        with transaction.atomic():
            delete_beyond(container, n)
            Page.objects.filter(pk=container.pk).update(numchild=n)
        print(
            f"  corpus: {have} pages found, deleted {have - n}"
            f" in {time.perf_counter() - start:.1f}s"
        )
        return container
    if have == n:
        print(f"  corpus: {n} pages found, reused")
        return container
    ct = ContentType.objects.get_for_model(StandardPage)
    table = StandardPage._meta.db_table
    index = None
    from wagtail.search.backends import get_search_backend

    index = get_search_backend().get_index_for_model(StandardPage)
    chunk = 2000
    for lo in range(have, n, chunk):
        hi = min(n, lo + chunk)
        with transaction.atomic():
            Page.objects.bulk_create(
                [
                    Page(
                        title=page_title(i),
                        draft_title=page_title(i),
                        slug=f"fiche-{i}",
                        path=Page._get_path(container.path, container.depth + 1, i + 1),
                        depth=container.depth + 1,
                        numchild=0,
                        url_path=f"{container.url_path}fiche-{i}/",
                        content_type=ct,
                        locale_id=container.locale_id,
                        live=True,
                    )
                    for i in range(lo, hi)
                ],
                batch_size=1000,
            )
            paths = {
                Page._get_path(container.path, container.depth + 1, i + 1): i for i in range(lo, hi)
            }
            ids = dict(Page.objects.filter(path__in=list(paths)).values_list("path", "pk"))
            rows = [
                (
                    ids[path],
                    page_text(i, 0)[:290],
                    json.dumps(
                        [
                            {
                                "type": "paragraph",
                                "value": f"<p>{page_text(i, 1)}</p>",
                                "id": str(ids[path]),
                            }
                        ]
                    ),
                )
                for path, i in paths.items()
            ]
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} (page_ptr_id, summary, body) VALUES (%s, %s, %s)",
                    rows,
                )
            Page.objects.filter(pk=container.pk).update(numchild=hi)
            index.add_items(
                StandardPage,
                list(StandardPage.objects.filter(pk__in=ids.values()).order_by("pk")),
            )
        print(f"  corpus: {hi}/{n} pages ({time.perf_counter() - start:.0f}s)", flush=True)
    print(f"  corpus: made and indexed {n - have} pages in {time.perf_counter() - start:.1f}s")
    return container


def use_backend(path, params):
    from django.conf import settings

    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": path, **params}}


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def load_line(label):
    one, five, fifteen = os.getloadavg()
    flag = "  UNDER LOAD: absolute times inflated" if one > 2 else ""
    print(f"load average at {label}: {one:.2f} {five:.2f} {fifteen:.2f}{flag}")
    return one


def measure(runs, backends, shipped_runs):
    from urllib.parse import urlencode

    from django.db import connection, transaction
    from django.test import Client
    from wagtail.models import Locale

    from search import query as sq

    locale = Locale.objects.get(language_code="fr")
    client = Client()
    # Planner statistics after the bulk insert (with stale wagtailcore_page statistics the
    # planner probes the index once per page; autovacuum would do it on a real site).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    built = {text: sq.build_query(text, locale)[0] for _label, text in QUERIES}
    names = list(backends)
    times = {(text, name, kind): [] for _l, text in QUERIES for name in names for kind in "bp"}
    # « shipped » (no (title || body) index) takes seconds a query at 100 000 pages: it may
    # run in fewer rounds (the first ones), or none.
    in_round = {name: runs if name != "shipped" else shipped_runs for name in names}
    hits = {}

    def one(text, name, record):
        with transaction.atomic():
            if name == "shipped":
                # Stock as a plain Wagtail site has it: without the migration's
                # (title || body) index and with PostgreSQL's default random_page_cost; both
                # undone by the rollback below (DROP INDEX is transactional).
                with connection.cursor() as cursor:
                    cursor.execute("DROP INDEX IF EXISTS search_indexentry_title_body_gin")
                    cursor.execute("SET LOCAL random_page_cost = 4")
            timed(text, name, record)
            transaction.set_rollback(True)  # nor are the search log's rows kept

    def timed(text, name, record):
        use_backend(*backends[name])
        t = time.perf_counter()
        found = sq.run_query(built[text], locale)
        backend_ms = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        response = client.get("/recherche/?" + urlencode({"q": text}))
        page_ms = (time.perf_counter() - t) * 1000
        assert response.status_code == 200, response.status_code
        if record:
            times[(text, name, "b")].append(backend_ms)
            times[(text, name, "p")].append(page_ms)
        else:
            hits[(text, name)] = len(found)

    for _label, text in QUERIES:  # warm-up round, not recorded
        for name in names:
            if in_round[name]:
                one(text, name, False)
    for r in range(runs):
        for _label, text in QUERIES:
            for name in names if r % 2 == 0 else names[::-1]:
                if r < in_round[name]:
                    one(text, name, True)
    return times, hits


def report(times, hits, runs, shipped_runs):
    print(
        f"\n{runs} interleaved rounds; ms, median / p95; x = stock / ours (above 1: ours "
        "faster). stock = Wagtail's stock database backend on this schema (same index table, "
        "(title || body) index, random_page_cost of the settings); shipped = the same stock "
        "backend without that index and with random_page_cost 4, as a plain Wagtail site.\n"
    )
    others = ("stock", "shipped") if shipped_runs else ("stock",)
    if shipped_runs and shipped_runs < runs:
        print(f"shipped: {shipped_runs} rounds only (the first ones)\n")
    for kind, title in (("b", "backend call (run_query)"), ("p", "whole results page (GET)")):
        print(f"\n#### {title}\n")
        header = "| query | q | hits | ours | stock | x p50 | x p95 |"
        if shipped_runs:
            header += " shipped | x p50 | x p95 |"
        print(header + "\n" + "|---" * (header.count("|") - 1) + "|")
        for label, text in QUERIES:
            ours = times[(text, "ours", kind)]
            o50, o95 = statistics.median(ours), percentile(ours, 0.95)
            cells = [label, f"`{text}`", str(hits[(text, "ours")]), f"{o50:.1f} / {o95:.1f}"]
            for name in others:
                other = times[(text, name, kind)]
                s50, s95 = statistics.median(other), percentile(other, 0.95)
                cells += [f"{s50:.1f} / {s95:.1f}", f"{s50 / o50:.2f}", f"{s95 / o95:.2f}"]
            print("| " + " | ".join(cells) + " |")
    mismatched = [t for (t, n), h in hits.items() if h != hits[(t, "ours")]]
    if mismatched:
        print(f"\nhit counts differ between backends for: {sorted(set(mismatched))}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10000, help="e.g. 1000, 10000, 100000")
    parser.add_argument("--runs", type=int, default=30, help="interleaved rounds")
    parser.add_argument(
        "--shipped-runs",
        type=int,
        default=None,
        help="rounds for « shipped » (default: --runs; 0 leaves it out)",
    )
    parser.add_argument("--drop", action="store_true", help="delete the corpus at the end")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/search.py runs on PostgreSQL: set DATABASE_URL=postgres://…")
    start_load = load_line("start")
    setup_django(url)
    from django.conf import settings

    params = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    ours = params.pop("BACKEND")
    backends = {
        "ours": (ours, params),
        "stock": ("wagtail.search.backends.database", {"SEARCH_CONFIG": "capnum_french"}),
    }
    backends["shipped"] = backends["stock"]
    use_backend(*backends["ours"])
    print(f"PostgreSQL, {args.pages} bench pages (plus the demo site); ours = {ours}")
    container = build_corpus(args.pages)
    from wagtail.models import Page

    live = Page.objects.live().filter(depth__gt=1).count()
    print(f"  {live} live pages in all")
    shipped_runs = args.runs if args.shipped_runs is None else min(args.shipped_runs, args.runs)
    times, hits = measure(args.runs, backends, shipped_runs)
    report(times, hits, args.runs, shipped_runs)
    end_load = load_line("end")
    if max(start_load, end_load) > 2:
        print("figures under load: compare ours and stock within this run (the ratio)")
    if args.drop:
        from django.db import transaction

        with transaction.atomic():
            delete_beyond(container, 0)
        container.delete()


if __name__ == "__main__":
    main()
