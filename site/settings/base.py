"""Settings shared by every environment; secure by default, driven by environment variables.

Every variable read here is listed in the README. Environment-specific modules (dev, test,
production) only loosen or tighten what they must.
"""

import datetime
import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates override third-party ones.
    "capnum",
    "content",
    "lessons",
    "campaigns",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    # The database backend of django-tasks and its worker (`manage.py db_worker`), always
    # installed so every environment has the same tables (docs/background-tasks.md).
    "django_tasks_db",
    "axes",
    "dbbackup",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost, so it also sees WhiteNoise's static responses (CORS for the H5P player).
    "content.h5p.middleware.H5PAssetHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages come from the cache here, before anything that reads the database
    # (content/cache.py, docs/page-cache.md); what is below runs only on a miss.
    "content.cache.PageCacheMiddleware",
    "capnum.middleware.SecretFreeGZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "capnum.middleware.ContentSecurityPolicyMiddleware",
    "capnum.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The request's Wagtail site from the cache (content/config_cache.py).
    "content.config_cache.SiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before CsrfViewMiddleware's view hook reads the body (docs/protections.md).
    "capnum.middleware.AnonymousBodySizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out login into the lockout page (django-axes, docs/protections.md).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "capnum.urls"
WSGI_APPLICATION = "capnum.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


# --- Database: SQLite is the embedded default; DATABASE_URL selects PostgreSQL.
def sqlite_options(busy_timeout):
    """SQLite set up for several server processes (docs/resilience.md): WAL lets readers
    go on while one writer writes; IMMEDIATE takes the write lock when a transaction
    starts, so a waiting writer queues for up to `busy_timeout` seconds instead of failing
    with "database is locked" when its read lock cannot be upgraded."""
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": busy_timeout,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }


DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    # The data lives in RAM or on SSD: with the default random_page_cost (4, spinning
    # disks) the planner reads the whole search index table for a common word instead of
    # the GIN index (search p50 64 -> 31 ms at 10 000 pages, see docs/search.md "Speed").
    # pg_trgm's operator thresholds for the spelling correction's title look-ups through
    # the trigram index (search/query.py, "did you mean").
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c random_page_cost=1.1 -c pg_trgm.word_similarity_threshold=0.4"
        " -c pg_trgm.strict_word_similarity_threshold=0.15"
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        sqlite_options(float(env("SQLITE_BUSY_TIMEOUT", "20")))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- Cache: local memory by default, Redis when REDIS_URL is set.
def ratelimit_cache_settings(redis_url):
    """The "ratelimit" cache: counters shared by every worker (content/ratelimit.py). Redis
    when there is one (errors raised to the backend, which then counts in the database), the
    database otherwise; never local memory, which counts per process."""
    if not redis_url:
        return {"BACKEND": "content.ratelimit.DatabaseCounterCache"}
    return {
        "BACKEND": "content.ratelimit.RedisCounterCache",
        "LOCATION": redis_url,
        "KEY_PREFIX": "capnum",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": float(env("REDIS_TIMEOUT", "0.5")),
            "SOCKET_TIMEOUT": float(env("REDIS_TIMEOUT", "0.5")),
        },
    }


def cache_settings(redis_url):
    """CACHES for a Redis URL (or local memory without one). The cache is optional: when
    Redis is away, django-redis logs the error and answers a miss (IGNORE_EXCEPTIONS), so
    pages are built from the database instead of failing (docs/resilience.md)."""
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                # Room for the page cache (one entry per page and encoding) beside the rest.
                "OPTIONS": {"MAX_ENTRIES": 5000},
            },
            "ratelimit": ratelimit_cache_settings(redis_url),
        }
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "capnum",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                # A Redis that does not answer costs each request at most these waits.
                "SOCKET_CONNECT_TIMEOUT": float(env("REDIS_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(env("REDIS_TIMEOUT", "0.5")),
            },
        },
        "ratelimit": ratelimit_cache_settings(redis_url),
    }


