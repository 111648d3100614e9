"""The places directory at 2,000 places: render, filter and export times, and query counts.

    .venv/bin/python bench/places.py                 # SQLite throwaway database, 20 runs
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/capnum_bench .venv/bin/python bench/places.py

Figures, not tests (the query counts are asserted in tests/places/test_directory.py).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.pages import setup_django  # noqa: E402
from bench.pages import timed as pages_timed  # noqa: E402

HOURS = [
    "Mo-Fr 09:00-12:00,14:00-17:00; PH off",
    "Mo-Fr 08:30-12:00,13:30-17:30; Sa 09:00-12:00; PH off",
    "Tu,Th,Fr 13:30-18:00; We,Sa 10:00-12:30,13:30-18:00; PH off",
    "Mo-Th 09:00-12:00,14:00-18:00; Fr 09:00-12:00; PH off",
    "",
]


def add_places(total):
    from wagtail.models import Locale

    from content.models import Place
    from content.models.place_standard import FRAIS_A_CHARGE, MODALITES_ACCES, SERVICES
    from content.places import communes

    rng = random.Random(14)
    locale = Locale.objects.get(language_code="fr")
    towns = communes.communes()
    missing = total - Place.objects.filter(locale=locale).count()
    places = []
    for i in range(missing):
        town = rng.choice(towns)
        places.append(
            Place(
                nom=f"Lieu d'essai {i}",
                slug=f"lieu-d-essai-{i}",
                identifiant=f"bench-{i}",
                adresse=f"{i} rue des Essais",
                code_postal=town.codes_postaux[0],
                commune=town.nom,
                code_insee=town.code_insee,
                horaires=rng.choice(HOURS),
                telephone="+33353019999",
                services=";".join(rng.sample(SERVICES, 3)),
                frais_a_charge=rng.choice(FRAIS_A_CHARGE),
                modalites_acces=";".join(rng.sample(MODALITES_ACCES[:4], 2)),
                locale=locale,
            )
        )
    Place.objects.bulk_create(places, batch_size=500)
    return Place.objects.filter(locale=locale).count()


def timed(client, path, runs):
    """(queries, bytes, median ms, slowest ms) of `path` over `runs` requests."""
    response, queries, timings = pages_timed(client, path, runs)
    assert response.status_code == 200, (path, response.status_code)
    return queries, len(response.content), statistics.median(timings), timings[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--places", type=int, default=2000)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{tempfile.mkdtemp(prefix='capnum-bench-')}/bench.sqlite3"
    )
    setup_django(database_url)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from content.places import filters, hours
    from content.places.views import export_records

    count = add_places(args.places)
    cache.clear()
    client = Client()
    print(f"{connection.vendor}, {count} places, {args.runs} runs\n")
    print(f"{'what':<34}{'queries':>8}{'bytes':>10}{'median ms':>11}{'max ms':>9}")
    cases = [
        ("directory (render)", "/lieux/"),
        (
            "directory, service + near",
            "/lieux/?service=aide-aux-demarches-administratives&pres=62643",
        ),
        ("directory, open now + free", "/lieux/?ouvert=maintenant&gratuit=1"),
        ("directory, Saturday + walk-in", "/lieux/?ouvert=samedi&acces=sans-rendez-vous"),
        ("embed, one commune", "/integrer/lieux/?commune=62160"),
        ("export CSV", "/donnees/lieux-mediation-numerique.csv"),
        ("export JSON", "/donnees/lieux-mediation-numerique.json"),
    ]
    for name, path in cases:
        queries, size, median, worst = timed(client, path, args.runs)
        print(f"{name:<34}{queries:>8}{size:>10}{median:>11.1f}{worst:>9.1f}")

    # The filter step alone (Python over the fetched places), and the records for the export.
    from content.models import Place

    places = list(Place.objects.filter(locale__language_code="fr"))
    chosen = filters.Filters(service="aide-aux-demarches-administratives", ouvert="maintenant")
    now = hours.local_now()
    runs = []
    for _ in range(args.runs):
        start = time.perf_counter()
        chosen.apply(places, now)
        runs.append((time.perf_counter() - start) * 1000)
    print(f"\nfilter only (service + open now): {statistics.median(runs):.1f} ms median")
    start = time.perf_counter()
    export_records()
    print(f"export records only: {(time.perf_counter() - start) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
