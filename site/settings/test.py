"""Test settings: fast hashing, in-memory e-mail, real database from DATABASE_URL when set."""

import os

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "test-only-secret-key-not-for-production"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# What the queue (content/mail.py) hands messages to, in the tests that put it back.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SERVE_MEDIA = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Rate-limit counters in the test database: rolled back with each test.
    "ratelimit": {"BACKEND": "content.ratelimit.DatabaseCounterCache"},
}
# Off for the suite (tests change rows directly, without the signals that purge); the page
# cache's own tests turn it on (tests/test_page_cache.py).
PAGE_CACHE_TIMEOUT = 0

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so the browser tests' server thread shares the data.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405

# pytest-xdist (`make test` runs two workers): each worker loads the demo into its own database
# and writes its files into its own media folder, unless a test's subprocess was given one.
if (worker := os.environ.get("PYTEST_XDIST_WORKER")) and "MEDIA_ROOT" not in os.environ:
    MEDIA_ROOT = MEDIA_ROOT / f"xdist-{worker}"  # noqa: F405
