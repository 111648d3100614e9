from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from campaigns.models import Registration


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
