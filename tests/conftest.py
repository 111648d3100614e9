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


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """The test database, always created (pytest-django only creates it when a selected test
    is marked `django_db`; the browser tests are not, since their server thread needs the
    data committed), then the demo site in it."""
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        ensure_demo_site()
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=0)


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
