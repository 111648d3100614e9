"""Backup and restore (docs/backups.md), as an operator runs them: the test database (the demo
site) and a media folder are backed up with django-dbbackup's commands, restored into a fresh
database and an empty media folder, and a separate process then serves the site from them.
On PostgreSQL (CI) this is pg_dump/pg_restore; on SQLite, SQLite's online backup."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection
from wagtail.models import Page

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.django_db

BACKUP = """
import django
django.setup()
from django.core.management import call_command
call_command("dbbackup", compress=True, output_filename="db.dump.gz")
call_command("mediabackup", compress=True, output_filename="media.tar.gz")
"""

RESTORE = """
import django
django.setup()
from django.core.management import call_command
call_command("dbrestore", uncompress=True, input_filename="db.dump.gz", interactive=False)
call_command("mediarestore", uncompress=True, input_filename="media.tar.gz", interactive=False)
"""

SERVE = """
import json, re
import django
django.setup()
from django.test import Client
from wagtail.models import Page
client = Client()
home = client.get("/")
media = client.get("/media/documents/preuve-de-sauvegarde.txt")
print(json.dumps({
    "home": home.status_code,
    "title": re.search(r"<title>(.*?)</title>", home.content.decode()).group(1),
    "pages": Page.objects.count(),
    "media": media.status_code,
    "media_body": b"".join(media.streaming_content).decode() if media.status_code == 200 else "",
}))
"""


def database_url(settings_dict, name=None):
    if connection.vendor == "sqlite":
        return f"sqlite:///{name or settings_dict['NAME']}"
    user = settings_dict["USER"] or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{name or settings_dict['NAME']}"


def run(script, env):
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database beside the test one (a new SQLite file, or a new PostgreSQL database
    dropped afterwards)."""
    if connection.vendor == "sqlite":
        yield str(tmp_path / "restored.sqlite3")
        return
    import psycopg

    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    admin_url = database_url(settings_dict, "postgres").replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_backup_restored_into_a_fresh_database_serves_the_site(tmp_path, fresh_database):
    source_media = tmp_path / "media"
    (source_media / "documents").mkdir(parents=True)
    (source_media / "documents" / "preuve-de-sauvegarde.txt").write_text("Sauvegardé le 3/12.")
    ignored = {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "ELASTICSEARCH_URL", "DATABASE_URL"}
    base_env = {k: v for k, v in os.environ.items() if k not in ignored}
    base_env.update(
        {
            # What an operator's server runs (no page cache shared with the source: a Redis
            # could answer the home page without the restored database).
            "DJANGO_SETTINGS_MODULE": "capnum.settings.dev",
            "DEBUG": "false",
            "SECRET_KEY": "backup-test-key",
            "ALLOWED_HOSTS": "testserver",
            "SERVE_MEDIA": "true",
            "BACKUP_DIR": str(tmp_path / "backups"),
        }
    )
    source_pages = Page.objects.count()

    run(
        BACKUP,
        {
            **base_env,
            "DATABASE_URL": database_url(connection.settings_dict),
            "MEDIA_ROOT": str(source_media),
        },
    )
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == [
        "db.dump.gz",
        "db.dump.gz.metadata",
        "media.tar.gz",
    ]
    assert oct((tmp_path / "backups" / "db.dump.gz").stat().st_mode & 0o777) == "0o600"

    restored_env = {
        **base_env,
        "DATABASE_URL": database_url(connection.settings_dict, fresh_database),
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
    }
    run(RESTORE, restored_env)
    served = json.loads(run(SERVE, restored_env).strip().splitlines()[-1])

    assert served["home"] == 200
    assert served["title"].startswith("Le numérique pour tous dans le Boulonnais")
    assert served["pages"] == source_pages > 10
    assert served["media"] == 200 and served["media_body"] == "Sauvegardé le 3/12."
