"""PostgreSQL only (a no-op on SQLite): French text search and the speed fix.

* extensions ``unaccent`` (accent-insensitive search) and ``pg_trgm`` ("did you mean");
* text search configurations ``capnum_french`` (unaccent then French snowball stemmer,
  French stop words) and ``capnum_simple`` (unaccent, no stemming: autocomplete);
* a GIN index on ``(title || body)`` of ``wagtailsearch_indexentry``: the exact expression
  the database backend filters on. Without it every query is a sequential scan of the
  index table (~270 ms at 10 000 pages);
* a trigram index on page titles for suggestions.

After changing a configuration, run ``manage.py update_index`` (stored vectors are built
with the configuration in force when the page was indexed).
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS capnum_french",
    "CREATE TEXT SEARCH CONFIGURATION capnum_french (COPY = french)",
    "ALTER TEXT SEARCH CONFIGURATION capnum_french ALTER MAPPING FOR "
    "hword, hword_part, word WITH unaccent, french_stem",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS capnum_simple",
    "CREATE TEXT SEARCH CONFIGURATION capnum_simple (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION capnum_simple ALTER MAPPING FOR "
    "hword, hword_part, word WITH unaccent, simple",
    "CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin "
    "ON wagtailsearch_indexentry USING gin ((title || body))",
    "CREATE INDEX IF NOT EXISTS search_page_title_trgm "
    "ON wagtailcore_page USING gin (lower(title) gin_trgm_ops)",
    # Keep the tsvectors inline (not TOASTed): ranking reads them for every match.
    "ALTER TABLE wagtailsearch_indexentry ALTER COLUMN title SET STORAGE MAIN, "
    "ALTER COLUMN body SET STORAGE MAIN, ALTER COLUMN autocomplete SET STORAGE MAIN",
    "ANALYZE wagtailsearch_indexentry",
]

BACKWARD = [
    "ALTER TABLE wagtailsearch_indexentry ALTER COLUMN title SET STORAGE EXTENDED, "
    "ALTER COLUMN body SET STORAGE EXTENDED, ALTER COLUMN autocomplete SET STORAGE EXTENDED",
    "DROP INDEX IF EXISTS search_page_title_trgm",
    "DROP INDEX IF EXISTS search_indexentry_title_body_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS capnum_simple",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS capnum_french",
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
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
