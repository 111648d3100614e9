"""Each page type renders with a fixed number of SQL queries. A change that adds queries must
change the number here on purpose; listings must not grow with their number of items.

What every page costs (docs/queries.md): the site, locales, site settings, main menu and the
"no view restriction anywhere" flag come from the configuration cache (content/config_cache.py);
routing is one query for the pages on the URL's path and one for the page that answers
(content/routing.py); the language switcher is one query. The rest is the page's own."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

# (path, queries) for the demo site.
BUDGETS = [
    # The home page, the language switcher (translations and other languages' homes), its
    # audience doors' pages.
    ("/", 3),
    # A standard page looks for its own pages to list (one query, none found here: no specific
    # query then).
    ("/accessibilite/", 3),
    # Audience hubs: their own pages and the pages of every section they list, in one query
    # (+ one per page type); the places block (its places).
    ("/habitants/", 10),
    ("/enseignants/", 6),
    ("/communicants/", 6),
    ("/cette-page-n-existe-pas/", 4),
    ("/campagnes/", 5),
    ("/campagnes/safer-internet-day-2026/", 10),
    ("/alertes-arnaques/faux-sms-ameli/", 4),
    # The link, then the scan's rate-limit counter (INSERT … ON CONFLICT, UPDATE … RETURNING).
    ("/c/sid26-fly", 4),
    ("/habitants/quiz-arnaque-sms/", 4),
    ("/h5p/6b1f2c4e-7d1a-4c3b-9a55-3a1f0c2b9e01/player/", 1),
    ("/agenda/", 9),
    ("/agenda/?periode=passes", 9),
    ("/agenda/cafe-numerique/", 8),
    ("/agenda/ateliers-canva-2025/", 8),
    ("/se-former/", 5),
    ("/se-former/premiers-pas/", 5),
    # Its steps' pictures: one query for the images (the renditions come from Wagtail's
    # rendition cache, or one query for all of them when it is cold: content/pictures.py).
    ("/se-former/premiers-pas/creer-une-adresse-e-mail/", 7),
    ("/se-former/premiers-pas/creer-une-adresse-e-mail-falc/", 6),
    ("/se-former/premiers-pas/reconnaitre-un-site-securise/", 7),
    ("/se-former/premiers-pas/mots-de-passe-solides/", 7),
    ("/se-former/premiers-pas/ameli-impots-franceconnect/", 7),
    ("/interventions-scolaires/", 4),
    ("/interventions-scolaires/?theme=cyberharcelement&niveau=4e", 4),
    ("/interventions-scolaires/dangers-d-internet-6e/", 4),
    ("/interventions-scolaires/dangers-d-internet-6e/mode-classe/", 3),
    ("/interventions-scolaires/dangers-d-internet-6e/kit/", 3),
    ("/interventions-scolaires/dangers-d-internet-6e/kit/fiche-2/", 3),
    ("/interventions-scolaires/reseaux-sociaux-jeunes-et-parents-5e/", 4),
    ("/interventions-scolaires/reseaux-sociaux-jeunes-et-parents-5e/version-parents/", 3),
    ("/compte-rendu-de-seance/", 1),
    ("/comprendre-l-ia/", 9),
    ("/comprendre-l-ia/l-ia-et-mes-donnees-personnelles/", 8),
    ("/guides-pratiques/", 9),
    ("/guides-pratiques/?theme=outils-pro&public=entrepreneurs", 9),
    # With its linked workshop: the related events are fetched in one query.
    ("/guides-pratiques/guichet-unique-inpi-modifier-son-entreprise/", 7),
    # Places directory: one query for the places whatever their number (see tests/places).
    ("/lieux/", 4),
    ("/lieux/?service=aide-aux-demarches-administratives&pres=62643&ouvert=samedi", 4),
    ("/lieux/centre-social-de-wimereux-wimereux/", 4),
    ("/integrer/lieux/?commune=62160", 2),
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


# The English demo pages (PO files through wagtail-localize, content/demo_english.py) pay no
# query for their language: the English root, like the French one, comes from the
# configuration cache (content/config_cache.localized_root_translation), as do the locales,
# settings and menu.
ENGLISH = [
    "/",
    "/accessibilite/",
    "/se-former/",
    "/se-former/premiers-pas/",
    # Each lesson alone, without its easy-to-read version (paired by translation key in the
    # query that lists the path's lessons: no query more or less for it), and the versions.
    "/se-former/premiers-pas/creer-une-adresse-e-mail/",
    "/se-former/premiers-pas/creer-une-adresse-e-mail-falc/",
    "/se-former/premiers-pas/reconnaitre-un-site-securise/",
    "/se-former/premiers-pas/mots-de-passe-solides/",
    "/se-former/premiers-pas/ameli-impots-franceconnect/",
    # With its one translated event (« Café numérique du jeudi »): the same list, in English.
    "/agenda/",
    "/agenda/cafe-numerique/",
    "/campagnes/safer-internet-day-2026/",
]
# Pages loaded in English with a page, for it to show what its French page shows.
LOADED_WITH = {"/agenda/": ["/agenda/cafe-numerique/"]}


@pytest.mark.parametrize("path", ENGLISH)
def test_english_page_budget_equals_its_french_page(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, home, path
):
    from wagtail.models import Locale

    from content import demo_english

    with django_capture_on_commit_callbacks(execute=True):
        demo_english.load(only=[path, *LOADED_WITH.get(path, [])])
    english = Locale.objects.get(language_code="en")
    url = demo_english.french_page(path).get_translation(english).get_url()
    assert url.startswith("/en/")
    client.get(url)
    cache.clear()
    assert client.get(url).status_code == 200
    with django_assert_num_queries(dict(BUDGETS)[path]):
        client.get(url)
