"""Optional services away: with REDIS_URL and ELASTICSEARCH_URL pointing where nothing
listens, the site still serves and keeps what visitors send. The settings are built by the
same functions production uses (capnum.settings.base), not the test suite's local memory."""

import logging
import socket

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings

from campaigns.models import Registration
from capnum.settings.base import cache_settings, search_backend_settings
from lessons.models import LessonPage
from tests.events.factories import make_agenda, make_event

pytestmark = pytest.mark.django_db


def closed_port():
    """A local port nothing listens on (bound then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def services_down():
    port_redis, port_es = closed_port(), closed_port()
    engine = connection.settings_dict["ENGINE"]
    with override_settings(
        CACHES=cache_settings(f"redis://127.0.0.1:{port_redis}/0"),
        WAGTAILSEARCH_BACKENDS=search_backend_settings(f"http://127.0.0.1:{port_es}", engine),
        # The page cache on, as in production: it is the first thing a request asks Redis.
        PAGE_CACHE_TIMEOUT=300,
    ):
        yield


def test_the_former_cache_settings_failed_every_page(client):
    """The problem reproduced: Django's own Redis backend raises on every page when Redis
    is away (the site-root paths and the page cache ask it first)."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    stock = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    with (
        override_settings(CACHES=stock, PAGE_CACHE_TIMEOUT=300),
        pytest.raises(RedisConnectionError),
    ):
        client.get("/")


def test_settings_build_a_fail_soft_redis_cache_and_a_database_fallback():
    caches = cache_settings("redis://127.0.0.1:6379/0")
    assert caches["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert caches["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    backends = search_backend_settings("http://127.0.0.1:9200", "django.db.backends.postgresql")
    assert backends["default"]["BACKEND"] == "search.elasticsearch"
    assert backends["fallback"]["SEARCH_CONFIG"] == "capnum_french"
    assert "fallback" not in search_backend_settings(None, "django.db.backends.sqlite3")


def test_home_lesson_and_search_answer_while_redis_and_elasticsearch_are_away(
    client, services_down, caplog
):
    lesson = LessonPage.objects.live().first()
    with caplog.at_level(logging.WARNING):
        assert client.get("/").status_code == 200
        assert client.get(lesson.url).status_code == 200
        response = client.get("/recherche/", {"q": "mot de passe"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le moteur de recherche complet est momentanément indisponible" in html
    assert "search-result__title" in html  # answered from the database index
    # Both outages are logged for the operator, not hidden.
    loggers = {record.name for record in caplog.records}
    assert "capnum.cache" in loggers
    assert "search.fallback" in loggers


def test_registration_is_kept_while_redis_is_away(client, home, services_down):
    event = make_event(make_agenda(home), capacity=5)
    occurrence = event.occurrences.get()
    url = event.url + event.reverse_subpage("register", args=[occurrence.pk])
    response = client.post(
        url,
        {"name": "Marie Dupont", "email": "marie@example.org", "seats": "1", "consent": "on"},
    )
    assert response.status_code == 302
    assert Registration.objects.filter(email="marie@example.org").exists()
    assert client.get(response["Location"]).status_code == 200


def test_search_without_fallback_still_raises_real_errors(client, services_down):
    """The fallback is for an unreachable service only: with no fallback configured the
    error is not swallowed (an operator must see a misconfiguration)."""
    from search.fallback import run_with_fallback

    def broken():
        raise ConnectionError("down")

    only_default = {"default": {"BACKEND": "search.backends"}}
    with override_settings(WAGTAILSEARCH_BACKENDS=only_default), pytest.raises(ConnectionError):
        run_with_fallback(broken)
    assert run_with_fallback(lambda: "ok") == ("ok", False)


REAL_REDIS = "redis://127.0.0.1:6379/5"


def redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379 (CI starts one)")
@pytest.mark.xdist_group("redis-db-5")  # empties REAL_REDIS: never beside another test using it
def test_page_cache_uses_redis_when_it_is_up(client):
    with override_settings(CACHES=cache_settings(REAL_REDIS), PAGE_CACHE_TIMEOUT=300):
        cache.clear()  # our own database number only (KEY_PREFIX capnum, db 5)
        first = client.get("/")
        second = client.get("/")
        assert first.status_code == second.status_code == 200
        assert first["X-Page-Cache"] == "miss"
        assert second["X-Page-Cache"] == "hit"
        assert cache.client.get_client().dbsize() > 0
        cache.clear()
