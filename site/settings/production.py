"""Production: refuses to start without SECRET_KEY; HTTPS and HSTS on."""

from .base import *  # noqa: F403
from .base import env, env_bool, require_secret_key, task_settings

require_secret_key()

# Background work goes to the database queue, run by `manage.py db_worker` (deploy/).
TASKS = task_settings(env("TASKS_BACKEND", "database"))

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
