"""PostgreSQL only (a no-op on SQLite): one text search configuration per content language,
`capnum_<dictionary>` (unaccent, then that language's Snowball stemmer; its stop words), like
`capnum_french` (0002). Created for every language search.languages knows, so adding a
language to CONTENT_LANGUAGES needs no migration. A server without one of these dictionaries
gets that configuration as a copy of `capnum_simple` (folded, unstemmed words), never the
French stemmer.

The list is written here, not imported, so this migration stays what it was when later code
changes. After changing a configuration run `manage.py update_index`.
"""

from django.db import migrations

DICTIONARIES = [
    "english",
    "spanish",
    "portuguese",
    "italian",
    "german",
    "dutch",
    "greek",
    "romanian",
    "catalan",
    "danish",
    "finnish",
    "hungarian",
    "swedish",
    "norwegian",
    "russian",
    "turkish",
    "lithuanian",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        available = {row[0] for row in cursor.fetchall()}
    for name in DICTIONARIES:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS capnum_{name}")
        if name in available:
            schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION capnum_{name} (COPY = {name})")
            schema_editor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION capnum_{name} ALTER MAPPING FOR "
                f"hword, hword_part, word WITH unaccent, {name}_stem"
            )
        else:
            schema_editor.execute(
                f"CREATE TEXT SEARCH CONFIGURATION capnum_{name} (COPY = capnum_simple)"
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in DICTIONARIES:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS capnum_{name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_mask_logged_queries")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
