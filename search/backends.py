"""Search backends for Cap Numérique.

`search.backends` is what settings select when the database is PostgreSQL (or SQLite: it
then returns Wagtail's stock database backend unchanged). The PostgreSQL tweak pairs with
migration 0002 (see docs/search.md, "Speed"):

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

from django.db import connection


def _postgres_classes():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.query import Fuzzy, MatchAll, Not

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
            combined = vectors[0][0]
            for vector, _boost in vectors[1:]:
                combined = combined._combine(vector, "||", False)
            queryset = self.queryset.alias(_vector_=combined).filter(_vector_=tsquery)
            return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

    class QueryCompiler(VectorAliasMixin, PostgresSearchQueryCompiler):
        pass

    class AutocompleteCompiler(VectorAliasMixin, PostgresAutocompleteQueryCompiler):
        pass

    class CapNumPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteCompiler

        def __init__(self, params):
            super().__init__(params)
            self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple")

    return CapNumPostgresSearchBackend


def SearchBackend(params):
    params = dict(params)
    if connection.vendor == "postgresql":
        return _postgres_classes()(params)
    from wagtail.search.backends.database import SearchBackend as StockBackend

    params.pop("SEARCH_CONFIG", None)
    params.pop("AUTOCOMPLETE_CONFIG", None)
    return StockBackend(params)
