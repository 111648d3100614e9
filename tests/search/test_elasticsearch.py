"""The Elasticsearch backend's French analysis and mappings, built without a server."""

import json

import pytest
from wagtail.models import Locale

from content.models import StandardPage
from search.elasticsearch import SearchBackend, synonym_rules
from search.models import SynonymGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend():
    return SearchBackend({"URLS": ["http://es.invalid:9200"], "INDEX": "capnum-test"})


def test_default_analyzers_are_french(backend):
    analysis = backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default["filter"] == [
        "french_elision",
        "lowercase",
        "asciifolding",
        "french_stop",
        "french_stemmer",
    ]
    assert analysis["filter"]["french_stop"]["stopwords"] == "_french_"
    assert analysis["filter"]["french_stemmer"]["language"] == "light_french"
    assert "l" in analysis["filter"]["french_elision"]["articles"]
    # Wagtail's own autocomplete analyzers are kept.
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_search_analyzer_applies_snippet_synonyms(backend):
    analysis = backend.settings["settings"]["analysis"]
    search = analysis["analyzer"]["default_search"]
    assert "capnum_synonyms" in search["filter"]
    assert search["filter"].index("capnum_synonyms") < search["filter"].index("french_stemmer")
    rules = analysis["filter"]["capnum_synonyms"]["synonyms"]
    assert any("courriel" in r and "mail" in r for r in rules)
    assert any("hameconnage" in r and "phishing" in r for r in rules)


def test_new_synonym_group_reaches_the_settings():
    SynonymGroup.objects.create(
        name="Tablette", terms="tablette, iPad", locale=Locale.objects.get(language_code="fr")
    )
    assert "tablette, ipad" in synonym_rules()


def test_page_mapping_uses_default_french_analyzer_for_text(backend):
    mapping = backend.mapping_class(StandardPage).get_mapping()
    properties = mapping["properties"]
    body = next(v for k, v in properties.items() if k.endswith("body"))
    assert body["type"] == "text"
    assert "analyzer" not in body  # falls back to the index's French "default" analyzer
    title_edge = [v for k, v in properties.items() if k.endswith("title_edgengrams")]
    assert title_edge and title_edge[0]["analyzer"] == "edgengram_analyzer"


def test_backend_points_at_the_configured_url(backend):
    assert backend.hosts[0]["host"] == "es.invalid"
    assert backend.hosts[0]["port"] == 9200


# -- One index per language, each with its own analysis (search/languages.py) ------------


def language_backend(code):
    return SearchBackend(
        {"URLS": ["http://es.invalid:9200"], "INDEX": f"capnum-test-{code}", "LANGUAGE": code}
    )


def test_settings_declare_one_backend_per_content_language():
    from capnum.settings.base import search_backend_settings

    backends = search_backend_settings(
        "http://127.0.0.1:9200", "django.db.backends.postgresql", ["fr", "en", "pl"]
    )
    assert list(backends) == ["default", "default_en", "default_pl", "fallback"]
    assert backends["default"]["LANGUAGE"] == "fr"
    assert (backends["default_en"]["LANGUAGE"], backends["default_en"]["INDEX"]) == (
        "en",
        "capnum-en",
    )
    # The database fallback holds every language (each with its configuration).
    assert backends["fallback"]["BACKEND"] == "search.backends"


def test_an_english_index_analyses_in_english_never_in_french():
    analysis = language_backend("en").settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"] == [
        "lowercase",
        "asciifolding",
        "english_stop",
        "english_stemmer",
    ]
    assert analysis["filter"]["english_stemmer"]["language"] == "light_english"
    assert analysis["filter"]["english_stop"]["stopwords"] == "_english_"
    assert "french" not in json.dumps(analysis["analyzer"]) + json.dumps(analysis["filter"])


@pytest.mark.parametrize(
    ("code", "stemmer"),
    [("es", "light_spanish"), ("pt", "light_portuguese"), ("it", "light_italian"),
     ("el", "greek"), ("ro", "romanian")],
)  # fmt: skip
def test_each_network_language_gets_its_stemmer(code, stemmer):
    analysis = language_backend(code).settings["settings"]["analysis"]
    stemmers = [f for f in analysis["filter"].values() if f.get("type") == "stemmer"]
    assert [f["language"] for f in stemmers] == [stemmer]


def test_italian_elides_its_articles():
    analysis = language_backend("it").settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"][0] == "italian_elision"
    assert "dell" in analysis["filter"]["italian_elision"]["articles"]


def test_polish_without_the_stempel_plugin_is_folded_not_stemmed():
    analysis = language_backend("pl").settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"] == ["lowercase", "asciifolding"]
    assert not [f for f in analysis["filter"].values() if f.get("type") == "stemmer"]


def test_each_other_language_index_takes_only_its_language_objects():
    english = Locale.objects.get(language_code="en")
    french_page = StandardPage.objects.get(slug="accessibilite", locale__language_code="fr")
    english_page = french_page.copy_for_translation(english, copy_parents=True)
    french_backend, english_backend = language_backend("fr"), language_backend("en")
    assert english_backend.accepts(english_page) and not english_backend.accepts(french_page)
    # The default index keeps every language: the admin searches it (pages, images…).
    assert french_backend.accepts(french_page) and french_backend.accepts(english_page)
    index = english_backend.get_index_for_model(StandardPage)
    assert type(index).__name__ == "LanguageIndex"


def test_english_synonyms_stay_in_the_english_index():
    english = Locale.objects.get(language_code="en")
    SynonymGroup.objects.create(name="Phone", terms="smartphone, mobile phone", locale=english)
    assert "smartphone, mobile phone" in synonym_rules("en")
    assert "smartphone, mobile phone" not in synonym_rules()


def test_a_search_in_english_goes_to_the_english_index(settings):
    from search.fallback import FALLBACK, _backend, backend_for

    english = Locale.objects.get(language_code="en")
    french = Locale.objects.get(language_code="fr")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends"},
        "default_en": {"BACKEND": "search.backends"},
        "fallback": {"BACKEND": "search.backends"},
    }
    assert backend_for(english) == "default_en"
    assert backend_for(french) == "default"
    token = _backend.set(FALLBACK)  # Elasticsearch away: the database answers every language
    try:
        assert backend_for(english) == FALLBACK
    finally:
        _backend.reset(token)
