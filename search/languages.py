"""Which text analysis each content language gets (docs/search.md « Languages »).

PostgreSQL: one text search configuration per language, `capnum_<dictionary>` (that
language's Snowball stemmer and stop words, after `unaccent`), created by migration 0004 for
every language below, so adding a language to CONTENT_LANGUAGES needs no migration. A
language without a PostgreSQL stemmer (Polish) gets `capnum_simple`: words folded, not
stemmed; never the French stemmer.

Elasticsearch: the built-in language analysis of each language (elision where the language
elides, stop words, the light stemmer when there is one); Polish needs the Stempel plugin,
which a stock server lacks: the standard analysis then (lowercase, accents folded).

SQLite (FTS5) has no stemming in any language; the search page adds plural variants itself.
"""

from django.conf import settings

# Language code -> PostgreSQL Snowball dictionary (`<name>_stem`, `<name>` configuration).
POSTGRES_DICTIONARIES = {
    "fr": "french",
    "en": "english",
    "es": "spanish",
    "pt": "portuguese",
    "it": "italian",
    "de": "german",
    "nl": "dutch",
    "el": "greek",
    "ro": "romanian",
    "ca": "catalan",
    "da": "danish",
    "fi": "finnish",
    "hu": "hungarian",
    "sv": "swedish",
    "nb": "norwegian",
    "ru": "russian",
    "tr": "turkish",
    "lt": "lithuanian",
}
POSTGRES_SIMPLE = "capnum_simple"


def postgres_config(language_code):
    """The text search configuration for a language (« capnum_english »)."""
    dictionary = POSTGRES_DICTIONARIES.get((language_code or "").split("-")[0])
    return f"capnum_{dictionary}" if dictionary else POSTGRES_SIMPLE


# Language code -> (Elasticsearch stemmer, stop word list, elided articles or None).
ELASTICSEARCH_ANALYSIS = {
    "fr": ("light_french", "_french_", "french"),
    "en": ("light_english", "_english_", None),
    "es": ("light_spanish", "_spanish_", None),
    "pt": ("light_portuguese", "_portuguese_", None),
    "it": ("light_italian", "_italian_", "italian"),
    "de": ("light_german", "_german_", None),
    "nl": ("dutch", "_dutch_", None),
    "el": ("greek", "_greek_", None),
    "ro": ("romanian", "_romanian_", None),
    "ca": ("catalan", "_catalan_", "catalan"),
}
ELISION_ARTICLES = {
    "french": [
        "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"
    ],
    "italian": [
        "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
        "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d",
    ],
    "catalan": ["d", "l", "m", "n", "s", "t"],
}  # fmt: skip


def content_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


_locale_codes = {}


def locale_language(locale_id):
    """A locale's language code from its id, cached for the process (one query the first
    time, then none: a search or an indexing batch does not pay for it). Cleared when a
    locale is saved or deleted."""
    if locale_id is None:
        return None
    if locale_id not in _locale_codes:
        from wagtail.models import Locale

        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id)


def forget_locales(**kwargs):
    _locale_codes.clear()
