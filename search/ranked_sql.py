"""The PostgreSQL ranking query written as SQL, not built through Django's ORM.

The ranking statement (search/backends.py: one phase on a small index, two phases on a large
one) has the same shape for every search; only the words change. Building it as a queryset
and compiling it cost 7.5 to 11 ms of Python a search at 10 000 pages (bench/search.py,
docs/notes/issue-21-search-bench.md), more than PostgreSQL took to plan and run it for most
words. Here the parts that depend on the words (the tsqueries) are compiled by Django, and
the rest is text: the same statement, the same order, about a millisecond of Python.

Only what the search page runs takes this path: a relevance-ordered search of a model whose
queryset filters its own table (no join), over the index entries (no `fields=`), without a
score annotation. Everything else goes through the ORM path, which stays the reference
(tests/search/test_ranking_speed.py compares the two).
"""

from django.db import connection

ENTRY_TABLE = "wagtailsearch_indexentry"


def _quote(name):
    return connection.ops.quote_name(name)


def filters_own_table_only(queryset):
    """True when the queryset's WHERE clause reads its own table only (joins Django trimmed
    have no references left), so it can be written after `FROM <table>` as it is."""
    query = queryset.query
    table = queryset.model._meta.db_table
    return all(alias == table or not query.alias_refcount.get(alias) for alias in query.alias_map)


def where_clause(queryset):
    """(sql, params) of the queryset's WHERE clause, its own table named as in the database."""
    query = queryset.query
    if not query.where:
        return "TRUE", []
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    return sql or "TRUE", list(params)