REDIS_URL = env("REDIS_URL")
CACHES = cache_settings(REDIS_URL)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "capnum.cache"
# Anonymous page cache (content/cache.py): seconds a page is kept when nothing purges it
# (time-dependent bits: banners of the day, past events); 0 turns it off.
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "300"))
# Site, locales, settings, menu and the no-view-restriction flag, read by every page
# (content/config_cache.py, docs/queries.md): purged on every change, this bounds the rest.
CONFIG_CACHE_TIMEOUT = 300
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/django-admin/", "/documents/")


# --- Rate limits (docs/protections.md): django-ratelimit counting in the "ratelimit" cache.
# "N/h" = N per hour, "N/10m" = N per 10 minutes, "N/d" per day; per client unless said.
DEFAULT_RATE_LIMITS = {
    # Registrations accepted from one client, and every registration POST (invalid ones too).
    "registration": "10/h",
    "registration_post": "60/h",
    # Confirmation e-mails sent to one address, whoever typed it.
    "registration_email": "3/d",
    # Session reports saved from one client, and every report POST.
    "session_report": "10/h",
    "session_report_post": "60/h",
    # « Cette page vous a-t-elle aidé ? » answers saved from one client, and every POST.
    "feedback": "30/h",
    "feedback_post": "60/h",
    # Quiz answers checked without JavaScript.
    "quiz": "120/h",
    # Search pages and autocomplete answers; queries written to the search log.
    "search": "120/10m",
    "autocomplete": "600/10m",
    "search_log": "30/h",
    # Short-link scans, campaign page views and kit downloads counted per campaign and
    # metric (over the limit the visitor is served, the hit is not counted).
    "campaign_counter": "20/d",
    # H5P started/completed events per activity and event.
    "h5p_event": "30/h",
    # Admin password-reset requests per client, and reset e-mails per address.
    "password_reset": "5/h",
    "password_reset_email": "3/d",
}


def rate_limits():
    """Each limit overridable by RATE_LIMIT_<NAME> (e.g. RATE_LIMIT_REGISTRATION=20/h);
    "off" turns one off."""
    rates = {}
    for name, default in DEFAULT_RATE_LIMITS.items():
        value = env(f"RATE_LIMIT_{name.upper()}", default).strip()
        rates[name] = None if value.lower() in {"", "0", "none", "off"} else value
    return rates


RATE_LIMITS = rate_limits()
RATELIMIT_ENABLE = env_bool("RATE_LIMITS_ENABLED", True)
RATELIMIT_USE_CACHE = "ratelimit"
# Only when both Redis and the database fail, and then the site is down anyway.
RATELIMIT_FAIL_OPEN = True
# The client's address behind a reverse proxy (content/clientip.py, README).
TRUSTED_PROXY_HEADER = env("TRUSTED_PROXY_HEADER", "")
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))
RATELIMIT_IP_META_KEY = "content.clientip.client_ip"


# --- Search: database backend by default, Elasticsearch when ELASTICSEARCH_URL is set.
def database_search_backend(engine):
    if engine == "django.db.backends.postgresql":
        # French stemming + unaccent configurations and the (title || body) index come from
        # search/migrations/0002; search.backends drops the useless vector projection.
        return {
            "BACKEND": "search.backends",
            "SEARCH_CONFIG": "capnum_french",
            "AUTOCOMPLETE_CONFIG": "capnum_simple",
        }
    # SQLite FTS5 (remove_diacritics tokenizer): no stemming, see docs/search.md.
    # search.backends joins the FTS table once per query (the stock query is very slow on
    # a large site).
    return {"BACKEND": "search.backends"}


