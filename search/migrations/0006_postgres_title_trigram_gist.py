"""PostgreSQL only (a no-op on SQLite): a trigram GiST index on lower(title) for the spelling
correction (search/query.py). Unlike the GIN one (0002), it returns the titles closest to a
word first (ORDER BY lower(title) <->> word LIMIT n), so a word that thousands of titles
resemble costs the few titles kept, not all of them."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS search_page_title_trgm_gist "
    "ON wagtailcore_page USING gist (lower(title) gist_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS search_page_title_trgm_gist"]


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
    dependencies = [("search", "0005_postgres_ranking_columns")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
