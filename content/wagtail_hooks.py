from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content import checks, digest, feedback_admin, indicators, lockouts, tasks_admin
from content.checks import rules as check_rules
from content.checks import views as check_views
from content.indicators import site_figures
from content.indicators import views as indicator_views
from content.models import (
    Audience,
    Glossary,
    H5PActivity,
    Organisation,
    OutdatedName,
    Place,
    Theme,
)
from content.organisations import (
    VIEW_INDICATORS,
    OrganisationPermissionPolicy,
    OrganisationScopedViewSetMixin,
    organisation_ids,
    permission_required,
    sees_every_organisation,
)
from content.places import admin_views as places_admin
from content.translation_status import views as translation_status_views

# An organisation's editors edit their own organisation's record and places, nobody else's.
register_permission_policy(
    Organisation, OrganisationPermissionPolicy(Organisation, "pk"), exact_class=True
)
register_permission_policy(
    Place, OrganisationPermissionPolicy(Place, "organisation"), exact_class=True
)


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


class OrganisationViewSet(OrganisationScopedViewSetMixin, SnippetViewSet):
    model = Organisation
    organisation_path = "pk"
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


class PlaceViewSet(OrganisationScopedViewSetMixin, SnippetViewSet):
    model = Place
    organisation_path = "organisation"
    organisation_choice_fields = {"organisation": "pk"}
    icon = "site"
    menu_label = _("Lieux")
    menu_order = 305
    add_to_admin_menu = True
    list_display = ["nom", "commune", "organisation", "date_maj", "date_verification", "locale"]
    list_filter = ["commune", "organisation"]
    search_fields = ["nom", "commune"]
    ordering = ["commune", "nom"]


register_snippet(PlaceViewSet)


@hooks.register("register_admin_urls")
def register_places_admin_urls():
    return [
        path("lieux/importer/", places_admin.import_view, name="places_admin_import"),
        path("lieux/a-verifier/", places_admin.stale_view, name="places_admin_stale"),
        path(
            "lieux/<int:pk>/toujours-exact/",
            places_admin.confirm_view,
            name="places_admin_confirm",
        ),
    ]


class PlacePermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return all(request.user.has_perm(p) for p in self.permissions)


@hooks.register("register_admin_menu_item")
def register_places_import_menu_item():
    return PlacePermissionMenuItem(
        _("Importer des lieux"),
        reverse("places_admin_import"),
        icon_name="upload",
        order=306,
        permissions=(places_admin.ADD, places_admin.CHANGE),
    )


@hooks.register("register_admin_menu_item")
def register_places_stale_menu_item():
    return PlacePermissionMenuItem(
        _("Lieux à vérifier"),
        reverse("places_admin_stale"),
        icon_name="time",
        order=307,
        permissions=(places_admin.CHANGE,),
    )


class StalePlacesPanel(Component):
    """Dashboard panel: the places not checked for six months, each with « Toujours exact »."""

    name = "places_to_check"
    order = 120
    template_name = "content/places/admin/stale_panel.html"
    shown = 5

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        places = places_admin.stale_places(self.user)
        return {
            "places": list(places[: self.shown]),
            "count": places.count(),
            "request": parent_context.get("request"),
        }


@hooks.register("construct_homepage_panels")
def add_stale_places_panel(request, panels):
    if request.user.has_perm(places_admin.CHANGE):
        panels.append(StalePlacesPanel(request.user))


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


class OutdatedNameViewSet(SnippetViewSet):
    """The names the content checks flag (« Pôle emploi » → « France Travail »)."""

    model = OutdatedName
    icon = "history"
    menu_label = _("Appellations dépassées")
    menu_order = 316
    add_to_admin_menu = False
    list_display = ["old_name", "new_name", "since"]
    search_fields = ["old_name", "new_name"]


register_snippet(OutdatedNameViewSet)


@hooks.register("register_admin_urls")
def register_content_checks_url():
    return [path("contenus-a-corriger/", check_views.report_view, name="content_checks")]


class PageEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_has_any_page_permission(request.user)


