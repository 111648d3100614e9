"""PostgreSQL only (a no-op on SQLite): the GIN indexes of the search index table write
straight into the index (``fastupdate = off``) instead of a pending list.

With the pending list (PostgreSQL's default), new entries wait unsorted until autovacuum or
a 4 MB limit merges them, and every search reads the whole list: after a reindex of 10 000
pages a word found nowhere cost 10 ms of bitmap scans reading 1 068 buffers, against
0.7 ms and 9 buffers once merged (docs/notes/issue-21-search-bench.md). This site is read far
more often than it is written: a publish pays a few index-page writes instead. The existing
lists are merged here."""

from django.db import migrations

GIN_INDEXES = """
    SELECT c.oid::regclass::text
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am a ON a.oid = c.relam
    WHERE i.indrelid = 'wagtailsearch_indexentry'::regclass AND a.amname = 'gin'
"""


def set_fastupdate(schema_editor, value):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(GIN_INDEXES)
        names = [row[0] for row in cursor.fetchall()]
    for name in names:
        schema_editor.execute(f"ALTER INDEX {name} SET (fastupdate = {value})")
        if value == "off":
            schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        set_fastupdate(schema_editor, "off")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        set_fastupdate(schema_editor, "on")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_title_trigram_gist")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
