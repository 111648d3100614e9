"""What every page reads before its own content: the site, the locales, the site settings,
the main menu and whether any view restriction exists. These are site configuration, not a
page's content, so they are kept in Django's cache (local memory by default, Redis in
production, shared by every web process) and forgotten whenever one of their rows changes
(docs/queries.md). A page's own content is never cached here.

All entries live under one *generation* token: any change to a page, a site, a locale, a
view restriction or a site setting writes a new token, in every process at once since the
token is in the shared cache. It is written when the change is saved and again when its
transaction commits, so a process that rebuilt an entry from the old rows in between cannot
keep it. Entries also expire after ``CONFIG_CACHE_TIMEOUT`` seconds, and with the cache away
(Redis down) every read is a miss: pages are built from the database as before.
"""

import hashlib
import threading
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

GENERATION_KEY = "capnum:config:generation"
_MISSING = object()
# A public request reads the generation token once (SiteMiddleware), not once per entry: a
# page reads about fifteen entries, each of which cost two cache round trips. A purge within
# the request (a form that saves) updates it.
_request = threading.local()


def _cache():
    return caches["default"]


def timeout():
    return getattr(settings, "CONFIG_CACHE_TIMEOUT", 300)


def _generation(cache):
    generation = getattr(_request, "generation", None)
    if generation is not None:
        return generation
    generation = _read_generation(cache)
    if getattr(_request, "active", False):
        _request.generation = generation
    return generation


def _read_generation(cache):
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY) or "none"
    return generation


def cached(name, build):
    """The value stored under ``name`` for the current generation, or ``build()`` stored."""
    if not timeout():
        return build()
    cache = _cache()
    key = f"capnum:config:{_generation(cache)}:{name}"
    # Within a public request an entry is read (and unpickled) once: the locales, say, are
    # asked for by several templates and tags.
    seen = getattr(_request, "values", None)
    if seen is not None and key in seen:
        return seen[key]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout())
    if seen is not None:
        seen[key] = value
    return value


def purge():
    """Forget every entry (a new generation), now and when the transaction commits."""
    new_generation()
    transaction.on_commit(new_generation)


def new_generation():
    generation = uuid.uuid4().hex
    _cache().set(GENERATION_KEY, generation, None)
    if getattr(_request, "active", False):
        _request.generation = generation


# The site -------------------------------------------------------------------------------


def find_site(request):
    """``Site.find_for_request`` without its query once the host is known: the Site (with
    its root page) is kept per host and port. Wagtail reads it back from the request."""
    from wagtail.models import Site

    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    from django.http.request import split_domain_port

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    digest = hashlib.sha256(f"{hostname}:{port}".encode()).hexdigest()[:32]
    site = cached(f"site:{digest}", lambda: Site._find_for_request(request))
    request._wagtail_site = site
    return site


class SiteMiddleware:
    """Finds the request's site from the cache before the public views and templates ask
    Wagtail. Not for the admin, which rarely needs it (and would pay the lookup after each
    edit, since an edit purges the cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(("/admin/", "/django-admin/")):
            return self.get_response(request)
        _request.active, _request.generation, _request.values = True, None, {}
        try:
            find_site(request)
            return self.get_response(request)
        finally:
            _request.active, _request.generation, _request.values = False, None, None


# Locales ------------------------------------------------------------------------------


def locales():
    """{language code: Locale} of every locale."""
    from wagtail.models import Locale

    return cached(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


def active_locale():
    """``Locale.get_active()`` from the cached locales (None when none matches)."""
    from django.utils import translation
    from wagtail.coreutils import get_supported_content_language_variant

    known = locales()
    for code in (translation.get_language(), settings.LANGUAGE_CODE):
        try:
            locale = known.get(get_supported_content_language_variant(code))
        except LookupError:
            locale = None
        if locale is not None:
            return locale
    return None


def localized_root_translation(site, locale):
    """The live translation of the site's root page in ``locale``, or None, kept per site and
    locale: every page of that language is routed from it (content/routing.py)."""

    def build():
        translation = site.root_page.get_translation_or_none(locale)
        return translation if translation is not None and translation.live else None

    return cached(f"root:{site.pk}:{locale.pk}", build)


def localized_page(page, locale):
    """``page``'s live translation in ``locale``, else ``page`` itself, kept per page and
    locale: the pages every footer links to (legal notice, accessibility statement…)."""

    def build():
        translation = page.get_translation_or_none(locale)
        return translation if translation is not None and translation.live else page

    return cached(f"localized-page:{page.pk}:{locale.pk}", build)


# View restrictions ------------------------------------------------------------------------


def view_restrictions_exist():
    """Whether any page of any site has a view restriction (login, password, groups). When
    none does, the restriction checks of every page and listing are skipped."""
    from wagtail.models import PageViewRestriction

    return cached("restrictions", lambda: PageViewRestriction.objects.exists())


def public(queryset):
    """``queryset.public()``, without its query over every restriction when none exists."""
    return queryset.public() if view_restrictions_exist() else queryset


# Site settings ------------------------------------------------------------------------------


def site_setting(model, site):
    """``model.for_site(site)`` kept per site (a copy per request, read from the cache)."""
    return cached(f"setting:{model._meta.label_lower}:{site.pk}", lambda: model.for_site(site))


# What purges ---------------------------------------------------------------------------


def on_change(sender, instance, **kwargs):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin
    from wagtail_localize.models import StringTranslation, Translation

    # Translatable snippets and their translations: which shown texts are still in the
    # source language (content/text_language.py).
    if isinstance(
        instance,
        Page
        | Site
        | Locale
        | PageViewRestriction
        | BaseSiteSetting
        | BaseGenericSetting
        | TranslatableMixin
        | Translation
        | StringTranslation,
    ):
        purge()


def on_page_moved(sender, **kwargs):
    purge()


def on_any_change(sender, **kwargs):
    """For other apps' configuration read from this cache (search synonyms...)."""
    purge()


def connect():
    from wagtail.signals import post_page_move

    post_save.connect(on_change, dispatch_uid="config_cache_saved")
    post_delete.connect(on_change, dispatch_uid="config_cache_deleted")
    post_page_move.connect(on_page_moved, dispatch_uid="config_cache_moved")
