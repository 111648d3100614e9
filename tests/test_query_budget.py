"""Each page type renders with a fixed number of SQL queries. A change that adds queries must
change the number here on purpose; listings must not grow with their number of items."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

# (path, queries) for the demo site.
BUDGETS = [
    # The language switcher: one query for the translations and the other languages' homes.
    ("/", 10),
    # A standard page looks for its own pages to list (one query, none found here).
    ("/accessibilite/", 13),
    # Audience hubs: their own pages, and each section they list in one query (+ its types).
    ("/habitants/", 28),
    ("/enseignants/", 17),
    ("/communicants/", 17),
    ("/cette-page-n-existe-pas/", 8),
    ("/campagnes/", 15),
    ("/campagnes/safer-internet-day-2026/", 21),
    ("/alertes-arnaques/faux-sms-ameli/", 15),
    # The link, then the scan's rate-limit counter (INSERT … ON CONFLICT, UPDATE … RETURNING).
    ("/c/sid26-fly", 4),
    ("/habitants/quiz-arnaque-sms/", 16),
    ("/h5p/6b1f2c4e-7d1a-4c3b-9a55-3a1f0c2b9e01/player/", 1),
    ("/agenda/", 19),
    ("/agenda/?periode=passes", 19),
    ("/agenda/cafe-numerique/", 21),
    ("/agenda/ateliers-canva-2025/", 21),
    ("/se-former/", 14),
    ("/se-former/premiers-pas/", 16),
    # Its steps' pictures: one query for the images (the renditions come from Wagtail's
    # rendition cache, or one query for all of them when it is cold: content/pictures.py).
    ("/se-former/premiers-pas/creer-une-adresse-e-mail/", 21),
    ("/interventions-scolaires/", 13),
    ("/interventions-scolaires/?theme=cyberharcelement&niveau=4e", 13),
    ("/interventions-scolaires/dangers-d-internet-6e/", 15),
    ("/interventions-scolaires/dangers-d-internet-6e/mode-classe/", 10),
    ("/interventions-scolaires/dangers-d-internet-6e/kit/", 10),
    ("/interventions-scolaires/dangers-d-internet-6e/kit/fiche-2/", 10),
    ("/interventions-scolaires/reseaux-sociaux-jeunes-et-parents-5e/", 15),
    ("/interventions-scolaires/reseaux-sociaux-jeunes-et-parents-5e/version-parents/", 16),
    ("/compte-rendu-de-seance/", 5),
    ("/comprendre-l-ia/", 20),
    ("/comprendre-l-ia/l-ia-et-mes-donnees-personnelles/", 19),
    ("/guides-pratiques/", 20),
    ("/guides-pratiques/?theme=outils-pro&public=entrepreneurs", 20),
    # With its linked workshop: the related events are fetched in one query.
    ("/guides-pratiques/guichet-unique-inpi-modifier-son-entreprise/", 18),
    # Places directory: one query for the places whatever their number (see tests/places).
    ("/lieux/", 13),
    ("/lieux/?service=aide-aux-demarches-administratives&pres=62643&ouvert=samedi", 13),
    ("/lieux/centre-social-de-wimereux-wimereux/", 12),
    ("/integrer/lieux/?commune=62160", 7),
    ("/donnees/lieux-mediation-numerique.json", 2),
    ("/donnees/lieux-mediation-numerique.csv", 2),
]


@pytest.mark.parametrize(("path", "queries"), BUDGETS, ids=[b[0] for b in BUDGETS])
def test_page_query_budget(client, django_assert_num_queries, path, queries):
    client.get(path)  # the first request fills per-process caches (site root paths, settings)
    cache.clear()
    client.get(path)
    with django_assert_num_queries(queries):
        client.get(path)
