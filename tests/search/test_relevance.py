"""Relevance set: real French queries residents, teachers and entrepreneurs type, each with
the demo page that must be in the top 3. Runs against the configured database: all of them
must pass on PostgreSQL (CI). SQLite's FTS5 backend has no French stemmer and no stop words,
so the queries listed in SQLITE_MISSES are known misses there: on SQLite they are asserted
to still miss (so the list stays honest), not skipped. See docs/search.md."""

import pytest
from django.db import connection
from wagtail.models import Locale, Page

from search import query as sq

pytestmark = pytest.mark.django_db

# (query, slug of the page that must be in the top 3)
RELEVANCE = [
    ("hameçonnage", "reconnaitre-hameconnage"),
    ("hameconnage", "reconnaitre-hameconnage"),  # missing accent
    # synonym; the phishing lesson and the live scam alert are as relevant as the guide page
    (
        "arnaque sms",
        ("reconnaitre-hameconnage", "reconnaitre-un-sms-hameconnage", "faux-sms-ameli"),
    ),
    ("phishing", "reconnaitre-hameconnage"),  # synonym (English)
    ("faux sms colis", "reconnaitre-hameconnage"),
    ("hamesonnage", "reconnaitre-hameconnage"),  # typo
    ("arnaques", ("reconnaitre-hameconnage", "alertes-arnaques")),  # plural + synonym
    ("mail", "envoyer-un-courriel"),  # synonym
    ("e-mail", "envoyer-un-courriel"),  # synonym with hyphen
    ("courriels", "envoyer-un-courriel"),  # plural
    ("courriel piece jointe", "envoyer-un-courriel"),  # missing accent
    ("envoyer un message", "envoyer-un-courriel"),  # stop word "un"
    ("impots", "impots-en-ligne"),  # missing accent
    ("impôts en ligne", "impots-en-ligne"),
    ("impots.gouv", "impots-en-ligne"),  # synonym
    ("declaration revenus", "impots-en-ligne"),
    ("declarer mes impots", "impots-en-ligne"),  # stop word "mes"
    ("harcelement", "cyberharcelement-4e"),  # part of a compound, via synonym
    ("cyberharcelement", "cyberharcelement-4e"),  # missing accent
    ("harcèlement en ligne", "cyberharcelement-4e"),  # synonym (expression)
    ("signaler harcelement eleves", "cyberharcelement-4e"),  # verb form + plural
    ("canva", "atelier-canva"),
    ("cannva", "atelier-canva"),  # typo
    ("visuel reseaux sociaux", "atelier-canva"),  # singular for plural
    ("mot de passe", "creer-un-mot-de-passe"),
    ("mdp", "creer-un-mot-de-passe"),  # synonym
    ("mots de passe", "creer-un-mot-de-passe"),  # plural
    # synonym (English); the lycée fake-news school module is as right an answer
    ("fake news", ("fausses-informations", "fake-news-lycee")),
    ("fausse information", "fausses-informations"),  # singular
    ("verifier une source", "fausses-informations"),
    ("escroqueries", "proteger-son-entreprise"),
    (
        "escroquerie entreprise",
        ("proteger-son-entreprise", "petit-dej-entrepreneurs-cybersecurite"),
    ),
    ("accessibilite", "accessibilite"),
    ("harceler", "cyberharcelement-4e"),  # verb form of "harcèlement"
    ("sauvegarder ses donnees", "proteger-son-entreprise"),  # verb form, stop word
    ("guichet unique formalites", "guichet-unique-inpi-modifier-son-entreprise"),  # tool guide
    ("fiche google maps", "apparaitre-sur-google-fiche-etablissement"),  # tool guide
    ("double authentification", "securiser-sa-messagerie-professionnelle"),  # tool guide
    ("image ia", "reconnaitre-une-image-ou-un-texte-fait-par-une-ia"),  # explainer, short word
    ("ia donnees personnelles", "l-ia-et-mes-donnees-personnelles"),  # explainer, no accent
]

# Queries the SQLite FTS5 path does not find in the top 3 (no stemming, no stop words).
SQLITE_MISSES = {
    "harceler",  # no stemming: "harceler" does not match "harcèlement"
    "sauvegarder ses donnees",  # "sauvegardez" is not "sauvegarder"; the some-words fallback
    # finds pages about "données" but not this one in the top 3
}


def top3(query):
    locale = Locale.objects.get(language_code="fr")
    outcome = sq.search(query, {}, locale)
    ids = [p.pk for p in outcome.promoted] + [pk for pk, _ct in outcome.hits]
    slugs = dict(Page.objects.filter(pk__in=ids[:3]).values_list("pk", "slug"))
    return [slugs[pk] for pk in ids[:3]]


def test_relevance_set_is_large_enough():
    assert len(RELEVANCE) >= 25
    assert {q for q, _slug in RELEVANCE} >= SQLITE_MISSES


@pytest.mark.parametrize(("query", "slug"), RELEVANCE, ids=[q for q, _s in RELEVANCE])
def test_expected_page_in_top_3(query, slug):
    acceptable = slug if isinstance(slug, tuple) else (slug,)
    found = any(candidate in top3(query) for candidate in acceptable)
    if connection.vendor == "sqlite" and query in SQLITE_MISSES:
        assert not found, f"{query!r} now passes on SQLite: remove it from SQLITE_MISSES"
    else:
        assert found, f"{query!r}: expected {slug} in top 3, got {top3(query)}"
