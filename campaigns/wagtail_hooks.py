from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from campaigns.models import Registration

from .views import admin as admin_views
from .views.campaigns import report_csv


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("chiffres-campagnes/", admin_views.campaign_list, name="campaign_reports"),
        path(
            "chiffres-campagnes/<int:page_id>/", admin_views.campaign_report, name="campaign_report"
        ),
        path("chiffres-campagnes/<int:page_id>/csv/", report_csv, name="campaign_report_csv"),
    ]


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Chiffres des campagnes"), reverse("campaign_reports"), icon_name="table", order=900
    )


class RegistrationViewSet(ModelViewSet):
    """Organisers list, filter by event and export (CSV/XLSX) registrations."""

    model = Registration
    icon = "list-ul"
    menu_label = _("Inscriptions")
    menu_order = 320
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["name", "event_title", "occurrence", "seats", "status", "created_at"]
    list_filter = ["occurrence__event", "occurrence", "status"]
    list_export = [
        "event_title",
        "occurrence",
        "name",
        "email",
        "phone",
        "seats",
        "status",
        "accessibility_needs",
        "created_at",
    ]
    export_headings = {"event_title": _("Événement")}
    export_filename = "inscriptions"
    search_fields = ["name", "email"]
    form_fields = ["occurrence", "name", "email", "phone", "seats", "accessibility_needs", "status"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Registration.objects.select_related("occurrence", "occurrence__event")


registration_viewset = RegistrationViewSet("registrations")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset
