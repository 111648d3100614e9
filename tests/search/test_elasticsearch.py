"""The Elasticsearch backend's French analysis and mappings, built without a server."""

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
