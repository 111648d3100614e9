"""Per-client rate limits on public forms and counters (docs/protections.md).

The counting is django-ratelimit's (fixed windows, `cache.add` then `cache.incr`, the count
returned by the increment decides): atomic as long as the cache's `incr` is. Its cache is the
"ratelimit" alias, never the local-memory default (one count per worker process):

- with REDIS_URL, `RedisCounterCache`: Redis's INCR, shared by every worker and machine; when
  Redis is away, the same counts go to the database instead of failing open;
- without, `DatabaseCounterCache`: a row per counter (content.RateCounter), created with
  INSERT … ON CONFLICT and incremented with UPDATE … RETURNING, so several processes on one
  SQLite or PostgreSQL database share one count.
"""

import hashlib
import logging
import random
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import connection
from django_ratelimit.core import get_usage
from django_redis.cache import RedisCache

from content.clientip import client_ip

logger = logging.getLogger("capnum.ratelimit")

TABLE = "content_ratecounter"


class DatabaseCounterCache(BaseCache):
    """Just what django-ratelimit needs (add, incr, get), atomic on any database Django
    supports with ON CONFLICT and RETURNING (SQLite ≥ 3.35, PostgreSQL): each operation is
    one statement, atomic on its own, so no transaction is opened around it."""

    def __init__(self, location, params):
        super().__init__(params)

    def _expiry(self, timeout):
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        return int(time.time() + (timeout if timeout is not None else 10 * 365 * 86400))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = int(time.time())
        # An expired row of the same key is taken over; a live one is left alone.
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (key, value, expires) VALUES (%s, %s, %s) "
                f"ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                f"expires = excluded.expires WHERE {TABLE}.expires <= %s",
                [key, int(value), self._expiry(timeout), now],
            )
            added = cursor.rowcount == 1
            if added and random.random() < 0.01:
                cursor.execute(f"DELETE FROM {TABLE} WHERE expires <= %s", [now])
        return added

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {TABLE} SET value = value + %s WHERE key = %s AND expires > %s "
                f"RETURNING value",
                [int(delta), key, int(time.time())],
            )
            row = cursor.fetchone()
        if row is None:
            raise ValueError(f"Key '{key}' not found")
        return row[0]

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT value FROM {TABLE} WHERE key = %s AND expires > %s",
                [key, int(time.time())],
            )
            row = cursor.fetchone()
        return default if row is None else row[0]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (key, value, expires) VALUES (%s, %s, %s) "
                f"ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                f"expires = excluded.expires",
                [key, int(value), self._expiry(timeout)],
            )

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE key = %s", [key])
            return cursor.rowcount > 0

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")


class RedisCounterCache(RedisCache):
    """Redis counters (configured without IGNORE_EXCEPTIONS, so errors reach us) that fall
    back to the database counters while Redis is away: the limits keep holding."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.fallback = DatabaseCounterCache(None, params)

    def _try(self, name, *args, **kwargs):
        try:
            return getattr(super(), name)(*args, **kwargs)
        except ValueError:
            raise
        except Exception:
            logger.warning("Redis away: rate-limit counter kept in the database", exc_info=True)
            return getattr(self.fallback, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._try("add", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._try("incr", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._try("get", *args, **kwargs)


def _client_key(*parts):
    def key(group, request):
        # Keyed with SECRET_KEY: an address cannot be found back from its hash by trying all
        # of them. django-ratelimit hashes the whole key again for the cache key.
        raw = ":".join([settings.SECRET_KEY, client_ip(request), *map(str, parts)])
        return hashlib.sha256(raw.encode()).hexdigest()

    return key


def _value_key(value):
    def key(group, request):
        return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()

    return key


def hit(request, name, *parts, value=None):
    """Count one hit of limit `name` (settings.RATE_LIMITS) for this client (or for `value`,
    e.g. an e-mail address, instead of the client), with `parts` narrowing the counter (an
    activity, a campaign). Returns None when allowed, else the seconds until the window ends."""
    rate = settings.RATE_LIMITS.get(name)
    if not rate:
        return None
    key = _value_key(value) if value is not None else _client_key(*parts)
    usage = get_usage(request, group=f"capnum:{name}", key=key, rate=rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, usage["time_left"])
