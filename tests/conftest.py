"""Shared fixtures. The demo site is loaded once per test database and reloaded if a
transactional test flushed it, so every test can rely on it."""

import io
import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; Django's ORM is still used
# synchronously around it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def ensure_demo_site():
    from content.models import HomePage

    if not HomePage.objects.filter(slug="accueil").exists():
        call_command("load_demo", stdout=io.StringIO())
        # Editorial groups and the French workflow, as `make setup` leaves them.
        call_command("setup_organisations", stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """The test database, always created (pytest-django only creates it when a selected test
    is marked `django_db`; the browser tests are not, since their server thread needs the
    data committed), then the demo site in it."""
    from django.test.utils import setup_databases, teardown_databases

    keepdb = request.config.getoption("reuse_db", False)
    with django_db_blocker.unblock():
        databases = setup_databases(
            verbosity=0, interactive=False, aliases={"default"}, keepdb=keepdb
        )
        ensure_demo_site()
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
