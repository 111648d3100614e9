"""The scale-out components, exercised for real when the environment points at them (CI does)."""

import os
import uuid

import pytest
from django.core.cache.backends.redis import RedisCache
from django.db import connection

REDIS_URL = os.environ.get("REDIS_URL")


@pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set (CI sets it)")
def test_redis_cache_round_trip():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": f"capnum-test-{uuid.uuid4().hex}"})
    cache.set("greeting", {"fr": "Bonjour"}, timeout=30)
    assert cache.get("greeting") == {"fr": "Bonjour"}
    cache.delete("greeting")
    assert cache.get("greeting") is None


@pytest.mark.django_db
def test_database_matches_environment():
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected
