"""The language a shown text is really in, for its `lang` attribute (WCAG 3.1.2).

A page in English may show text that is still French:

- a translatable snippet of another locale (a French audience or organisation an English page
  still points to: many-to-many fields are copied as they are by wagtail-localize);
- the English copy of a snippet whose wagtail-localize translation is not done: submitting a
  page to English copies its snippets with their French text, and each field keeps it until
  its segments are translated (`translation_states`);
- a site setting, which Wagtail cannot translate (only the tagline has its per-language
  values: `SiteIdentity.tagline_for`).

This is read from the objects' locales and the translations' state, never guessed from the
words. What it needs is kept in the configuration cache (content/config_cache.py), purged
when a translation, one of its strings or any translatable snippet changes: no query per
page.
"""

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

from content import config_cache


def current_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def lang_attribute(code):
    """` lang="…"` when ``code`` is not the page's language, else ""."""
    if not code or code.split("-")[0] == current_language():
        return ""
    return format_html(' lang="{}"', code)


def _locale_codes():
    return {locale.pk: locale.language_code for locale in config_cache.locales().values()}


def translation_states(locale_id):
    """{(model label, translation key): (source language, {field: translated?})} for every
    snippet of this locale made by wagtail-localize: a field is translated when each of its
    segments has a translation (wagtail-localize copies the source's text into the fields
    whose segments have none). A translation turned into a manual one (disabled) is the
    translator's own text: left out. One query, once per configuration-cache generation."""

    def build():
        from django.db.models import Exists, OuterRef, Q
        from wagtail.models import TranslatableMixin
        from wagtail.snippets.models import get_snippet_models
        from wagtail_localize.models import StringSegment, StringTranslation

        snippets = Q(pk__in=[])
        for model in get_snippet_models():
            if issubclass(model, TranslatableMixin):
                snippets |= Q(
                    source__specific_content_type__app_label=model._meta.app_label,
                    source__specific_content_type__model=model._meta.model_name,
                )
        rows = (
            StringSegment.objects.filter(
                snippets,
                source__translations__target_locale_id=locale_id,
                source__translations__enabled=True,
            )
            .annotate(
                translated=Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale_id=locale_id,
                        has_error=False,
                    )
                )
            )
            .values_list(
                "source__specific_content_type__app_label",
                "source__specific_content_type__model",
                "source__object_id",
                "source__locale__language_code",
                "context__path",
                "translated",
            )
        )
        found = {}
        for app_label, model, key, language, path, translated in rows:
            fields = found.setdefault((f"{app_label}.{model}", str(key)), (language, {}))[1]
            field = path.split(".")[0]
            fields[field] = fields.get(field, True) and translated
        return found

    return config_cache.cached(f"translation-states:{locale_id}", build)


def language_of(obj, field=None):
    """The language of ``obj``'s text: of its ``field``, or of the whole object (the source's
    while none of its texts is translated); a page's is its locale's (or French for an
    alias of a French page); None for an object that is not translatable."""
    from wagtail.models import Page

    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    own = _locale_codes().get(locale_id)
    if isinstance(obj, Page):
        # A page translated before its parent sits under an alias of the French parent
        # (wagtail-localize copies the missing parents as aliases): its title is French.
        # Read only when loaded (breadcrumbs, routing): never a query.
        if obj.__dict__.get("alias_of_id") and own != settings.LANGUAGE_CODE:
            return settings.LANGUAGE_CODE
        return own
    state = translation_states(locale_id).get(
        (obj._meta.label_lower, str(getattr(obj, "translation_key", "")))
    )
    if state is not None:
        language, fields = state
        if field is not None:
            if fields.get(field) is False:
                return language
        elif fields and not any(fields.values()):
            return language
    return own


def object_lang(obj, field=None):
    """` lang="…"` for ``obj`` (or its ``field``) when its text is not in the page's
    language."""
    return lang_attribute(language_of(obj, field))


def setting_lang():
    """` lang="…"` for a site setting's text (written in the site's language, never
    translated) on a page in another language."""
    return lang_attribute(settings.LANGUAGE_CODE)
