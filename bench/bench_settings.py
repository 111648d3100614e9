"""Settings of bench/pages.py, in-process and in its gunicorn workers: the test settings
(DEBUG off, local-memory cache, database from DATABASE_URL) with the page cache as the run
asks (PAGE_CACHE_TIMEOUT, 0 = off) and static files found once, not on every request."""

import os

from capnum.settings.test import *  # noqa: F403

PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "0"))
WHITENOISE_AUTOREFRESH = False

# Static files are served from the finders (no collectstatic for a bench run).
import warnings  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")