def search_backend_settings(elasticsearch_url, engine, languages=("fr",)):
    """WAGTAILSEARCH_BACKENDS. With Elasticsearch, one index per content language, each with
    that language's analysis (search/elasticsearch.py): "default" for French, "default_<code>"
    for the others (search.fallback.backend_for picks the locale's). The database index is
    kept up to date beside them as "fallback": the search page answers from it when
    Elasticsearch is away (search/fallback.py)."""
    if not elasticsearch_url:
        return {"default": database_search_backend(engine)}
    index = env("ELASTICSEARCH_INDEX", "capnum")
    backends = {}
    for code in languages:
        name, suffix = ("default", "") if code == "fr" else (f"default_{code}", f"-{code}")
        backends[name] = {
            # Wagtail's elasticsearch9 backend, one language's analysis and documents.
            "BACKEND": "search.elasticsearch",
            "URLS": [elasticsearch_url],
            "INDEX": index + suffix,
            "LANGUAGE": code,
            "TIMEOUT": int(env("ELASTICSEARCH_TIMEOUT", "5")),
        }
    return {**backends, "fallback": database_search_backend(engine)}


ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
# Visitors' queries (masked) are deleted this many months after their last search
# (manage.py purge_search_log; 13 months, the CNIL's ceiling for audience figures).
SEARCH_LOG_RETENTION_MONTHS = int(env("SEARCH_LOG_RETENTION_MONTHS", "13"))

# --- Background tasks (django-tasks, Wagtail's task framework; docs/background-tasks.md).
# The embedded default runs each task in the request that enqueues it; production queues
# them in the database for `manage.py db_worker`. `TASKS_BACKEND` takes a class path or one of
# the two names below.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    # django-tasks-db's backend, made fail-soft (content/background.py).
    "database": "content.background.DatabaseBackend",
}


def task_settings(backend):
    return {"default": {"BACKEND": TASK_BACKENDS.get(backend, backend)}}


TASKS = task_settings(env("TASKS_BACKEND", "immediate"))
# Seconds before each new attempt of a task that failed (content/background.py): two
# retries, after 1 and 10 minutes, then the failure is shown in the admin (« Tâches en
# échec »). Only queued backends retry; the immediate one tries once.
TASK_RETRY_DELAYS = [int(delay) for delay in env_list("TASK_RETRY_DELAYS", "60,600")]

# --- Internationalisation: French first, then the network's languages (CONTENT_LANGUAGES).
LANGUAGE_CODE = "fr"


def content_languages(value):
    """WAGTAIL_CONTENT_LANGUAGES from CONTENT_LANGUAGES (« fr,en,es »): French first whatever
    the order given, each language named in itself (« Español »), an unknown or regional code
    refused at start-up. A new language needs no code and no migration: set the variable,
    restart, then create its locale in the admin (Paramètres › Langues)."""
    from django.conf.locale import LANG_INFO

    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    unknown = [code for code in codes if code not in LANG_INFO or "fallback" in LANG_INFO[code]]
    if unknown:
        raise ImproperlyConfigured(
            f"CONTENT_LANGUAGES : code(s) de langue inconnu(s) {', '.join(unknown)} ; "
            "attendu : des codes séparés par des virgules, par exemple « fr,en,es ». "
            f"CONTENT_LANGUAGES: unknown language code(s) {', '.join(unknown)}; expected "
            "Django language codes separated by commas, e.g. « fr,en,es »."
        )
    ordered = [LANGUAGE_CODE] + [code for code in dict.fromkeys(codes) if code != LANGUAGE_CODE]
    return [(code, LANG_INFO[code]["name_local"].capitalize()) for code in ordered]


LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = content_languages(env("CONTENT_LANGUAGES", "fr,en"))
WAGTAILSEARCH_BACKENDS = search_backend_settings(
    ELASTICSEARCH_URL, DATABASES["default"]["ENGINE"], [code for code, _name in LANGUAGES]
)
WAGTAIL_I18N_ENABLED = True
# A page submitted for translation becomes a draft in the other language, published by its
# translator: never the French text live under an English URL (wagtail-localize's default
# publishes the copy at once when the source is live). Parents copied along with it are
# kept unpublished by content/translation.py.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]

