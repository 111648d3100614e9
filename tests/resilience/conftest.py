"""The four-gunicorn test (test_sqlite_workers.py) needs a migrated SQLite file. On PostgreSQL
that is a `migrate` of its own (about 20 s of CPU in a subprocess): started here as soon as the
test is collected, it runs on the second core while the session migrates and loads the test
database, instead of after them (docs/testing.md)."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_FIXTURE = "migrated_sqlite_template"

# The migrate under way or done: {"process", "template", "log"}.
BACKGROUND = {}


def server_env(database):
    ignored = {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "ELASTICSEARCH_URL", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env.update(
        {
            # The embedded set-up as `make run` leaves it, served by gunicorn.
            "DJANGO_SETTINGS_MODULE": "capnum.settings.dev",
            "DEBUG": "false",
            "SECRET_KEY": "sqlite-workers-test-key",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{database}",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            # All 20 visitors come from 127.0.0.1: room for them under the per-client limits,
            # whose counters still write to the same SQLite file (docs/protections.md).
            "RATE_LIMIT_REGISTRATION": "100/h",
            "RATE_LIMIT_REGISTRATION_POST": "100/h",
        }
    )
    return env


def start_migrate():
    folder = Path(tempfile.mkdtemp(prefix="capnum-sqlite-template-"))
    template = folder / "template.sqlite3"
    log = (folder / "migrate.log").open("w")
    BACKGROUND.update(
        folder=folder,
        template=template,
        log=log,
        process=subprocess.Popen(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=ROOT,
            env=server_env(template),
            stdout=log,
            stderr=subprocess.STDOUT,
        ),
    )


def finish_migrate():
    """The migrated template's path, once the background `migrate` has ended (started now if
    the session did not start it)."""
    if not BACKGROUND:
        start_migrate()
    process = BACKGROUND["process"]
    process.wait(timeout=300)
    BACKGROUND["log"].close()
    if process.returncode != 0:
        output = (BACKGROUND["folder"] / "migrate.log").read_text()
        raise AssertionError(f"migrate of the SQLite template failed:\n{output}")
    return BACKGROUND["template"]


def pytest_collection_finish(session):
    """Under pytest-xdist every worker collects every test but one runs it: each would migrate
    for nothing, so there the template is made when the test asks for it."""
    from django.db import connection

    if session.config.option.collectonly or connection.vendor == "sqlite":
        return
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    if any(TEMPLATE_FIXTURE in getattr(item, "fixturenames", ()) for item in session.items):
        start_migrate()


def pytest_sessionfinish(session):
    if not BACKGROUND:
        return
    process = BACKGROUND["process"]
    if process.poll() is None:  # the test did not run to its end (-x, interrupted)
        process.kill()
        process.wait()
    BACKGROUND["log"].close()
    shutil.rmtree(BACKGROUND["folder"], ignore_errors=True)