class RankedSQL:
    """SQL for one search, from a modelsearch PostgreSQL query compiler."""

    def __init__(self, compiler, config):
        # The constants are read at search time (tests change the candidate limits).
        from search import backends

        self.compiler = compiler
        self.config = config
        self.backends = backends
        self.queryset = compiler.queryset
        self.model = self.queryset.model
        self.sql_compiler = self.queryset.query.get_compiler(connection=connection)

    @classmethod
    def applies(cls, compiler):
        from modelsearch.query import Fuzzy, MatchAll, Not

        query = compiler.query
        if isinstance(query, (MatchAll, Fuzzy)) or (
            isinstance(query, Not) and isinstance(query.subquery, MatchAll)
        ):
            return False
        django_query = compiler.queryset.query
        return (
            compiler.order_by_relevance
            and compiler.fields is None
            and not django_query.is_sliced
            and not django_query.distinct
            and filters_own_table_only(compiler.queryset)
            and not django_query.annotations
        )

    # --- The parts Django compiles --------------------------------------------------------

    def compile(self, expression):
        resolved = expression.resolve_expression(self.queryset.query, allow_joins=False)
        return self.sql_compiler.compile(resolved)

    def tsquery(self, query):
        return self.compile(self.compiler.build_tsquery(query, config=self.config))

    # --- The rank, as modelsearch's build_tsrank writes it --------------------------------

    def tsrank(self, vector, query, boost=1.0):
        from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

        if isinstance(query, (Phrase, PlainText, Not)):
            sql, params = self.tsquery(query)
            rank = f"ts_rank(%s::float4[], {vector}, {sql})"
            params = [self.compiler.sql_weights, *params]
            if boost != 1.0:
                rank, params = f"({rank} * %s)", [*params, boost]
            return rank, params
        if isinstance(query, Boost):
            return self.tsrank(vector, query.subquery, boost * query.boost)
        parts = [self.tsrank(vector, sub, boost) for sub in query.subqueries]
        params = [p for _sql, ps in parts for p in ps]
        if isinstance(query, And):
            return "(" + " * ".join(f"(1 + {sql})" for sql, _ in parts) + " - 1)", params
        if isinstance(query, Or):
            total = " + ".join(sql for sql, _ in parts) or "0"
            return f"(({total}) / {len(parts) or 1})", params
        raise NotImplementedError(type(query).__name__)

    def rank(self, entry):
        """title rank × title_norm + body rank, × completeness × page type (the ORM path's
        rank expression, search/backends.py)."""
        title, title_params = self.tsrank(f"{entry}.{_quote('title')}", self.compiler.query)
        body, body_params = self.tsrank(f"{entry}.{_quote('body')}", self.compiler.query)
        completeness = f"{entry}.{_quote(self.backends.COMPLETENESS_COLUMN)}"
        sql = f"(({title} * {entry}.{_quote('title_norm')}) + ({body} * 1.0)) * {completeness}"
        params = [*title_params, *body_params]
        factors = self.backends._weighted_types(self.model)
        if factors:
            whens = " ".join(
                f"WHEN {entry}.{_quote('content_type_id')} = %s THEN %s" for _ in factors
            )
            sql = f"{sql} * (CASE {whens} ELSE 1.0 END)"
            params += [value for pair in factors for value in pair]
        return sql, params

    # --- The statement -------------------------------------------------------------------

    def statement(self, columns, start, stop, two_phase):
        """(sql, params) selecting `columns` ("*" or column names) of the model's table for
        the ranked rows, best first, sliced [start:stop]."""
        from modelsearch.query import Not
        from modelsearch.utils import get_descendants_content_types_pks

        table = _quote(self.model._meta.db_table)
        pk = f"{table}.{_quote(self.model._meta.pk.column)}"
        where, where_params = where_clause(self.queryset)
        content_types = list(get_descendants_content_types_pks(self.model))
        q, q_params = self.tsquery(self.compiler.query)
        title, body = _quote("title"), _quote("body")
        completeness = _quote(self.backends.COMPLETENESS_COLUMN)

        def matches(alias):
            if self.backends._any_term_query(self.compiler.query):
                return f"({alias}.{title} @@ {q} OR {alias}.{body} @@ {q})", q_params * 2
            return f"(({alias}.{title} || {alias}.{body}) @@ {q})", list(q_params)

        select = (
            f"{table}.*" if columns == "*" else ", ".join(f"{table}.{_quote(c)}" for c in columns)
        )
        rank, rank_params = self.rank("e")
        params = [content_types]
        sql = (
            f"SELECT {select} FROM {table} "
            f"INNER JOIN {ENTRY_TABLE} e ON (e.content_type_id = ANY(%s) "
            f"AND e.object_id = ({pk})::varchar(50)) "
            f"WHERE ({where}) "
        )
        params += where_params
        if two_phase:
            visible = f"SELECT ({pk})::varchar(50) FROM {table} WHERE ({where})"
            match_sql, match_params = matches("m")
            # A title without the word is no match.
            if self.backends._contains(self.compiler.query, Not):
                by_title = (
                    f"SELECT m.id FROM {ENTRY_TABLE} m WHERE m.content_type_id = ANY(%s) "
                    f"AND m.object_id IN ({visible}) AND m.{title} @@ {q} AND {match_sql}"
                )
                title_params = [content_types, *where_params, *q_params, *match_params]
            else:
                # Visible or not: see VectorAliasMixin._two_phase_search.
                by_title = (
                    f"SELECT m.id FROM {ENTRY_TABLE} m WHERE m.content_type_id = ANY(%s) "
                    f"AND m.{title} @@ {q}"
                )
                title_params = [content_types, *q_params]
            any_match = (
                f"SELECT m.id FROM {ENTRY_TABLE} m WHERE m.content_type_id = ANY(%s) "
                f"AND m.object_id IN ({visible}) AND {match_sql}"
            )
            sql += (
                f"AND e.id IN (({by_title} ORDER BY m.{completeness} DESC LIMIT %s) "
                f"UNION ALL ({any_match} ORDER BY m.{completeness} DESC LIMIT %s)) "
            )
            params += [
                *title_params,
                self.backends.TITLE_CANDIDATES,
                content_types,
                *where_params,
                *match_params,
                self.backends.CANDIDATES,
            ]
        else:
            match_sql, match_params = matches("e")
            sql += f"AND {match_sql} "
            params += match_params
        sql += f"ORDER BY {rank} DESC, {pk} DESC"
        params += rank_params
        if stop is not None:
            sql += " LIMIT %s"
            params.append(stop - (start or 0))
        if start:
            sql += " OFFSET %s"
            params.append(start)
        return sql, params