# --- Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# The H5P player (h5p-standalone, an npm dependency) is served straight from node_modules,
# so nothing large is committed; `npm ci` must run before collectstatic (make setup does).
H5P_STANDALONE_DIST = BASE_DIR / "node_modules" / "h5p-standalone" / "dist"
if H5P_STANDALONE_DIST.is_dir():
    STATICFILES_DIRS.append(("vendor/h5p-standalone", H5P_STANDALONE_DIST))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
# Serving media from Django is for the embedded set-up only; production puts a web server in front.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o644

# --- Backups (django-dbbackup, docs/backups.md): `dbbackup`/`mediabackup` write into BACKUP_DIR
# (pg_dump's custom format on PostgreSQL, SQLite's online backup API on SQLite), `dbrestore`/
# `mediarestore` read from it; `--clean` keeps the newest BACKUP_KEEP of each kind.
BACKUP_DIR = Path(env("BACKUP_DIR", BASE_DIR / "backups"))
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    # Backups hold personal data: readable by the site's user only.
    "OPTIONS": {"location": str(BACKUP_DIR), "file_permissions_mode": 0o600},
}
DBBACKUP_CLEANUP_KEEP = int(env("BACKUP_KEEP", "10"))
DBBACKUP_EMAIL_SUBJECT_PREFIX = "[Cap Numérique – sauvegarde] "
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Request bodies (docs/protections.md). Visitors' forms are small: an anonymous request
# declaring a larger body is refused with a 413 before it is read. Editors' uploads keep
# Wagtail's limits (images, documents) and Django's below.
ANONYMOUS_MAX_BODY_SIZE = int(env("ANONYMOUS_MAX_BODY_SIZE", str(64 * 1024)))
# Endpoints that need less (path pattern, bytes): the H5P counter sends one short field.
BODY_SIZE_LIMITS = [(r"^/h5p/[^/]+/event/$", 2 * 1024)]
# Form fields held in memory (a long page edited in the admin stays well below this).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# An uploaded file larger than this is spooled to FILE_UPLOAD_TEMP_DIR (system default if unset).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_TEMP_DIR = env("FILE_UPLOAD_TEMP_DIR") or None

