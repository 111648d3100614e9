"""The search service behind the search page: query building (synonyms, light French
variants on SQLite), hits in the current locale, "did you mean". Facets are introspected
from page types (search/facets.py), results read by search/presentation.py. Generic over
page types: a page type plugs in by declaring `search_fields`, and optionally
`search_result_label`, a `level` choice field and `audiences`/`themes`/`organisations`
relations (see docs/search.md)."""

import difflib
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count
from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText

from content import config_cache
from content.config_cache import public
from search.facets import (  # noqa: F401 (the search service's interface)
    FACETS,
    Facet,
    FacetDef,
    FacetOption,
    compute_facets,
    get_model,
    model_field,
)
from search.fallback import backend_for
from search.presentation import (  # noqa: F401
    body_texts,
    excerpt,
    page_text,
    raw_searchable_content,
    result_labels,
)
from search.text import clean_query, normalise_term, query_words

MAX_HITS = 500  # enough for facets and 50 pages of results; the count shows "500+" beyond


def is_postgres():
    return connection.vendor == "postgresql"


# --- Synonyms --------------------------------------------------------------------------


def synonym_groups(locale):
    """The locale's synonym groups as normalised word tuples: editors' configuration read by
    every search, kept in the configuration cache (forgotten when a group changes)."""
    return config_cache.cached(f"search-synonyms:{locale.pk}", lambda: _synonym_groups(locale))


def _synonym_groups(locale):
    from search.models import SynonymGroup

    groups = []
    for group in SynonymGroup.objects.filter(locale=locale):
        variants = []
        for term in group.term_list():
            key = tuple(normalise_term(w) for w in query_words(term))
            if key:
                variants.append(key)
        if len(variants) > 1:
            groups.append(variants)
    return groups


def light_variants(word, language="fr"):
    """Plural/singular variants for backends without a stemmer (SQLite FTS5): French rules
    for French (-aux/-al, -x), only the -s plural for the other languages."""
    w = normalise_term(word)
    out = {w}
    plural_ends = "sx" if language == "fr" else "s"
    if language == "fr" and len(w) > 4 and w.endswith("aux"):
        out.add(w[:-3] + "al")
    elif len(w) > 3 and w[-1] in plural_ends:
        out.add(w[:-1])
    elif len(w) > 2:
        out.add(w + "s")
    return sorted(out)


def _singular(word):
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def _term_query(words, stem_fallback, language="fr"):
    if not stem_fallback:
        return PlainText(" ".join(words), operator="and")
    parts = []
    for word in words:
        variants = light_variants(word, language)
        if len(variants) > 1:
            parts.append(Or([PlainText(v) for v in variants]))
        else:
            parts.append(PlainText(variants[0]))
    return parts[0] if len(parts) == 1 else And(parts)


def build_query(text, locale, stem_fallback=None, any_word=False):
    """A Wagtail search query: every word must match (with `any_word`, at least one); a word
    (or expression) belonging to a synonym group matches any of the group's terms."""
    if stem_fallback is None:
        stem_fallback = not is_postgres()
    words = [normalise_term(w) for w in query_words(text)]
    if not words:
        return None, []
    groups = synonym_groups(locale)
    language = getattr(locale, "language_code", "fr")
    parts, expanded = [], []
    # A synonym matches in the plural too: « courriels » is in the group of « courriel ».
    singular = [_singular(w) for w in words]
    i = 0
    while i < len(words):
        match = None
        for group in groups:
            for variant in group:
                n = len(variant)
                if tuple(singular[i : i + n]) == tuple(_singular(w) for w in variant) and (
                    match is None or n > match[1]
                ):
                    match = (group, n)
        if match:
            group, n = match
            parts.append(Or([_term_query(list(v), stem_fallback, language) for v in group]))
            expanded.append([" ".join(v) for v in group])
            i += n
        else:
            parts.append(_term_query([words[i]], stem_fallback, language))
            i += 1
    if len(parts) == 1:
        return parts[0], expanded
    return (Or(parts) if any_word else And(parts)), expanded


# --- Search ----------------------------------------------------------------------------


def base_queryset(locale):
    return public(Page.objects.live()).filter(locale=locale, depth__gt=1)


