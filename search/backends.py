"""Search backends for Cap Numérique.

`search.backends` is what settings select for the database backend, on PostgreSQL and
SQLite. The PostgreSQL tweak pairs with migration 0002 (see docs/search.md, "Speed"):

* modelsearch's PostgreSQL compiler filters on ``(title || body) @@ tsquery``. Wagtail only
  ships GIN indexes on ``title`` and ``body`` separately, so that expression was never
  indexed and every search scanned the whole index table. Migration 0002 adds a GIN index
  on exactly ``(title || body)``.
* The stock compiler *annotates* the concatenated vector, which puts it in the SELECT list:
  PostgreSQL then builds it for every matching row before sorting and slicing. Using
  ``alias()`` keeps the same WHERE clause (so the index still matches) without the
  projection.
* ``AUTOCOMPLETE_CONFIG`` is configurable (stock hard-codes ``simple``), so autocomplete
  ignores accents too.
"""

import functools

from django.db import connection

# Ranking favours complete pages: the text-match score is multiplied by a factor from 1 (a
# one-paragraph page) to 1 + COMPLETENESS_WEIGHT (COMPLETE_CHARACTERS of indexed text or
# more: a lesson), so a resident's « arnaque » finds the lesson before short pages that only
# name the word (docs/search.md, "Ranking"). bm25 and ts_rank both favour short documents.
COMPLETE_CHARACTERS = 4000
COMPLETENESS_WEIGHT = 2.0


