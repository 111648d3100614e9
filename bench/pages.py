"""Each page type: SQL queries, bytes (HTML, CSS, JS), in-process timings with the page
cache off and on, then requests per second and p99 latency served by gunicorn.

    make bench                      # SQLite throwaway database, 50 renders per page
    BENCH_ARGS="--runs 200" make bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/capnum_bench make bench
    BENCH_ARGS="--no-serve" make bench   # in-process only

In-process: the Django test client, N renders per page (median and p95 ms), uncached
(page cache off, as the figures of docs/queries.md) and cached (page cache on: what an
anonymous visitor gets on a repeat; 0 queries). Served: gunicorn with 2 sync workers on
127.0.0.1 and `wrk` (Debian: `apt-get install wrk`; required unless --no-serve), a bounded
run per page (--duration seconds, --connections), uncached and cached. Settings:
bench/bench_settings.py. A page type is benchmarked by adding its demo URL to PAGES. Run by
hand: figures, not tests (the machine's load moves them; say it with the figures).
"""

import argparse
import contextlib
import io
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after the project: bench/search.py is not search/

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
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
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


def timed(client, path, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm caches and renditions (and the page cache when it is on)
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return response, len(queries), timings


def percentile(sorted_values, share):
    return sorted_values[max(0, int(len(sorted_values) * share + 0.5) - 1)]


def measure(client, path, runs):
    from django.test import override_settings

    response, queries, uncached = timed(client, path, runs)
    with override_settings(PAGE_CACHE_TIMEOUT=300):
        _cached_response, cached_queries, cached = timed(client, path, runs)
    html = response.content.decode()
    return {
        "status": response.status_code,
        "queries": queries,
        "cached_queries": cached_queries,
        "html": len(response.content),
        **asset_bytes(html),
        "median": statistics.median(uncached),
        "p95": percentile(uncached, 0.95),
        "cached_median": statistics.median(cached),
        "cached_p95": percentile(cached, 0.95),
    }


# --- Served by gunicorn ------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn with 2 workers on 127.0.0.1, the bench database and settings."""

    def __init__(self, database_url, page_cache_timeout):
        self.port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PAGE_CACHE_TIMEOUT": str(page_cache_timeout),
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "bench")]),
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "capnum.wsgi:application",
                *("--workers", "2", "--bind", f"127.0.0.1:{self.port}"),
                *("--log-level", "warning"),
            ],
            cwd=ROOT,
            env=env,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/", timeout=5).read()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(url, duration, connections):
    """(requests per second, p99 ms, non-2xx/3xx responses) of a bounded wrk run."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)\b", out).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p99, int(errors.group(1)) if errors else 0


def serve(database_url, paths, duration, connections):
    results = {}
    for mode, timeout in (("uncached", 0), ("cached", 300)):
        server = Gunicorn(database_url, timeout)
        try:
            for name, path in paths:
                # A first request fills the worker's caches (a 404 is an answer too).
                with contextlib.suppress(urllib.error.HTTPError):
                    urllib.request.urlopen(server.base + path, timeout=30).close()
                results[(name, mode)] = wrk(server.base + path, duration, connections)
        finally:
            server.stop()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--no-serve", action="store_true", help="skip gunicorn and wrk")
    parser.add_argument("--duration", type=int, default=3, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--only", help="comma-separated page types")
    args = parser.parse_args()
    if not args.no_serve and shutil.which("wrk") is None:
        sys.exit("wrk is required for the served figures (apt-get install wrk), or --no-serve")
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{tempfile.mkdtemp(prefix='capnum-bench-')}/bench.sqlite3"
    )
    setup_django(database_url)
    from django.db import connection
    from django.test import Client

    pages = [(n, p) for n, p in PAGES if not args.only or n in args.only.split(",")]
    client = Client()
    print(f"{connection.vendor}, {args.runs} renders per page, in-process\n")
    columns = ["status", "queries", "HTML B", "total B", "med ms", "p95 ms"]
    columns += ["cached q", "c med ms", "c p95 ms"]
    header = f"{'page type':<24}" + "".join(f"{c:>10}" for c in columns)
    print(header)
    print("-" * len(header))
    for name, path in pages:
        r = measure(client, path, args.runs)
        total = r["html"] + r["css"] + r["js"]
        values = [r["status"], r["queries"], r["html"], total]
        timings = f"{r['median']:>10.1f}{r['p95']:>10.1f}{r['cached_queries']:>10}"
        timings += f"{r['cached_median']:>10.2f}{r['cached_p95']:>10.2f}"
        print(f"{name:<24}" + "".join(f"{v:>10}" for v in values) + timings, flush=True)
    if args.no_serve:
        return
    connection.close()
    print(
        f"\ngunicorn, 2 workers, wrk {args.duration} s x {args.connections} connections per page"
        " (requests per second, p99 ms; errors: non-2xx/3xx answers)\n"
    )
    columns = ["req/s", "p99 ms", "errors", "c req/s", "c p99 ms", "c errors"]
    header = f"{'page type':<24}" + "".join(f"{c:>10}" for c in columns)
    print(header)
    print("-" * len(header))
    results = serve(database_url, pages, args.duration, args.connections)
    for name, _path in pages:
        row = f"{name:<24}"
        for mode in ("uncached", "cached"):
            r = results.get((name, mode))
            row += f"{r[0]:>10.0f}{r[1]:>10.1f}{r[2]:>10}" if r else f"{'-':>10}" * 3
        print(row)


if __name__ == "__main__":
    main()
