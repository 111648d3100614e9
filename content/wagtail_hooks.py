from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.models import Audience, Glossary, H5PActivity, Organisation, Place, Theme


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    ordering = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    ordering = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "acronym", "kind", "locale"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    ordering = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomie")
    menu_icon = "tag"
    menu_order = 300
    items = (AudienceViewSet, ThemeViewSet, OrganisationViewSet)


register_snippet(TaxonomyGroup)


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "form"
    menu_label = _("Activités H5P")
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "title",
        "main_library",
        "licence",
        "started_count",
        "completed_count",
        "locale",
    ]
    search_fields = ["title"]
    ordering = ["title"]


register_snippet(H5PActivityViewSet)


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Lieux")
    menu_order = 305
    add_to_admin_menu = True
    list_display = ["nom", "commune", "code_postal", "locale"]
    list_filter = ["commune"]
    search_fields = ["nom", "commune"]
    ordering = ["commune", "nom"]


register_snippet(PlaceViewSet)


class GlossaryViewSet(SnippetViewSet):
    model = Glossary
    icon = "openquote"
    menu_label = _("Glossaire")
    menu_order = 315
    add_to_admin_menu = True
    list_display = ["term", "slug", "locale"]
    search_fields = ["term"]
    ordering = ["term"]


register_snippet(GlossaryViewSet)


@hooks.register("before_serve_page")
def page_cache_hints(page, request, serve_args, serve_kwargs):
    """Tell the page cache (content.cache) which page serves this URL, so a routable page's
    sub-URLs are purged with it, and whether its type may be cached at all."""
    parts = page.get_url_parts(request)
    request.page_cache_owner = parts[2] if parts else None
    if not getattr(page, "page_cache", True):
        request.page_cache_disabled = True
