"""Shared fixtures. The demo site is loaded once per test database and put back (from a
snapshot of its rows) if a transactional test flushed it, so every test can rely on it."""

import contextlib
import gettext
import io
import os
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; Django's ORM is still used
# synchronously around it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_sessionstart(session):
    """Compile the project's message catalogues when a .po is newer than its .mo, as
    `make setup` and `make test` do (`compilemessages`): the French catalogue carries the
    plural rule (« 0 résultat »), so a suite run straight through pytest needs it too."""
    from django.conf import settings
    from django.utils.translation import trans_real

    compiled = False
    for locale_path in settings.LOCALE_PATHS:
        for po in Path(locale_path).glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], check=True)
                compiled = True
    if compiled:  # catalogues read before this point are cached, by Django and by gettext
        gettext._translations.clear()
        trans_real._translations = {}
        trans_real._default = None


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups (--dist loadgroup)
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist, the tests of a module with a module-scoped fixture go to one worker:
    the fixture is built once, and never twice at the same moment (the catalogue's makemessages
    writes temporary files beside the templates). An explicit xdist_group wins."""
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        if info is None or item.get_closest_marker("xdist_group"):
            continue
        if any(
            definitions[-1].scope == "module"
            for name in info.names_closure
            if (definitions := info.name2fixturedefs.get(name))
        ):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def ensure_demo_site():
    from content.models import HomePage

    if HomePage.objects.filter(slug="accueil").exists():
        return
    if DEMO_SNAPSHOT:
        restore_demo_snapshot()
        return
    # French only: many tests submit French pages to English themselves; the English demo
    # pages are loaded by the tests about them (tests/translation/test_english_demo.py).
    call_command("load_demo", english=False, stdout=io.StringIO())
    # Editorial groups and the French workflow, as `make setup` leaves them.
    call_command("setup_organisations", stdout=io.StringIO())


# Every row of the test database once the demo is loaded, taken at the start of the session:
# a transactional test's flush empties the database, and putting these rows back takes a few
# seconds where loading the demo again takes about a minute (docs/testing.md).
DEMO_SNAPSHOT = []


def serialized_models():
    """The models Django's own serialized rollback covers (BaseDatabaseCreation's
    serialize_db_to_string), content types first: Wagtail's Page and Task fill in their
    content type when built, which would create a content type before the saved one comes."""
    from django.apps import apps
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, router
    from django.db.migrations.loader import MigrationLoader

    migrated = MigrationLoader(connection).migrated_apps
    found = [
        model
        for app_config in apps.get_app_configs()
        if app_config.models_module is not None
        and app_config.label in migrated
        and app_config.name not in settings.TEST_NON_SERIALIZED_APPS
        for model in app_config.get_models()
        if model._meta.can_migrate(connection)
        and router.allow_migrate_model(connection.alias, model)
    ]
    return sorted(found, key=lambda model: model is not ContentType)


def take_demo_snapshot():
    """The "python" serializer, not JSON: JSON keeps milliseconds only, and tests compare
    timestamps (a translation is out of date when its source was published after it)."""
    from django.core import serializers

    DEMO_SNAPSHOT[:] = serializers.serialize(
        "python",
        (
            obj
            for model in serialized_models()
            for obj in model._base_manager.order_by(model._meta.pk.name).iterator()
        ),
    )


def restore_demo_snapshot():
    """The snapshot's rows, with their primary keys, into an emptied database. The flush after a
    transactional test runs post_migrate (content types, permissions), hence a second flush
    without it; sequences are not reset, so new rows never take a restored row's key."""
    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from django.core.cache import cache
    from django.db import connection, transaction

    call_command(
        "flush",
        interactive=False,
        inhibit_post_migrate=True,
        reset_sequences=False,
        verbosity=0,
    )
    tables = set()
    with transaction.atomic(), connection.constraint_checks_disabled():
        for obj in serializers.deserialize("python", DEMO_SNAPSHOT):
            obj.save()
            tables.add(obj.object._meta.db_table)
        connection.check_constraints(table_names=sorted(tables))
    # Cached rows of the emptied database: content types by key, Wagtail's site root paths.
    ContentType.objects.clear_cache()
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_modify_db_settings, django_db_blocker
):
    """The test database, always created (pytest-django only creates it when a selected test
    is marked `django_db`; the browser tests are not, since their server thread needs the
    data committed), then the demo site in it. Under pytest-xdist each worker has its own
    (django_db_modify_db_settings adds the worker's name to the database's)."""
    from django.test.utils import setup_databases, teardown_databases

    keepdb = request.config.getoption("reuse_db", False)
    with django_db_blocker.unblock():
        # Not serialized before the demo is in: take_demo_snapshot() does it after.
        databases = setup_databases(
            verbosity=0,
            interactive=False,
            aliases={"default"},
            keepdb=keepdb,
            serialized_aliases=set(),
        )
        ensure_demo_site()
        take_demo_snapshot()
    yield
    if keepdb:
        return
    with django_db_blocker.unblock():
        close_server_connections()
        teardown_databases(databases, verbosity=0)


def close_server_connections():
    """The browser tests' server threads may still hold a database connection (a keep-alive
    request thread outlives the server); PostgreSQL refuses to drop a database in use."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        connection.close()


@pytest.fixture
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, committed (visible to the browser tests' server thread). The database
    stays reachable for the whole test, since the server thread serves from it."""
    from content.demo import get_home

    with django_db_blocker.unblock():
        ensure_demo_site()
        yield get_home()


@pytest.fixture
def home(db):
    from content.demo import get_home

    return get_home()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's language. A request through the test client leaves
    the language LocaleMiddleware chose active in the thread (an English page leaves
    English), and gettext outside a request (commands, reports) would then answer in it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_config_cache():
    """The configuration cache (content/config_cache.py: site, settings, menu) holds rows of
    the test database, which each test rolls back: every test starts with a new generation,
    as a new deployment would."""
    from content.config_cache import new_generation

    new_generation()


@pytest.fixture(autouse=True)
def fresh_redis_counters():
    """With REDIS_URL (CI), rate-limit counters live in Redis and outlive a test, and even a
    CI run: each test starts with none, as it does with the database counters (rolled back)."""
    from django.core.cache import caches
    from django_redis.cache import RedisCache

    counters = caches["ratelimit"]
    if isinstance(counters, RedisCache):
        # Redis away: its counters cannot leak into this test either.
        with contextlib.suppress(Exception):
            counters.delete_pattern("*")
    yield
