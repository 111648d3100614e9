"""PostgreSQL only (a no-op on SQLite): what makes ranking cheap (docs/search.md, "Speed").

* ``capnum_completeness``: the completeness factor of search.backends.completeness() as a
  stored generated column of ``wagtailsearch_indexentry``. Computing it at query time read
  the whole TOASTed ``body_text`` of every matching row (most of a common word's time);
  PostgreSQL now computes it when an entry is written (indexing, publish) and keeps it right
  on every update. The formula is written here, not imported: a change of
  COMPLETE_CHARACTERS or COMPLETENESS_WEIGHT needs a new migration. Wagtail's own writes do
  not name the column, so they are unaffected.
* a btree index on it, descending: the two-phase ranking walks it to find the most complete
  matching pages without reading every match;
* an index on ``wagtailcore_page`` over ``id::varchar(50)``: index entries point at pages
  by a text ``object_id``, so looking a candidate's page up needs that expression.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE wagtailsearch_indexentry ADD COLUMN IF NOT EXISTS capnum_completeness "
    "double precision GENERATED ALWAYS AS (1.0 + LEAST(COALESCE(length(body_text), 0), 4000)"
    "::double precision * 0.0005) STORED",
    "CREATE INDEX IF NOT EXISTS search_indexentry_completeness "
    "ON wagtailsearch_indexentry (capnum_completeness DESC)",
    "CREATE INDEX IF NOT EXISTS search_page_id_text ON wagtailcore_page (((id)::varchar(50)))",
    "ANALYZE wagtailsearch_indexentry",
]

BACKWARD = [
    "DROP INDEX IF EXISTS search_page_id_text",
    "DROP INDEX IF EXISTS search_indexentry_completeness",
    "ALTER TABLE wagtailsearch_indexentry DROP COLUMN IF EXISTS capnum_completeness",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_language_configurations")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
