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
PHISHING = "reconnaitre-un-sms-hameconnage"  # the residents' lesson on scams
EMAIL = "creer-une-adresse-e-mail"
TAXES = "ameli-impots-franceconnect"
CANVA = "creer-une-affiche-avec-canva"
PASSWORDS = "mots-de-passe-solides"
FAKE_NEWS = ("fake-news-lycee", "reconnaitre-une-image-ou-un-texte-fait-par-une-ia")
RELEVANCE = [
    ("arnaque", PHISHING),
    ("hameçonnage", PHISHING),
    ("hameconnage", PHISHING),  # missing accent
    # synonym; the live scam alert and the quiz on the fake SMS are as right an answer
    ("arnaque sms", (PHISHING, "faux-sms-ameli", "quiz-arnaque-sms")),
    ("phishing", PHISHING),  # synonym (English)
    ("faux sms colis", PHISHING),
    ("hamesonnage", PHISHING),  # typo
    ("arnaques", (PHISHING, "alertes-arnaques")),  # plural + synonym
    ("mail", EMAIL),  # synonym
    ("e-mail", EMAIL),  # synonym with hyphen
    ("courriels", EMAIL),  # plural of a synonym
    ("courriel piece jointe", EMAIL),  # missing accent
    ("envoyer un message", EMAIL),  # stop word "un"
    ("impots", TAXES),  # missing accent
    ("impôts en ligne", TAXES),
    ("impots.gouv", TAXES),  # synonym
    ("declaration revenus", TAXES),
    ("declarer mes impots", TAXES),  # stop word "mes"
    ("harcelement", "cyberharcelement-4e"),  # part of a compound, via synonym
    ("cyberharcelement", "cyberharcelement-4e"),  # missing accent
    ("harcèlement en ligne", "cyberharcelement-4e"),  # synonym (expression)
    ("signaler harcelement eleves", "cyberharcelement-4e"),  # verb form + plural
    ("canva", CANVA),
    ("cannva", CANVA),  # typo
    ("visuel reseaux sociaux", CANVA),  # singular for plural
    ("mot de passe", PASSWORDS),
    ("mdp", PASSWORDS),  # synonym
    ("mots de passe", PASSWORDS),  # plural
    ("fake news", FAKE_NEWS),  # synonym (English)
    ("fausse information", (*FAKE_NEWS, "verifier-une-information")),  # singular
    ("verifier une source", ("fake-news-lycee", "verifier-une-information")),
    # the entrepreneurs' guide took in the advice on fake suppliers (« fraude au président »)
    (
        "escroquerie entreprise",
        ("securiser-sa-messagerie-professionnelle", "petit-dej-entrepreneurs-cybersecurite"),
    ),
    ("fraude au president", "securiser-sa-messagerie-professionnelle"),
    ("accessibilite", "accessibilite"),
    ("harceler", "cyberharcelement-4e"),  # verb form of "harcèlement"
    (
        "sauvegarder ses donnees",
        (
            "petit-dej-securite-donnees-2025",
            "securiser-sa-messagerie-professionnelle",
            "proteger-mes-donnees",
        ),
    ),  # verb form, stop word
    ("guichet unique formalites", "guichet-unique-inpi-modifier-son-entreprise"),  # tool guide
    ("fiche google maps", "apparaitre-sur-google-fiche-etablissement"),  # tool guide
    ("double authentification", "securiser-sa-messagerie-professionnelle"),  # tool guide
    ("image ia", "reconnaitre-une-image-ou-un-texte-fait-par-une-ia"),  # explainer, short word
    ("ia donnees personnelles", "l-ia-et-mes-donnees-personnelles"),  # explainer, no accent
]

# Queries the SQLite FTS5 path does not find in the top 3 (no stemming, no stop words).
SQLITE_MISSES = {
    "harceler",  # no stemming: "harceler" does not match "harcèlement"
    # bm25 without stemming: the longer pages saying « images » and « IA » many times (the
    # parents' versions of the school modules) come before the explainer
    "image ia",
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
