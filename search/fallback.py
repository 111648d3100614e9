"""Search that survives Elasticsearch being away.

With ELASTICSEARCH_URL set, the settings also declare a "fallback" backend: the database
index, which Wagtail keeps up to date beside Elasticsearch. When a query to Elasticsearch
fails (server down, timeout, missing index), the same search runs again on the fallback
and the page says its results come from the simpler search (docs/resilience.md).
"""

import contextvars
import logging

from django.conf import settings

logger = logging.getLogger(__name__)

FALLBACK = "fallback"
_backend = contextvars.ContextVar("capnum_search_backend", default="default")


def backend_name():
    """The search backend the current search uses ("default", or "fallback" once the
    default has failed)."""
    return _backend.get()


def backend_for(locale):
    """The backend for a search in that locale: with Elasticsearch, the index of its
    language ("default_<code>", settings.base.search_backend_settings) while the default
    answers; otherwise the current backend (the database one holds every language)."""
    name = backend_name()
    code = getattr(locale, "language_code", None)
    if name == "default" and code and code != settings.LANGUAGE_CODE:
        candidate = f"default_{code}"
        if candidate in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}):
            return candidate
    return name


def unavailable_errors():
    """Exceptions meaning the search service cannot answer (not a bug in our query)."""
    errors = [ConnectionError, TimeoutError]
    try:
        from elastic_transport import TransportError
        from elasticsearch import ApiError
    except ImportError:  # pragma: no cover - elasticsearch is a dependency
        return tuple(errors)
    return (*errors, TransportError, ApiError)


def has_fallback():
    return FALLBACK in getattr(settings, "WAGTAILSEARCH_BACKENDS", {})


def run_with_fallback(func, *args, **kwargs):
    """``(func(*args, **kwargs), degraded)``: degraded is True when the default backend
    failed and the answer comes from the fallback backend."""
    try:
        return func(*args, **kwargs), False
    except unavailable_errors() as exc:
        if not has_fallback():
            raise
        logger.warning("Search backend unavailable, answering from the database: %r", exc)
    token = _backend.set(FALLBACK)
    try:
        return func(*args, **kwargs), True
    finally:
        _backend.reset(token)