@hooks.register("register_reports_menu_item")
def register_content_checks_menu_item():
    return PageEditorsMenuItem(
        _("Contenus à corriger"), reverse("content_checks"), icon_name="warning", order=700
    )


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path(
            "etat-des-traductions/",
            translation_status_views.report_view,
            name="translation_status",
        ),
        path(
            "etat-des-traductions/export.csv",
            translation_status_views.csv_view,
            name="translation_status_csv",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return PageEditorsMenuItem(
        _("État des traductions"), reverse("translation_status"), icon_name="globe", order=720
    )


@hooks.register("before_serve_page")
def page_cache_hints(page, request, serve_args, serve_kwargs):
    """Tell the page cache (content.cache) which page serves this URL, so a routable page's
    sub-URLs are purged with it, and whether its type may be cached at all."""
    parts = page.get_url_parts(request)
    request.page_cache_owner = parts[2] if parts else None
    if not getattr(page, "page_cache", True):
        request.page_cache_disabled = True


@hooks.register("after_create_snippet")
def link_new_place_to_its_organisation(request, instance):
    """A place an organisation's editor creates is that organisation's (otherwise it would
    vanish from their own listing)."""
    own = organisation_ids(request.user)
    if (
        isinstance(instance, Place)
        and instance.organisation_id is None
        and not sees_every_organisation(request.user)
        and len(own) == 1
    ):
        Place.objects.filter(pk=instance.pk).update(
            organisation=min(organisation_ids(request.user))
        )


hooks.register(digest.HOOK, digest.places_to_check)


hooks.register(indicators.FIGURES_HOOK, site_figures.figures)


@hooks.register("register_admin_urls")
def register_indicator_urls():
    return [
        path("bilan/", indicator_views.dashboard, name="indicators_dashboard"),
        path("bilan/chiffres.csv", indicator_views.figures_csv, name="indicators_csv"),
        path("bilan/activites-coop.csv", indicator_views.coop_csv, name="indicators_coop_csv"),
        path("bilan/<int:year>/", indicator_views.yearly_report, name="indicators_yearly"),
        path(
            "bilan/<int:year>/bilan.pdf",
            indicator_views.yearly_report_pdf,
            name="indicators_yearly_pdf",
        ),
    ]


class IndicatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_INDICATORS)


@hooks.register("register_admin_menu_item")
def register_indicators_menu_item():
    return IndicatorsMenuItem(
        _("Bilan"), reverse("indicators_dashboard"), icon_name="table", order=890
    )


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


# -- login lockouts (django-axes): administrators unlock an account without a shell ----------


@hooks.register("register_admin_urls")
def register_lockouts_url():
    return [path("connexions-bloquees/", lockouts.lockouts, name="capnum_lockouts")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return SuperuserMenuItem(
        _("Connexions bloquées"), reverse("capnum_lockouts"), icon_name="lock", order=900
    )


# -- background tasks that failed for good (docs/background-tasks.md) -------------------------


@hooks.register("register_admin_urls")
def register_failed_tasks_url():
    return [path("taches-en-echec/", tasks_admin.failed_tasks_view, name="capnum_failed_tasks")]


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return SuperuserMenuItem(
        _("Tâches en échec"), reverse("capnum_failed_tasks"), icon_name="warning", order=920
    )


hooks.register(checks.HOOK, check_rules.page_checks)


# -- « Cette page vous a-t-elle aidé ? »: the readers' answers, for the coordination ----------


@hooks.register("register_admin_urls")
def register_feedback_urls():
    allowed = permission_required(feedback_admin.FEEDBACK_PERMISSION)
    return [
        path("avis/", allowed(feedback_admin.feedback_report), name="feedback_report"),
        path(
            "avis/<int:page_id>/",
            allowed(feedback_admin.feedback_page_report),
            name="feedback_page_report",
        ),
        path(
            "avis/<int:page_id>/supprimer/<int:pk>/",
            permission_required(feedback_admin.DELETE_PERMISSION)(feedback_admin.feedback_delete),
            name="feedback_delete",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(feedback_admin.FEEDBACK_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        _("Avis des lecteurs"), reverse("feedback_report"), icon_name="help", order=910
    )
