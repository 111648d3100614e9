from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from content.organisations import permission_required
from search.admin_views import SEARCH_LOG_PERMISSION, search_report
from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Synonymes de recherche")
    menu_order = 900
    add_to_admin_menu = False
    list_display = ["name", "terms"]
    search_fields = ["name", "terms"]


register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path(
            "recherche/rapport/",
            permission_required(SEARCH_LOG_PERMISSION)(search_report),
            name="search_report",
        )
    ]


class SearchLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SEARCH_LOG_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return SearchLogMenuItem(
        _("Recherches des visiteurs"), reverse("search_report"), icon_name="search", order=900
    )
