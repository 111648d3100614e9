"""The search service behind the search page: query building (synonyms, light French
variants on SQLite), hits in the current locale, facets introspected from page types,
"did you mean", excerpts. Generic over page types: a page type plugs in by declaring
`search_fields`, and optionally `search_result_label`, a `level` choice field and
`audiences`/`themes`/`organisations` relations (see docs/search.md)."""

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText

from search.fallback import backend_for
from search.text import clean_query, normalise_term, strip_accents

MAX_HITS = 500  # enough for facets and 50 pages of results; the count shows "500+" beyond
MIN_WORD = 2
_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(text):
    return [w for w in _WORD.findall(text) if len(w) >= MIN_WORD or w.isdigit()]


def is_postgres():
    return connection.vendor == "postgresql"


# --- Synonyms --------------------------------------------------------------------------


def synonym_groups(locale):
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


# --- Facets ----------------------------------------------------------------------------


@dataclass
class FacetDef:
    key: str
    label: str
    candidates: tuple  # field names a page type may use


FACETS = [
    FacetDef("niveau", _("Niveau"), ("level",)),
    FacetDef("public", _("Public"), ("audiences", "audience")),
    FacetDef("theme", _("Thème"), ("themes", "theme")),
    FacetDef("organisation", _("Organisation"), ("organisations", "organisation")),
]


def model_field(model, candidates):
    for name in candidates:
        try:
            return model._meta.get_field(name)
        except Exception:
            continue
    return None


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    key: str
    label: str
    options: list = field(default_factory=list)


def _models_for(hit_types):
    out = {}
    for ct_id in hit_types:
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is not None:
            out[ct_id] = model
    return out


def _field_values(model, fld, ids):
    """(value, label, page id) rows for one facet field of one model."""
    name = fld.name
    if fld.is_relation:
        related = fld.related_model
        slug = "slug" if model_field(related, ("slug",)) else "pk"
        label = "name" if model_field(related, ("name",)) else slug
        rows = model.objects.filter(pk__in=ids).values_list(
            "pk", f"{name}__{slug}", f"{name}__{label}"
        )
        return [(str(v), str(lab), pk) for pk, v, lab in rows if v is not None]
    choices = dict(fld.flatchoices) if fld.choices else {}
    rows = model.objects.filter(pk__in=ids).values_list("pk", name)
    return [(str(v), str(choices.get(v, v)), pk) for pk, v in rows if v not in (None, "")]


def _inherited_facet_source(model):
    """The page type a model takes its facets from, when it declares
    `search_facets_from_parent` (a lesson takes its path's level and audiences), or None."""
    label = getattr(model, "search_facets_from_parent", None)
    return get_model(label) if label else None


def _parent_ids(model, ids):
    """{page id: parent page id} for pages of `model`, in two queries: the tree path of a page
    starts with its parent's."""
    paths = dict(model.objects.filter(pk__in=ids).values_list("pk", "path"))
    parents = dict(
        Page.objects.filter(
            path__in={path[: -Page.steplen] for path in paths.values()}
        ).values_list("path", "pk")
    )
    return {
        pk: parents[path[: -Page.steplen]]
        for pk, path in paths.items()
        if path[: -Page.steplen] in parents
    }


def facet_rows(model, candidates, ids, parents_cache):
    """(value, label, page id, aliased) rows of one facet for pages of `model`: from its own
    field, else from its parent's (`search_facets_from_parent`). `search_facet_aliases` maps
    a model's own values onto another type's (an event's « niveau-1 » is a path's level 1),
    so one level is one option."""
    fld = model_field(model, candidates)
    if fld is not None:
        aliases = getattr(model, "search_facet_aliases", {}).get(fld.name, {})
        return [
            (str(aliases[v]), label, pk, True) if v in aliases else (v, label, pk, False)
            for v, label, pk in _field_values(model, fld, ids)
        ]
    source = _inherited_facet_source(model)
    if source is None or model_field(source, candidates) is None:
        return []
    if model not in parents_cache:
        parents_cache[model] = _parent_ids(model, ids)
    children_of = {}
    for child, parent in parents_cache[model].items():
        children_of.setdefault(parent, []).append(child)
    rows = facet_rows(source, candidates, list(children_of), parents_cache)
    return [
        (value, label, child, aliased)
        for value, label, parent, aliased in rows
        for child in children_of.get(parent, ())
    ]


def compute_facets(hits, selected, extra_types=()):
    """Facets over all hits, and the ids kept by the selected values. Unknown values
    (not offered by any facet) are dropped and reported. `extra_types` are type options
    for results that are not pages (places): choosing only those keeps no page."""
    type_counts = Counter(ct for _pk, ct in hits)
    models = _models_for(type_counts)
    ids_by_type = {}
    for pk, ct in hits:
        ids_by_type.setdefault(ct, []).append(pk)

    facets, keep, ignored = [], None, []
    type_facet = Facet("type", str(_("Type de contenu")))
    for ct, count in type_counts.most_common():
        model = models.get(ct)
        if model is None:
            continue
        value = model._meta.label_lower
        type_facet.options.append(
            FacetOption(value, str(model._meta.verbose_name).capitalize(), count)
        )
    type_facet.options.extend(extra_types)
    facets.append(type_facet)

    per_facet_ids = {}
    parents_cache = {}
    for facet_def in FACETS:
        values = {}
        for ct, model in models.items():
            rows = facet_rows(model, facet_def.candidates, ids_by_type[ct], parents_cache)
            for value, label, pk, aliased in rows:
                entry = values.setdefault(value, [label, set(), aliased])
                if entry[2] and not aliased:  # the label of the type that owns the value
                    entry[0], entry[2] = label, False
                entry[1].add(pk)
        if not values:
            continue
        facet = Facet(facet_def.key, str(facet_def.label))
        ordered = sorted(values.items(), key=lambda kv: (-len(kv[1][1]), kv[1][0]))
        for value, (label, pks, _aliased) in ordered:
            facet.options.append(FacetOption(value, label, len(pks)))
            per_facet_ids[(facet_def.key, value)] = pks
        facets.append(facet)

    type_ids = {m._meta.label_lower: set(ids_by_type[ct]) for ct, m in models.items()}
    for facet in facets:
        chosen = selected.get(facet.key, [])
        offered = {o.value for o in facet.options}
        matched = set()
        any_valid = False
        for value in chosen:
            if value not in offered:
                ignored.append(value)
                continue
            any_valid = True
            matched |= (
                type_ids.get(value, set())
                if facet.key == "type"
                else per_facet_ids.get((facet.key, value), set())
            )
        for option in facet.options:
            option.selected = option.value in chosen
        if any_valid:
            keep = matched if keep is None else keep & matched
    for key, values in selected.items():
        if key not in {f.key for f in facets}:
            ignored.extend(values)
    return facets, keep, ignored