# --- E-mail (docs/background-tasks.md « E-mail »). Every message, ours, Wagtail's and
# Django's, goes to the queue (content/mail.py): one task each, which the worker hands to
# EMAIL_DELIVERY_BACKEND and retries. With the embedded default (tasks run in the request)
# the queue hands the message over at once, as if it were not there.
EMAIL_BACKEND = env("EMAIL_BACKEND", "content.mail.QueuedEmailBackend")
EMAIL_DELIVERY_BACKEND = env(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Cap Numérique <ne-pas-repondre@localhost>")


def parse_admins(value):
    """ADMINS from "Name <a@b>, Other <c@d>" (or bare addresses): who gets an e-mail for each
    server error (a 500) in production. Names may hold commas when quoted."""
    return [(name or address, address) for name, address in getaddresses([value]) if address]


# Error notifications (docs/backups.md « Erreurs »): each 500 is logged on stderr and, when
# ADMINS is set, e-mailed to them from SERVER_EMAIL.
ADMINS = parse_admins(env("ADMINS", ""))
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_SUBJECT_PREFIX = env("EMAIL_SUBJECT_PREFIX", "[Cap Numérique] ")

# --- Security defaults (production tightens transport security further).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views opt back in to SAMEORIGIN themselves

# Content-Security-Policy (django-csp 4). Scripts: own origin only, never 'unsafe-inline' and
# no per-request nonce (pages are cached); JSON-LD blocks are allowed by their hash
# (capnum.middleware). The Wagtail admin gets its own, looser policy (see capnum.middleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        # Wagtail 8's admin still renders inline <script> (date pickers) and style attributes, so
        # the admin gets 'unsafe-inline', for logged-in editors only (capnum.middleware): the
        # login and password-reset pages, the ones an attacker sees, keep the strict policy.
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", "https:"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# --- Directory of places: the partners' sites allowed to frame /integrer/lieux/ (origins
# separated by commas, e.g. "https://www.ville-outreau.fr,https://www.ville-wimereux.fr").
PLACES_EMBED_FRAME_ANCESTORS = env_list("PLACES_EMBED_FRAME_ANCESTORS")
# A map beside the directory's list only when a tile server is set (an XYZ template such as
# "https://tuiles.example.org/{z}/{x}/{y}.png"): none by default, so no page makes a request to a
# third party (minors use the site). Only the directory pages then add the server's origin to
# img-src (content/places/maps.py); its licence asks for the attribution text.
PLACES_MAP_TILE_URL = env("PLACES_MAP_TILE_URL", "")
PLACES_MAP_ATTRIBUTION = env("PLACES_MAP_ATTRIBUTION", "")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Wagtail.
WAGTAIL_SITE_NAME = "Cap Numérique"
# Dates shown and typed the French way in the admin (parsing: capnum/formats/fr/formats.py).
FORMAT_MODULE_PATH = ["capnum.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
# Moderation and comment notifications with their HTML part (Wagtail's templates, or ours in
# site/templates/wagtailadmin/notifications/, which repeat the French text as paragraphs).
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "gif": "gif", "avif": "webp"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Longest side and longest/shortest side ratio of an uploaded image (content/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "content.images.ImageForm"
IMAGE_MAX_SIDE = int(env("IMAGE_MAX_SIDE", "8000"))
IMAGE_MAX_ASPECT_RATIO = float(env("IMAGE_MAX_ASPECT_RATIO", "10"))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars would send a hash of each editor's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USAGE_COUNT_ENABLED = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        # Headings come from the heading block only, so editors cannot break the outline.
        "OPTIONS": {"features": ["bold", "italic", "link", "document-link", "ol", "ul"]},
    }
}

LOGIN_URL = "wagtailadmin_login"

# --- Admin login lockout (django-axes, docs/protections.md): after LOGIN_FAILURE_LIMIT wrong
# passwords for one account from one address, that pair is refused (the right password too)
# for LOGIN_LOCKOUT_MINUTES. Per account *and* address, so an attacker cannot lock an editor
# out from elsewhere. Unlock: `manage.py axes_reset_username <name>` (or axes_reset).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "content.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True
# Failed attempts are kept (until the cool-off ends); successful logins are not logged.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "capnum.views.login_locked_out"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        # stderr: what gunicorn, systemd's journal or the container's log collector keep.
        "console": {"class": "logging.StreamHandler"},
        # No-op while ADMINS is empty; never raises when the mail server is away.
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "loggers": {
        # Server errors (500) with their traceback. Other suspicious requests go to the
        # "django" logger (Django's default: mail_admins too), except unknown hosts, which
        # robots send all day: logged only.
        "django.request": {"handlers": ["console", "mail_admins"], "level": "ERROR"},
        "django.security.DisallowedHost": {"handlers": ["console"], "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
for _logger in LOGGING["loggers"].values():
    _logger["propagate"] = False

MISSING_SECRET_KEY = (
    "SECRET_KEY n'est pas défini : donnez à la variable d'environnement SECRET_KEY une valeur "
    "longue et secrète (python -c 'import secrets; print(secrets.token_urlsafe(50))').\n"
    "SECRET_KEY is not set: give the SECRET_KEY environment variable a long secret value."
)


def require_secret_key():
    # A plain string: settings load before translations, and a lazy message here printed
    # "<exception str() failed>" instead of the variable's name.
    if not SECRET_KEY:
        raise ImproperlyConfigured(MISSING_SECRET_KEY)
