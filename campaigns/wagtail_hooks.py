from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.models import NationalDayDate, Registration
from content import digest
from content.indicators import ACTIVITIES_HOOK, FIGURES_HOOK
from content.organisations import (
    VIEW_INDICATORS,
    OrganisationPermissionPolicy,
    OrganisationScopedViewSetMixin,
    permission_required,
)
from content.spreadsheet import FrenchSpreadsheetViewSetMixin

from . import indicators
from .views import admin as admin_views
from .views.campaigns import report_csv
from .views.registrations_admin import RegistrationDeleteView, RegistrationEditView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "chiffres-campagnes/",
            figures(admin_views.campaign_list),
            name="campaign_reports",
        ),
        path(
            "chiffres-campagnes/<int:page_id>/",
            figures(admin_views.campaign_report),
            name="campaign_report",
        ),
        path(
            "chiffres-campagnes/<int:page_id>/csv/", figures(report_csv), name="campaign_report_csv"
        ),
    ]


# Campaign figures are part of the indicators: the coordination's, not every admin user's.
figures = permission_required(VIEW_INDICATORS)


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_INDICATORS)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return FiguresMenuItem(
        _("Chiffres des campagnes"), reverse("campaign_reports"), icon_name="table", order=900
    )


# Registrations are personal data: the model permissions say who may read them at all, the
# policy and the viewset below keep each organiser to the registrations of their own events.
REGISTRATION_SCOPE = "occurrence__event__organiser"
register_permission_policy(
    Registration, OrganisationPermissionPolicy(Registration, REGISTRATION_SCOPE)
)


class RegistrationViewSet(
    FrenchSpreadsheetViewSetMixin, OrganisationScopedViewSetMixin, ModelViewSet
):
    """Organisers list, filter by event and export (CSV/XLSX) registrations."""

    model = Registration
    edit_view_class = RegistrationEditView
    delete_view_class = RegistrationDeleteView
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
    organisation_path = REGISTRATION_SCOPE
    organisation_choice_fields = {"occurrence": "event__organiser"}


registration_viewset = RegistrationViewSet("registrations")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


def warn_about_cancelled_dates(request, page):
    """An editor who cancels a date learns how many people were registered, who was told by
    e-mail and who must be called (registrants who left only a phone number)."""
    from django.contrib import messages
    from django.utils import timezone
    from django.utils.translation import ngettext

    from .models import EventPage
    from .notifications import cancelled_date_summaries

    if not isinstance(page, EventPage):
        return
    published = page.live and not page.has_unpublished_changes
    for summary in cancelled_date_summaries(page):
        when = timezone.localtime(summary["occurrence"].start).strftime("%d/%m/%Y %H:%M")
        total, by_email = summary["total"], summary["by_email"]
        text = ngettext(
            "La séance du %(when)s est annulée et compte %(total)s inscription.",
            "La séance du %(when)s est annulée et compte %(total)s inscriptions.",
            total,
        ) % {"when": when, "total": total}
        if by_email:
            if published:
                text += " " + ngettext(
                    "%(count)s personne a été prévenue par courriel.",
                    "%(count)s personnes ont été prévenues par courriel.",
                    by_email,
                ) % {"count": by_email}
            else:
                text += " " + ngettext(
                    "%(count)s personne sera prévenue par courriel à la publication.",
                    "%(count)s personnes seront prévenues par courriel à la publication.",
                    by_email,
                ) % {"count": by_email}
        if total - by_email:
            text += " " + ngettext(
                "Prévenez %(count)s personne par téléphone (voir la liste des inscriptions).",
                "Prévenez %(count)s personnes par téléphone (voir la liste des inscriptions).",
                total - by_email,
            ) % {"count": total - by_email}
        messages.warning(request, text)


hooks.register("after_edit_page", warn_about_cancelled_dates)
hooks.register("after_create_page", warn_about_cancelled_dates)


@hooks.register(digest.HOOK)
def events_without_attendance(organisation, today):
    """The organisation's past events whose number of participants was never entered: the
    indicators (« nombre de personnes accompagnées ») need it."""
    from django.db.models import Max

    from campaigns.models import EventPage

    events = (
        EventPage.objects.live()
        .filter(organiser=organisation, attendance_count__isnull=True)
        .annotate(last_end=Max("occurrences__end"))
        .filter(last_end__date__lt=today)
        .order_by("last_end")
    )
    return digest.DigestSection(
        gettext("Événements passés sans nombre de participants"),
        [
            digest.DigestItem(
                event.title,
                reverse("wagtailadmin_pages:edit", args=[event.pk]),
                gettext("terminé le %(date)s")
                % {"date": timezone.localtime(event.last_end).strftime("%d/%m/%Y")},
            )
            for event in events
        ],
    )


hooks.register(FIGURES_HOOK, indicators.figures)
hooks.register(ACTIVITIES_HOOK, indicators.activities)


class NationalDayViewSet(SnippetViewSet):
    """Editors correct a year's dates (Numériqu'elles moves) or add next year's."""

    model = NationalDayDate
    icon = "date"
    menu_label = _("Journées nationales")
    list_display = ["name", "start", "end"]
    list_filter = ["start"]
    ordering = ["start"]
    search_fields = ["name"]


register_snippet(NationalDayViewSet)