def run_query(query, locale):
    """[(page id, content type id)] in relevance order, at most MAX_HITS."""
    if query is None:
        return []
    backend = backend_for(locale)
    results = base_queryset(locale).search(query, order_by_relevance=True, backend=backend)[
        :MAX_HITS
    ]
    statement = getattr(results, "ranked_statement", None)
    statement = statement(["id", "content_type_id"]) if statement else None
    if statement is not None:  # PostgreSQL: the ranking written as SQL (search/ranked_sql.py)
        with connection.cursor() as cursor:
            cursor.execute(*statement)
            return [tuple(row) for row in cursor.fetchall()]
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is None:  # e.g. Elasticsearch: results are fetched as objects
        return [(p.pk, p.content_type_id) for p in results]
    # The database backends expose the ranked queryset: fetching two columns instead of
    # up to 500 Page instances keeps the search page cheap on common words; only the
    # current page of results is loaded as objects (in the view).
    return list(get_queryset().values_list("pk", "content_type_id"))


MAX_PLACES = 20
PLACE_TYPE = "content.place"


def run_place_query(query, locale):
    """Places (a snippet, not pages) of the locale matching the same query as the pages,
    so synonyms and the SQLite plural variants apply to them too."""
    if query is None:
        return []
    from wagtail.search.backends import get_search_backend

    from content.models import Place

    # Place's manager is a plain one (no .search()): ask the backend directly.
    places = Place.objects.filter(locale=locale)
    results = get_search_backend(backend_for(locale)).search(query, places)[:MAX_PLACES]
    statement = getattr(results, "ranked_statement", None)
    statement = statement("*") if statement else None
    if statement is not None:
        return list(Place.objects.raw(*statement))
    return list(results)


def place_type_option(places):
    from content.models import Place

    return FacetOption(PLACE_TYPE, str(Place._meta.verbose_name).capitalize(), len(places))


def vocabulary(locale, titles=None):
    """Known words: page titles of the locale (or the `titles` given), plus synonyms."""
    words = set()
    if titles is None:
        titles = base_queryset(locale).values_list("title", flat=True)
    for title in titles:
        words.update(normalise_term(w) for w in query_words(title))
    for group in synonym_groups(locale):
        for variant in group:
            words.update(variant)
    return {w for w in words if len(w) > 2 and not w.isdigit()}


# PostgreSQL: titles are found through the trigram GiST index on lower(title) (migration
# 0006) with pg_trgm's operators, whose thresholds the settings set on the connection
# (site/settings/base.py): `%>` (word similarity, 0.4) and the distance `<->>` for the
# candidates, `%>>` (strict word similarity, 0.15) and `<->>>` for the wider look-up when no
# title is close. The index returns the closest titles first (a nearest-neighbour scan), so a
# word that many titles resemble does not make PostgreSQL score them all; filtering on the
# word_similarity() function instead read every title of the site.
SIMILAR_TITLES = 20
NEAR_TITLES = 50


def _postgres_similar_titles(word, locale, strict, minimum, limit):
    """Titles of visible pages similar to `word`, closest first. Written as SQL (as the
    ranking, search/ranked_sql.py): building the queryset cost more than running it."""
    from search.ranked_sql import where_clause

    queryset = base_queryset(locale)
    where, params = where_clause(queryset)
    similar, distance = ("%%>>", "<->>>") if strict else ("%%>", "<->>")
    function = "strict_word_similarity" if strict else "word_similarity"
    sql = (
        f'SELECT "title" FROM "wagtailcore_page" WHERE ({where}) '
        f'AND LOWER("wagtailcore_page"."title") {similar} %s '
        f'AND {function}(%s, "wagtailcore_page"."title") > %s '
        f'ORDER BY LOWER("wagtailcore_page"."title") {distance} %s LIMIT %s'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, word, word, minimum, word, limit])
        return [row[0] for row in cursor.fetchall()]


def _postgres_candidate_words(word, locale):
    titles = _postgres_similar_titles(word, locale, False, 0.4, SIMILAR_TITLES)
    words = set()
    for title in titles:
        words.update(normalise_term(w) for w in query_words(title))
    return words


def _postgres_vocabulary(word, locale):
    """The words of the titles that share a few trigrams with a whole word of theirs, plus
    synonyms: where the spelling correction looks when no title is close (the SQLite
    vocabulary reads every title)."""
    titles = _postgres_similar_titles(word, locale, True, 0, NEAR_TITLES)
    return vocabulary(locale, titles)


def suggest(text, locale):
    """A corrected query ("did you mean"), or ''."""
    words = query_words(text)
    if not words:
        return ""
    vocab = None
    corrected, changed = [], False
    for word in words:
        norm = normalise_term(word)
        if len(norm) < 4:
            corrected.append(word)
            continue
        candidates = _postgres_candidate_words(norm, locale) if is_postgres() else None
        if not candidates and is_postgres():
            candidates = _postgres_vocabulary(norm, locale)
        elif not candidates:
            vocab = vocab if vocab is not None else vocabulary(locale)
            candidates = vocab
        if norm in candidates:
            corrected.append(word)
            continue
        best = difflib.get_close_matches(norm, list(candidates), n=1, cutoff=0.75)
        if best:
            corrected.append(best[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else ""


@dataclass
class SearchOutcome:
    query: str = ""
    hits: list = field(default_factory=list)  # [(pk, ct)] after filters
    total_before_filters: int = 0
    facets: list = field(default_factory=list)
    ignored_filters: list = field(default_factory=list)
    suggestion: str = ""
    corrected_from: str = ""
    # No page has every word: the hits are pages with some of them (best first).
    some_words_only: bool = False
    expanded: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    places: list = field(default_factory=list)  # Place snippets, shown in their own section
    truncated: bool = False
    # {page id: audience names} of the hits with an `audiences` field (result labels).
    audiences: dict = field(default_factory=dict)


def promoted_pages(text, locale):
    try:
        from wagtail.contrib.search_promotions.models import Query
    except ImportError:  # pragma: no cover
        return []
    normalised = normalise_query(text)
    # The promoted queries are editors' configuration: known from the configuration cache,
    # so a search without promotion asks nothing.
    promoted = config_cache.cached(
        "search-promoted-queries",
        lambda: set(
            Query.objects.filter(editors_picks__isnull=False).values_list("query_string", flat=True)
        ),
    )
    if normalised not in promoted:
        return []
    q = Query.objects.filter(query_string=normalised).first()
    if q is None:
        return []
    picks = q.editors_picks.select_related("page").order_by("sort_order")
    return [
        p.page.specific
        for p in picks
        if p.page_id and p.page.live and p.page.locale_id == locale.pk
    ]


def normalise_query(text):
    from wagtail.search.utils import normalise_query_string

    return normalise_query_string(text)


def search(raw_query, selected=None, locale=None):
    locale = locale or Locale.get_active()
    text = clean_query(raw_query)
    outcome = SearchOutcome(query=text)
    if not query_words(text):
        return outcome
    query, outcome.expanded = build_query(text, locale)
    hits = run_query(query, locale)
    places = run_place_query(query, locale)
    if not hits and not places:
        suggestion = suggest(text, locale)
        if suggestion:
            corrected, _exp = build_query(suggestion, locale)
            hits = run_query(corrected, locale)
            places = run_place_query(corrected, locale)
            if hits or places:
                outcome.corrected_from = text
                outcome.query = suggestion
        outcome.suggestion = suggestion if not (hits or places) else ""
        if not (hits or places) and len(query_words(text)) > 1:
            # "fake news 4e": no page has all three words, but pages with some of them
            # are a better answer than nothing. The page says so.
            partial, _exp = build_query(text, locale, any_word=True)
            hits = run_query(partial, locale)
            places = run_place_query(partial, locale)
            outcome.some_words_only = bool(hits or places)
    elif len(hits) + len(places) < 3:
        outcome.suggestion = suggest(text, locale)
    outcome.promoted = promoted_pages(text, locale)
    promoted_ids = {p.pk for p in outcome.promoted}
    hits = [h for h in hits if h[0] not in promoted_ids]
    outcome.truncated = len(hits) >= MAX_HITS
    outcome.total_before_filters = len(hits)
    selected = selected or {}
    extra = [place_type_option(places)] if places else []
    outcome.facets, keep, outcome.ignored_filters = compute_facets(
        hits, selected, extra, audiences_out=outcome.audiences
    )
    outcome.hits = hits if keep is None else [h for h in hits if h[0] in keep]
    # Places have a type but none of the other facet fields: a type filter without
    # "place", or any other filter, hides them.
    types = [t for t in selected.get("type", []) if t not in outcome.ignored_filters]
    other_filters = any(
        v not in outcome.ignored_filters for k, vs in selected.items() if k != "type" for v in vs
    )
    if (not types or PLACE_TYPE in types) and not other_filters:
        outcome.places = places
    outcome.total_before_filters += len(places)
    return outcome


def facet_counts_for_ids(ids):
    """Number of pages per content type for ids (used by tests and the admin report)."""
    return dict(
        Page.objects.filter(pk__in=ids)
        .values_list("content_type")
        .annotate(n=Count("pk"))
        .values_list("content_type", "n")
    )
