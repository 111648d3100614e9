from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

register = template.Library()

CALLOUT_LABELS = {
    "info": _("Information"),
    "tip": _("Astuce"),
    "warning": _("Attention"),
    "danger": _("Danger"),
}


@register.filter
def callout_label(kind):
    return CALLOUT_LABELS.get(kind, "")


@register.filter
def startswith(value, prefix):
    return str(value).startswith(str(prefix))


@register.filter
def document_size(document):
    size = document.get_file_size()
    return filesizeformat(size) if size else _("taille inconnue")


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Children of the current locale's home page shown in menus: one query."""
    request = context.get("request")
    page = context.get("page")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    if page is not None and page.locale_id != root.locale_id:
        root = root.get_translation_or_none(page.locale) or root
    return list(
        root.get_children()
        .live()
        .public()
        .in_menu()
        .only("id", "title", "url_path", "path", "depth", "locale_id")
    )


@register.simple_tag
def breadcrumbs(page):
    """Ancestors below the site root: one query."""
    if page is None or page.depth <= 2:
        return []
    return list(
        Page.objects.ancestor_of(page)
        .filter(depth__gt=1)
        .only("id", "title", "url_path", "path", "depth", "locale_id")
    )


@register.simple_tag(takes_context=True)
def place_url(context, place):
    """The public page of a place (events' venue, search results), or "": one query per
    request for the directory."""
    if place is None:
        return ""
    return place.get_url(context.get("request"))
