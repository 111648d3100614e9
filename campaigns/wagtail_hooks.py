from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
