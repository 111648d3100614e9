"""Local development: the embedded defaults (SQLite, local cache, database search, local media)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env, env_bool

DEBUG = env_bool("DEBUG", True)
# A development-only key kept out of version control: generated once, stored beside the database.
_key_file = BASE_DIR / ".dev-secret-key"
if not SECRET_KEY:  # noqa: F405
    if not _key_file.exists():
        from django.core.management.utils import get_random_secret_key

        _key_file.write_text(get_random_secret_key())
    SECRET_KEY = _key_file.read_text().strip()

SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# E-mails printed on the console (through the queue, which hands them over at once here).
EMAIL_DELIVERY_BACKEND = env(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