# --- Search ----------------------------------------------------------------------------


def base_queryset(locale):
    return Page.objects.live().public().filter(locale=locale, depth__gt=1)


def run_query(query, locale):
    """[(page id, content type id)] in relevance order, at most MAX_HITS."""
    if query is None:
        return []
    backend = backend_for(locale)
    results = base_queryset(locale).search(query, order_by_relevance=True, backend=backend)[
        :MAX_HITS
    ]
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
    results = get_search_backend(backend_for(locale)).search(query, places)
    return list(results[:MAX_PLACES])


def place_type_option(places):
    from content.models import Place

    return FacetOption(PLACE_TYPE, str(Place._meta.verbose_name).capitalize(), len(places))


def vocabulary(locale):
    """Known words: page titles and summaries of the locale, plus synonyms."""
    words = set()
    for title in base_queryset(locale).values_list("title", flat=True):
        words.update(normalise_term(w) for w in query_words(title))
    for group in synonym_groups(locale):
        for variant in group:
            words.update(variant)
    return {w for w in words if len(w) > 2 and not w.isdigit()}


def _postgres_candidate_words(word, locale):
    from django.contrib.postgres.search import TrigramWordSimilarity

    titles = (
        base_queryset(locale)
        .annotate(sim=TrigramWordSimilarity(word, "title"))
        .filter(sim__gt=0.4)
        .order_by("-sim")
        .values_list("title", flat=True)[:20]
    )
    words = set()
    for title in titles:
        words.update(normalise_term(w) for w in query_words(title))
    return words


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
        if not candidates:
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


def promoted_pages(text, locale):
    try:
        from wagtail.contrib.search_promotions.models import Query
    except ImportError:  # pragma: no cover
        return []
    q = Query.objects.filter(query_string=normalise_query(text)).first()
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
    outcome.facets, keep, outcome.ignored_filters = compute_facets(hits, selected, extra)
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


# --- Presentation ----------------------------------------------------------------------


def excerpt(text, query_text, width=220):
    """Plain-text excerpt around the first query word, matches wrapped in <mark>. Matching
    ignores accents and case, and accepts a common prefix (a rough stem)."""
    if not text:
        return ""
    text = " ".join(text.split())
    folded = strip_accents(text).lower()
    stems = [normalise_term(w)[: max(4, len(w) - 2)] for w in query_words(query_text)]
    stems = [s for s in stems if len(s) >= 2]
    if not stems:
        return conditional_escape(text[:width] + ("…" if len(text) > width else ""))
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*")
    first = pattern.search(folded)
    start = 0 if first is None else max(0, first.start() - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces, pos = [], start
    for m in pattern.finditer(folded, start, end):
        m_end = min(m.end(), end)
        pieces.append(conditional_escape(text[pos : m.start()]))
        pieces.append(mark_safe(f"<mark>{conditional_escape(text[m.start() : m_end])}</mark>"))
        pos = m_end
    pieces.append(conditional_escape(text[pos:end]))
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(str(p) for p in pieces) + suffix)


def page_text(page):
    """The page's searchable text besides title and summary (its `SearchField`s), as plain
    text, for excerpts. Works with any backend (nothing is read back from the index)."""
    from django.utils.html import strip_tags
    from wagtail.search import index

    parts = []
    for fld in page.get_search_fields():
        if not isinstance(fld, index.SearchField):
            continue
        name = fld.field_name
        if name in ("title", "summary") or not isinstance(name, str):
            continue
        value = getattr(page, name, None)
        if value is None:
            continue
        if hasattr(value, "stream_block"):
            parts.extend(str(t) for t in value.stream_block.get_searchable_content(value))
        elif isinstance(value, str):
            parts.append(value)
    return " ".join(strip_tags(p) for p in parts)


def body_texts(pages):
    return {page.pk: page_text(page) for page in pages}


def result_labels(page):
    """Type, level and audience labels for a result, from whatever the page type has."""
    labels = {"type": getattr(page, "search_result_label", None) or page._meta.verbose_name}
    level = model_field(type(page), ("level",))
    if level is not None and getattr(page, "level", None):
        labels["level"] = getattr(page, "get_level_display", lambda: page.level)()
    audiences = model_field(type(page), ("audiences",))
    if audiences is not None:
        labels["audiences"] = [str(a) for a in page.audiences.all()]
    return labels


def facet_counts_for_ids(ids):
    """Number of pages per content type for ids (used by tests and the admin report)."""
    return dict(
        Page.objects.filter(pk__in=ids)
        .values_list("content_type")
        .annotate(n=Count("pk"))
        .values_list("content_type", "n")
    )


def get_model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None
