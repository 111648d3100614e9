"""Elasticsearch 8/9 backend, one index per content language (selected when
ELASTICSEARCH_URL is set; settings.base.search_backend_settings declares one backend per
language, its LANGUAGE param).

Wagtail's elasticsearch9 backend, with index settings whose *default* analyzer (used by every
`SearchField` that does not name one) is the index's language (search/languages.py): elision
where the language elides (l', d', qu'... in French), lowercase, asciifolding (accents
ignored), that language's stop words and light stemmer. French: `light_french`; English:
`light_english`; Polish has no stemmer without the Stempel plugin: lowercase and folding only.
Never the French analysis for another language. The default *search* analyzer adds a
`synonym_graph` filter built from that language's SynonymGroup snippets (the search page also
expands synonyms itself, so this is belt and braces). Each other language's backend indexes
only the objects of its language; the default (French) one keeps every object, since the
admin's searches use it. After editing synonyms, run
`manage.py update_index` (the indexes are rebuilt with the new settings).
"""

from django.conf import settings

from search.languages import ELASTICSEARCH_ANALYSIS, ELISION_ARTICLES, locale_language
from search.text import normalise_term

FRENCH_ELISION_ARTICLES = ELISION_ARTICLES["french"]


def synonym_rules(language=None):
    """Solr-format synonym lines from the language's snippets (French by default), folded
    like the analyzer folds text."""
    try:
        from search.models import SynonymGroup

        groups = list(
            SynonymGroup.objects.filter(locale__language_code=language or settings.LANGUAGE_CODE)
        )
    except Exception:  # database not ready (first migrate): no synonyms yet
        return []
    rules = []
    for group in groups:
        terms = [normalise_term(t).replace(",", " ") for t in group.term_list()]
        terms = [t for t in dict.fromkeys(terms) if t]
        if len(terms) > 1:
            rules.append(", ".join(terms))
    return rules


def index_settings(language, synonyms):
    """The analysis of one language's index (filters named after the language:
    « english_stop »)."""
    from search.languages import POSTGRES_DICTIONARIES

    name = POSTGRES_DICTIONARIES.get(language, language)
    stemmer, stopwords, elision = ELASTICSEARCH_ANALYSIS.get(language, (None, None, None))
    filters = {
        "capnum_synonyms": {
            "type": "synonym_graph",
            "synonyms": synonyms or (["courriel, mail"] if language == "fr" else ["e-mail, email"]),
            "lenient": True,
        }
    }
    before, after = [], []
    if elision:
        filters[f"{name}_elision"] = {
            "type": "elision",
            "articles_case": True,
            "articles": ELISION_ARTICLES[elision],
        }
        before.append(f"{name}_elision")
    before += ["lowercase", "asciifolding"]
    if stopwords:
        filters[f"{name}_stop"] = {"type": "stop", "stopwords": stopwords}
        after.append(f"{name}_stop")
    if stemmer:
        filters[f"{name}_stemmer"] = {"type": "stemmer", "language": stemmer}
        after.append(f"{name}_stemmer")
    return {
        "settings": {
            "analysis": {
                "filter": filters,
                "analyzer": {
                    "default": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": before + after,
                    },
                    # synonyms before stop words and stemming, on folded tokens
                    "default_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [*before, "capnum_synonyms", *after],
                    },
                },
            }
        }
    }


def french_index_settings(synonyms):
    return index_settings("fr", synonyms)


def object_language(obj):
    """An indexed object's language code, or None (an object without a locale)."""
    return locale_language(getattr(obj, "locale_id", None))


def SearchBackend(params):  # Wagtail looks this name up in the module
    from wagtail.search.backends.elasticsearch9 import SearchBackend as ES9Backend

    params = dict(params)
    language = params.pop("LANGUAGE", settings.LANGUAGE_CODE)
    params["INDEX_SETTINGS"] = _merge(
        index_settings(language, synonym_rules(language)), params.get("INDEX_SETTINGS", {})
    )

    def accepts(obj):
        # The default (French) index keeps every object: Wagtail's admin searches it for
        # pages, images and documents of any language. The other indexes hold only their
        # language's, for the public search of that language.
        return language == settings.LANGUAGE_CODE or object_language(obj) == language

    class LanguageIndex(ES9Backend.index_class):
        """Only this backend's language's documents."""

        def add_item(self, item):
            if accepts(item):
                super().add_item(item)

        def add_items(self, model, items):
            super().add_items(model, [item for item in items if accepts(item)])

    class LanguageBackend(ES9Backend):
        index_class = LanguageIndex

    backend = LanguageBackend(params)
    backend.language = language
    backend.accepts = accepts
    return backend


def _merge(base, extra):
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out
