"""Elasticsearch 8/9 backend with French analysis (selected when ELASTICSEARCH_URL is set).

Wagtail's elasticsearch9 backend, with index settings whose *default* analyzer (used by every
`SearchField` that does not name one) is French: elision (l', d', qu'...), lowercase,
asciifolding (accents ignored), French stop words, light French stemmer. The default
*search* analyzer adds a `synonym_graph` filter built from the SynonymGroup snippets (the
search page also expands synonyms itself, so this is belt and braces). After editing
synonyms, run `manage.py update_index` (the index is rebuilt with the new settings).
"""

from search.text import normalise_term

ELISION_ARTICLES = [
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
]


def synonym_rules():
    """Solr-format synonym lines from the snippets, folded like the analyzer folds text."""
    try:
        from search.models import SynonymGroup

        groups = list(SynonymGroup.objects.all())
    except Exception:  # database not ready (first migrate): no synonyms yet
        return []
    rules = []
    for group in groups:
        terms = [normalise_term(t).replace(",", " ") for t in group.term_list()]
        terms = [t for t in dict.fromkeys(terms) if t]
        if len(terms) > 1:
            rules.append(", ".join(terms))
    return rules


def french_index_settings(synonyms):
    base_filters = ["french_elision", "lowercase", "asciifolding", "french_stop", "french_stemmer"]
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "french_elision": {
                        "type": "elision",
                        "articles_case": True,
                        "articles": ELISION_ARTICLES,
                    },
                    "french_stop": {"type": "stop", "stopwords": "_french_"},
                    "french_stemmer": {"type": "stemmer", "language": "light_french"},
                    "capnum_synonyms": {
                        "type": "synonym_graph",
                        "synonyms": synonyms or ["courriel, mail"],
                        "lenient": True,
                    },
                },
                "analyzer": {
                    "default": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": base_filters,
                    },
                    "default_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        # synonyms before stop words and stemming, on folded tokens
                        "filter": [
                            "french_elision",
                            "lowercase",
                            "asciifolding",
                            "capnum_synonyms",
                            "french_stop",
                            "french_stemmer",
                        ],
                    },
                },
            }
        }
    }


def SearchBackend(params):  # Wagtail looks this name up in the module
    from wagtail.search.backends.elasticsearch9 import SearchBackend as ES9Backend

    params = dict(params)
    params["INDEX_SETTINGS"] = _merge(
        french_index_settings(synonym_rules()), params.get("INDEX_SETTINGS", {})
    )
    return ES9Backend(params)


def _merge(base, extra):
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out
