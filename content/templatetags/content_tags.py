from functools import cache
from pathlib import Path

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from content import config_cache, text_language

from ..icons import ICONS

register = template.Library()

CALLOUT_LABELS = {
    "info": _("Information"),
    "tip": _("Astuce"),
    "warning": _("Attention"),
    "danger": _("Danger"),
}


@register.inclusion_tag("content/includes/error_summary.html")
def error_summary(title, form=None, errors=(), heading=2, labels=True, quiz=False, hidden=False):
    """The list of what to correct above a form sent with mistakes: focused on
    arrival (`autofocus`, so without JavaScript too), each item a link to its field.

    `form`: a bound Django form; each field error links to the field's input
    (`form.error_anchors` names another element where the field is drawn by hand), after the
    field's label unless `labels` is false; errors of the whole form come last, unlinked.
    `errors`: items built by the caller, mappings with `href` and `text` (and `hidden`: the
    in-page quiz check shows and hides them). `quiz`: the quiz's summary, shown and focused by
    quiz.js (so no count: the items it shows change without a new page); `hidden` with it
    while there is nothing to correct."""
    items = list(errors)
    if form is not None:
        anchors = getattr(form, "error_anchors", {})
        for field in form:
            for error in field.errors:
                href = "#" + anchors.get(field.name, field.id_for_label)
                items.append({"href": href, "label": field.label if labels else "", "text": error})
        items += [{"text": error} for error in form.non_field_errors()]
    return {
        "title": title,
        "errors": items,
        "count": 0 if quiz else len(items),
        "heading": f"h{heading}",
        "quiz": quiz,
        "hidden": hidden,
    }


@register.filter
def callout_label(kind):
    return CALLOUT_LABELS.get(kind, "")


@register.filter
def startswith(value, prefix):
    return str(value).startswith(str(prefix))


@register.simple_tag
def icon(name):
    """One of our action pictograms (content/icons.py), inline and decorative: the text beside
    it names the action. An unknown name is an error in the template, not a silent gap."""
    return format_html(
        '<svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20"'
        ' height="20">{}</svg>',
        mark_safe(ICONS[name]),  # our own constant shapes, never user input
    )


@register.filter
def has_block(stream, block_type):
    """Whether a StreamField holds a top-level block of this type, read from its raw data (no
    block is built, no query): a page links a family's stylesheet only when it needs it
    (docs/page-weight.md)."""
    raw = getattr(stream, "raw_data", None) or []
    return any(item.get("type") == block_type for item in raw)