@functools.cache
def _weighted_types(model):
    """(content type id, factor) of `model` and its subclasses that declare a
    `search_rank_factor` other than 1: read once per process, not on every search."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    return tuple(
        (ContentType.objects.get_for_model(other).pk, float(other.search_rank_factor))
        for other in apps.get_models()
        if issubclass(other, model) and getattr(other, "search_rank_factor", 1.0) != 1.0
    )


def type_factor(content_type_field, model):
    """A rank factor per page type: a type may declare `search_rank_factor` (a lesson, the
    complete answer to a resident's need, weighs more than the listings that name it).
    None when no type `model` searches declares one (the places)."""
    from django.db.models import Case, FloatField, Value, When

    whens = [
        When(**{content_type_field: pk}, then=Value(factor))
        for pk, factor in _weighted_types(model)
    ]
    if not whens:
        return None
    return Case(*whens, default=Value(1.0), output_field=FloatField())


def rank_factor(completeness_factor, content_type_field, model):
    factor = type_factor(content_type_field, model)
    return completeness_factor if factor is None else completeness_factor * factor


def completeness(body_field):
    """The completeness factor computed from the indexed text (SQLite). PostgreSQL stores
    it in the index table instead (COMPLETENESS_COLUMN, migration 0005): computing it
    reads the whole text, TOASTed, of every matching row."""
    from django.db.models import FloatField, Value
    from django.db.models.functions import Cast, Coalesce, Least, Length

    length = Least(Coalesce(Length(body_field), Value(0)), Value(COMPLETE_CHARACTERS))
    return Value(1.0) + Cast(length, FloatField()) * Value(
        COMPLETENESS_WEIGHT / COMPLETE_CHARACTERS
    )


# PostgreSQL: the completeness factor as a stored generated column of
# wagtailsearch_indexentry (migration 0005 writes the same formula as completeness()), so the
# ranking reads a float instead of the TOASTed body text of every match; PostgreSQL keeps it
# right on every insert and update of an entry (publish, reindex).
COMPLETENESS_COLUMN = "capnum_completeness"
# Two-phase ranking (PostgreSQL): at most this many pages whose title matches, and this many
# pages that match at all, are ranked exactly; see VectorAliasMixin._two_phase_search.
TITLE_CANDIDATES = 200
CANDIDATES = 500
TWO_PHASE_MAX_STOP = 500  # the search page keeps 500 hits (search.query.MAX_HITS)
# Below this many index entries one phase is cheaper: the candidates would be most of the
# matches, fetched twice (bench/search.py at 1 000 pages: two phases 2x slower).
TWO_PHASE_MIN_ENTRIES = 5000
INDEX_SIZE_SECONDS = 300  # how long a process trusts its estimate of a table's size
_table_sizes = {}  # table -> (when read, estimated rows)


def table_rows_estimate(connection, table):
    """The planner's estimate of a table's rows (pg_class.reltuples, kept by autovacuum and
    ANALYZE): one cheap query per table and process every INDEX_SIZE_SECONDS."""
    import time

    now = time.monotonic()
    known = _table_sizes.get(table)
    if known is None or now - known[0] > INDEX_SIZE_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
            row = cursor.fetchone()
        known = _table_sizes[table] = (now, max(row[0], 0) if row else 0)
    return known[1]


def index_entries_estimate(connection):
    """The planner's estimate of the number of index entries."""
    return table_rows_estimate(connection, "wagtailsearch_indexentry")


@functools.cache
def _entry_column_class():
    from django.db.models import Expression, F, FloatField

    class RawColumn(Expression):
        output_field = FloatField()

        def __init__(self, alias, column):
            super().__init__()
            self.alias, self.column = alias, column

        def as_sql(self, compiler, connection):
            alias = compiler.quote_name_unless_alias(self.alias)
            return f"{alias}.{connection.ops.quote_name(self.column)}", []

        def relabeled_clone(self, relabels):
            return RawColumn(relabels.get(self.alias, self.alias), self.column)

        def get_group_by_cols(self):
            return [self]

    class EntryColumn(Expression):
        """A column of wagtailsearch_indexentry that Wagtail's IndexEntry model does not
        declare, reached through `prefix` ("index_entries__" from the searched model, ""
        from IndexEntry): the join is the one of a declared column of the same table."""

        output_field = FloatField()

        def __init__(self, prefix, column):
            super().__init__()
            self.prefix, self.column = prefix, column

        def resolve_expression(
            self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
        ):
            col = F(f"{self.prefix}title_norm").resolve_expression(
                query, allow_joins, reuse, summarize, for_save
            )
            return RawColumn(col.alias, self.column)

    return EntryColumn


def EntryColumn(prefix, column):
    return _entry_column_class()(prefix, column)


def _any_term_query(query):
    """True for a query that matches where any one of its terms is: one term, or terms joined
    by OR (terms are split as modelsearch splits them). Such a query matches ``title ||
    body`` exactly when it matches ``title`` or ``body``; a query with AND, NOT or a phrase
    may match the concatenation only."""
    import re

    from modelsearch.query import Boost, Or, PlainText

    if isinstance(query, PlainText):
        terms = [t for t in re.split(r"[\s\-]+", query.query_string) if t]
        return len(terms) <= 1 or query.operator == "or"
    if isinstance(query, Boost):
        return _any_term_query(query.subquery)
    if isinstance(query, Or):
        return all(_any_term_query(child) for child in query.subqueries)
    return False


def _contains(query, kind):
    if isinstance(query, kind):
        return True
    children = getattr(query, "subqueries", None) or [getattr(query, "subquery", None)]
    return any(_contains(child, kind) for child in children if child is not None)


def queryset_locale_id(queryset):
    """The locale a search is restricted to (`.filter(locale=…)` at the top level of its
    WHERE clause, as search.query.base_queryset does), or None."""
    where = getattr(getattr(queryset, "query", None), "where", None)
    if where is None or where.connector != "AND" or where.negated:
        return None
    for child in where.children:
        target = getattr(getattr(child, "lhs", None), "target", None)
        if (
            getattr(target, "name", None) == "locale"
            and getattr(child, "lookup_name", None) == "exact"
            and isinstance(child.rhs, int)
        ):
            return child.rhs
    return None


# Wagtail builds a backend object on every get_search_backend() call (several a search):
# the classes are built once per process.
@functools.cache
def _postgres_classes():
    import copy
    from collections import defaultdict

    from django.db.models import CharField, F, Q
    from django.db.models.functions import Cast
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from modelsearch.query import Fuzzy, MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    from search.languages import locale_language, postgres_config

    class LanguageIndex(PostgresIndex):
        """Each object's title and body vectors built with its own language's
        configuration (an English page stemmed in English), not the backend's French one."""

        def add_items(self, model, objs):
            by_config = defaultdict(list)
            for obj in objs:
                language = locale_language(getattr(obj, "locale_id", None))
                config = postgres_config(language) if language else self.backend.config
                by_config[config].append(obj)
            for config, group in by_config.items():
                if config == self.backend.config:
                    super().add_items(model, group)
                    continue
                index = copy.copy(self)
                index.backend = copy.copy(self.backend)
                index.backend.config = config
                PostgresIndex.add_items(index, model, group)

    class LanguageConfigMixin:
        """A search restricted to one locale is parsed with that language's configuration,
        the one its pages were indexed with."""

        def get_config(self, backend):
            language = locale_language(queryset_locale_id(self.queryset))
            return postgres_config(language) if language else backend.config

    class VectorAliasMixin:
        def search(self, config, start, stop, score_field=None, backend=None):
            query = self.query
            if isinstance(query, (MatchAll, Fuzzy)) or (
                isinstance(query, Not) and isinstance(query.subquery, MatchAll)
            ):
                return super().search(config, start, stop, score_field, backend)
            tsquery = self.build_tsquery(query, config=config)
            vectors = self.get_search_vectors(tsquery)
            rank = self._build_rank_expression(vectors, config)
            if self.order_by_relevance and not isinstance(self, PostgresAutocompleteQueryCompiler):
                if self._two_phase(score_field, stop):
                    return self._two_phase_search(tsquery, rank, start, stop)
                rank = rank * rank_factor(
                    EntryColumn("index_entries__", COMPLETENESS_COLUMN),
                    "index_entries__content_type_id",
                    self.queryset.model,
                )
            combined = vectors[0][0]
            for vector, _boost in vectors[1:]:
                combined = combined._combine(vector, "||", False)
            queryset = self.queryset.alias(_vector_=combined).filter(_vector_=tsquery)
            return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

        def ranked_statement(self, config, start, stop, columns):
            """(sql, params) of the ranking statement written as SQL (search/ranked_sql.py),
            or None where only the ORM path applies."""
            from search.ranked_sql import RankedSQL

            if isinstance(self, PostgresAutocompleteQueryCompiler) or not RankedSQL.applies(self):
                return None
            two_phase = self._two_phase(None, stop)
            return RankedSQL(self, config).statement(columns, start, stop, two_phase)

        def _two_phase(self, score_field, stop):
            return (
                score_field is None
                and self.fields is None
                and stop is not None
                and stop <= TWO_PHASE_MAX_STOP
                and not self.queryset.query.is_sliced
                and index_entries_estimate(connection) >= TWO_PHASE_MIN_ENTRIES
                # A small model (the places beside 10 000 pages) cannot have many matches:
                # one phase, without the candidates' union to build and plan (half the time).
                and table_rows_estimate(connection, self.queryset.model._meta.db_table)
                >= TWO_PHASE_MIN_ENTRIES
            )

        def _two_phase_search(self, tsquery, rank, start, stop):
            """Rank exactly only a bounded set of candidates (docs/search.md, "Speed"): the
            TITLE_CANDIDATES most complete pages whose title matches and the CANDIDATES most
            complete pages that match at all. Both are cheap to find (a GIN index, or the
            completeness index walked in order until enough rows match) and neither computes
            ts_rank; the exact rank (ts_rank of title and body, completeness, page type) is
            then computed for those rows only. When no more than CANDIDATES pages match, the
            second set holds them all and the order is exactly the one-phase order."""
            model = self.queryset.model
            visible = (
                self.queryset.order_by()
                .annotate(_object_id=Cast("pk", output_field=CharField(max_length=50)))
                .values("_object_id")
            )
            of_model = IndexEntry._default_manager.filter(
                content_type_id__in=get_descendants_content_types_pks(model)
            )
            entries = of_model.filter(object_id__in=visible)
            most_complete = EntryColumn("", COMPLETENESS_COLUMN).desc()
            if _any_term_query(self.query):
                # Any one of the words: a page matches in its title or its body, so the
                # two vectors are tested apart. (title || body) builds a new vector for
                # every row it tests: ~7 µs a row, when ts_match on a stored vector is ~1.
                matching = entries.filter(Q(title=tsquery) | Q(body=tsquery))
            else:
                matching = entries.alias(
                    _vector_=F("title")._combine(F("body"), "||", False)
                ).filter(_vector_=tsquery)
            # The title matches are taken among every entry of the model, visible or not:
            # checking visibility here made PostgreSQL hash the whole page table (6 of the
            # 25 ms of « numérique » at 10 000 pages); the ranking keeps visible pages only,
            # and the second set, which checks it, holds every match when CANDIDATES or
            # fewer pages match.
            by_title = of_model.filter(title=tsquery)
            if _contains(self.query, Not):  # a title without the word is not a match
                by_title = matching.filter(title=tsquery)
            candidates = (by_title.order_by(most_complete).values("id")[:TITLE_CANDIDATES]).union(
                matching.order_by(most_complete).values("id")[:CANDIDATES], all=True
            )
            rank = rank * rank_factor(
                EntryColumn("index_entries__", COMPLETENESS_COLUMN),
                "index_entries__content_type_id",
                model,
            )
            queryset = self.queryset.filter(index_entries__id__in=candidates)
            return self._apply_ordering_and_scoring(queryset, rank, start, stop)

    class QueryCompiler(LanguageConfigMixin, VectorAliasMixin, PostgresSearchQueryCompiler):
        pass

    class AutocompleteCompiler(VectorAliasMixin, PostgresAutocompleteQueryCompiler):
        pass

    class RankedResults(PostgresSearchResults):
        def ranked_statement(self, columns):
            compiler = self.query_compiler
            return compiler.ranked_statement(
                compiler.get_config(self.backend), self.start, self.stop, columns
            )

    class CapNumPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = QueryCompiler
        results_class = RankedResults
        autocomplete_query_compiler_class = AutocompleteCompiler
        index_class = LanguageIndex

        def __init__(self, params):
            super().__init__(params)
            self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple")

    return CapNumPostgresSearchBackend


@functools.cache
def _sqlite_classes():
    from django.db.models import Case, CharField, F, IntegerField, Value, When
    from django.db.models.functions import Cast
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    class SingleJoinMixin:
        """The stock compiler filters ``pk IN (FTS match)`` and ranks with a *correlated*
        subquery: SQLite then probes the FTS5 table by rowid for every candidate row and
        re-evaluates the whole MATCH expression each time (seconds to tens of seconds for
        a common word at 10 000 pages; joining page -> entry -> FTS in one query gets the
        same nested-loop plan). Here one query is rooted at the FTS table, so the MATCH
        runs once: FTS row -> index entry, restricted to the model's visible rows by a
        non-correlated ``IN (SELECT ...)`` (evaluated once), ranked by ``bm25()`` and
        sliced. The objects are then fetched by pk in that order."""

        def get_index_vectors(self):
            # Relative to the FTS model; only the boost part is used (bm25() ignores the
            # vector).
            return [(None, F("index_entry__title_norm")), (None, 1.0)]

        def search(self, config, start, stop, score_field=None):
            normalized = normalize(self.query)
            if (
                isinstance(normalized, (MatchAll, Not))
                or score_field is not None
                or not self.order_by_relevance
                or self.queryset.query.is_sliced
            ):
                return super().search(config, start, stop, score_field)
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS,
                self.build_search_query(normalized, config=config),
            )
            model = self.queryset.model
            visible = self.queryset.order_by().annotate(
                _object_id=Cast("pk", output_field=CharField(max_length=50))
            )
            rank = self._build_rank_expression(self.get_search_vectors(), config)
            if not isinstance(self, SQLiteAutocompleteQueryCompiler):
                rank = rank * rank_factor(
                    completeness("index_entry__body"), "index_entry__content_type_id", model
                )  # bm25: lower is better
            ranked = (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(
                    index_entry__content_type_id__in=get_descendants_content_types_pks(model),
                    index_entry__object_id__in=visible.values("_object_id"),
                )
                .alias(_score=rank)
                .order_by("_score", "-index_entry__object_id")  # bm25(): lower is better
                .values_list("index_entry__object_id", flat=True)
            )
            to_pk = model._meta.pk.to_python
            pks = [to_pk(object_id) for object_id in ranked[start:stop]]
            if not pks:
                return self.queryset.none()
            order = Case(
                *(When(pk=pk, then=Value(i)) for i, pk in enumerate(pks)),
                output_field=IntegerField(),
            )
            return self.queryset.filter(pk__in=pks).order_by(order)

    class QueryCompiler(SingleJoinMixin, SQLiteSearchQueryCompiler):
        pass

    class AutocompleteCompiler(SingleJoinMixin, SQLiteAutocompleteQueryCompiler):
        def get_index_vectors(self):
            return [(None, 1.0)]

    class CapNumSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteCompiler

    return CapNumSQLiteSearchBackend


def SearchBackend(params):
    params = dict(params)
    if connection.vendor == "postgresql":
        return _postgres_classes()(params)
    from wagtail.search.backends.database import SearchBackend as StockBackend

    params.pop("SEARCH_CONFIG", None)
    params.pop("AUTOCOMPLETE_CONFIG", None)
    backend = StockBackend(params)
    if connection.vendor == "sqlite" and backend.__class__.__name__ == "SQLiteSearchBackend":
        return _sqlite_classes()(params)
    return backend  # e.g. SQLite without FTS5: the stock fallback backend
