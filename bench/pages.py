"""Render each page type in-process N times; print SQL queries, bytes (HTML, CSS, JS) and timings.

    make bench                      # SQLite throwaway database, 50 renders per page
    BENCH_ARGS="--runs 200" make bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/capnum_bench make bench

A page type is benchmarked by adding its demo URL to PAGES. Run by hand: figures, not tests.
"""

import argparse
import io
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (page type, path in the demo site)
PAGES = [
    ("home", "/"),
    ("standard", "/accessibilite/"),
    ("not-found", "/cette-page-n-existe-pas/"),
    ("campaign-index", "/campagnes/"),
    ("campaign", "/campagnes/safer-internet-day-2026/"),
    ("campaign-redirect", "/c/sid26-fly"),
    ("scam-alert", "/alertes-arnaques/faux-sms-ameli/"),
    ("h5p-activity", "/habitants/quiz-arnaque-sms/"),
    ("h5p-player", "/h5p/6b1f2c4e-7d1a-4c3b-9a55-3a1f0c2b9e01/player/"),
    ("agenda", "/agenda/"),
    ("event", "/agenda/cafe-numerique/"),
    ("event-past", "/agenda/ateliers-canva-2025/"),
    ("learning-index", "/se-former/"),
    ("learning-path", "/se-former/premiers-pas/"),
    ("lesson", "/se-former/premiers-pas/creer-une-adresse-e-mail/"),
    ("lesson-easy-read", "/se-former/premiers-pas/creer-une-adresse-e-mail-falc/"),
    ("placement-quiz", "/se-former/ou-en-suis-je/"),
    ("resume", "/se-former/reprendre/"),
    ("attestation", "/se-former/attestation/"),
    ("school-index", "/interventions-scolaires/"),
    ("school-index-filtered", "/interventions-scolaires/?theme=cyberharcelement&niveau=4e"),
    ("school-module", "/interventions-scolaires/dangers-d-internet-6e/"),
    ("school-classroom", "/interventions-scolaires/dangers-d-internet-6e/mode-classe/"),
    ("school-kit", "/interventions-scolaires/dangers-d-internet-6e/kit/"),
    ("school-handout", "/interventions-scolaires/dangers-d-internet-6e/kit/fiche-2/"),
    (
        "school-parents",
        "/interventions-scolaires/reseaux-sociaux-jeunes-et-parents-5e/version-parents/",
    ),
    ("session-report-form", "/compte-rendu-de-seance/"),
    ("explainer-index", "/comprendre-l-ia/"),
    ("explainer", "/comprendre-l-ia/l-ia-et-mes-donnees-personnelles/"),
    ("guide-index", "/guides-pratiques/"),
    ("tool-guide", "/guides-pratiques/guichet-unique-inpi-modifier-son-entreprise/"),
    ("place-directory", "/lieux/"),
    ("place-directory-filtered", "/lieux/?service=aide-aux-demarches-administratives&pres=62643"),
    ("place", "/lieux/centre-social-de-wimereux-wimereux/"),
    ("place-embed", "/integrer/lieux/?commune=62160"),
    ("results", "/nos-resultats/"),
    ("results-year", "/nos-resultats/2025/"),
]

ASSET_PATTERN = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def setup_django(database_url):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capnum.settings.test")
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        # Start from an empty schema so the figures do not depend on earlier runs.
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


def asset_bytes(html):
    from django.conf import settings
    from django.contrib.staticfiles import finders

    total = {"css": 0, "js": 0}
    for url in ASSET_PATTERN.findall(html):
        if not url.startswith(settings.STATIC_URL):
            continue
        path = finders.find(url[len(settings.STATIC_URL) :].split("?")[0])
        if path:
            total["css" if url.endswith(".css") else "js"] += Path(path).stat().st_size
    return total


def measure(client, path, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm caches and renditions
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
    html = response.content.decode()
    timings.sort()
    return {
        "status": response.status_code,
        "queries": len(queries),
        "html": len(response.content),
        **asset_bytes(html),
        "median": statistics.median(timings),
        "p95": timings[max(0, int(len(timings) * 0.95) - 1)],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{tempfile.mkdtemp(prefix='capnum-bench-')}/bench.sqlite3"
    )
    setup_django(database_url)
    from django.db import connection
    from django.test import Client

    client = Client()
    print(f"{connection.vendor}, {args.runs} renders per page\n")
    columns = ["status", "queries", "HTML B", "CSS B", "JS B", "total B", "median ms", "p95 ms"]
    header = f"{'page type':<24}" + "".join(f"{c:>10}" for c in columns)
    print(header)
    print("-" * len(header))
    for name, path in PAGES:
        r = measure(client, path, args.runs)
        total = r["html"] + r["css"] + r["js"]
        values = [r["status"], r["queries"], r["html"], r["css"], r["js"], total]
        timings = f"{r['median']:>10.1f}{r['p95']:>10.1f}"
        print(f"{name:<24}" + "".join(f"{v:>10}" for v in values) + timings)


if __name__ == "__main__":
    main()