@register.filter
def document_size(document):
    size = document.get_file_size()
    return filesizeformat(size) if size else _("taille inconnue")


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, each in the page's language when translated
    and live, else the source page marked with its language (`menu_lang`): an English visitor
    keeps every entry, and sees which ones lead to French. Kept in the configuration cache
    (content/config_cache.py: forgotten whenever a page changes)."""
    request = context.get("request")
    page = context.get("page")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    locale_id = page.locale_id if page is not None else root.locale_id

    def in_menu(parent):
        items = list(
            config_cache.public(parent.get_children().live().in_menu()).only(
                "id", "title", "url_path", "path", "depth", "locale_id", "translation_key"
            )
        )
        for item in items:  # set on every item: a missing attribute costs the template a dir()
            item.menu_lang = ""
        return items

    def entries():
        source_items = in_menu(root)
        if locale_id == root.locale_id:
            return source_items
        local_root = root.get_translations().filter(locale_id=locale_id).first()
        local_items = in_menu(local_root) if local_root is not None else []
        by_key = {item.translation_key: item for item in local_items}
        source_language = root.locale.language_code
        items = []
        for item in source_items:
            translated = by_key.pop(item.translation_key, None)
            if translated is None:
                item.menu_lang = source_language
            items.append(translated or item)
        return items + list(by_key.values())  # pages written in this language only

    return config_cache.cached(f"menu:{site.pk}:{locale_id}", entries)


@register.simple_tag
def breadcrumbs(page):
    """Ancestors below the site root: those the routing found (content/routing.py), or one
    query."""
    if page is None or page.depth <= 2:
        return []
    found = getattr(page, "_route_ancestors", None)
    if found and found[0].depth == 2 and len(found) == page.depth - 2:
        return found
    return list(
        Page.objects.ancestor_of(page)
        .filter(depth__gt=1)
        .only("id", "title", "url_path", "path", "depth", "locale_id", "alias_of_id")
    )


@register.simple_tag(takes_context=True)
def place_url(context, place):
    """The public page of a place (events' venue, search results), or "": one query per
    request for the directory."""
    if place is None:
        return ""
    return place.get_url(context.get("request"))


@register.simple_tag(takes_context=True)
def language_versions(context):
    """For each other content language: this page's live translation, or else that
    language's live home page, so the switcher never links to a page that does not exist
    there. One query for both (the translations and the homes)."""
    page = context.get("page")
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if page is None or site is None:
        return []
    keys = {page.translation_key, site.root_page.translation_key}
    found = {}
    for other in (
        # Not .public(): one more query on every page; a private page's translation is
        # private too (wagtail-localize copies view restrictions).
        Page.objects.live()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .only("id", "url_path", "path", "depth", "translation_key", "locale__language_code")
    ):
        kind = "page" if other.translation_key == page.translation_key else "home"
        found[(other.locale.language_code, kind)] = other
    versions = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == get_language():  # the page's own (its URL's prefix sets it)
            continue
        # The « not there yet » notice is for a reader of that language, so it is written in
        # it when the site has that language's catalogue; else in the page's language.
        notice = code if has_catalogue(code) else get_language()
        versions.append(
            {
                "code": code,
                "name": name,  # in that language (« English »)
                "notice_language": notice,
                # The language's name inside a sentence of the notice's language: Django's
                # name_local is lower-case where that language writes it so (« français »).
                "name_in_notice": (
                    get_language_info(code)["name_local"]
                    if notice == code
                    else get_language_info(code)["name_translated"].lower()
                ),
                "page": found.get((code, "page")),
                "home": found.get((code, "home")),
            }
        )
    return versions


@cache
def has_catalogue(code):
    """The site's interface is translated into `code` (French is the source: always)."""
    if code == settings.LANGUAGE_CODE:
        return True
    return any(
        (Path(path) / code / "LC_MESSAGES" / "django.mo").exists() for path in settings.LOCALE_PATHS
    )


@register.simple_tag
def step_picture(value):
    """A step's screenshot or mock-up as WebP renditions (content/pictures.py); a decorative
    one has an empty alternative text."""
    from content.pictures import picture

    alt = "" if value.get("decorative") else value.get("alt_text") or ""
    return picture(value["image"], alt)


@register.simple_tag
def in_page_language(page):
    """A page a setting links to (the footer's legal pages), in the active language when it
    is translated there: from the configuration cache, no query once cached."""
    if page is None:
        return None
    locale = config_cache.active_locale()
    if locale is None or locale.pk == page.locale_id:
        return page
    return config_cache.localized_page(page, locale)


@register.simple_tag
def hreflang_of(page):
    """` hreflang="fr"` on a link whose target page is not in the page's language."""
    code = text_language.language_of(page) if page is not None else None
    if not code or code == text_language.current_language():
        return ""
    return format_html(' hreflang="{}"', code)


# The language of shown texts (content/text_language.py) --------------------------------


@register.filter
def lang_of(obj, field=""):
    """` lang="fr"` for an element showing a translatable object's text (its ``field``, or
    any) that is not in the page's language: a French snippet, or an English copy not
    translated yet. `<dfn{{ term|lang_of:"term" }}>`."""
    return text_language.object_lang(obj, field or None)


@register.filter
def in_its_language(obj, field=""):
    """The object's text (its ``field``, else its name), inside `<span lang="…">` when it is
    not in the page's language; a plain string is shown as it is."""
    text = getattr(obj, field) if field else str(obj)
    attribute = text_language.object_lang(obj, field or None) if hasattr(obj, "_meta") else ""
    if attribute:
        return format_html("<span{}>{}</span>", attribute, text)
    return text


@register.simple_tag
def setting_lang():
    """` lang="fr"` for a site setting's text on a page in another language: settings are
    written in the site's language and Wagtail cannot translate them."""
    return text_language.setting_lang()


@register.simple_tag(takes_context=True)
def site_tagline(context):
    """The site identity's tagline in the page's language (its translation, else the French
    one) and the `lang` attribute its element needs."""
    from content.models import SiteIdentity

    request = context.get("request")
    if request is None:
        return {"text": "", "lang": ""}
    text, language = SiteIdentity.for_request(request).tagline_for(text_language.current_language())
    return {"text": text, "lang": text_language.lang_attribute(language)}
