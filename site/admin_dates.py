"""Admin date pickers that never overwrite what an editor typed.

Wagtail's picker, on leaving the field, replaces any text it cannot parse with the current date
and time (so « 21/01/2027 14h00 » was silently published as "now"). Here the text stays as
typed; the server understands the French ways of writing a date (capnum.formats) or refuses
the value with a message saying how to write it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override

from content.panels import TypedDateInput, TypedDateTimeInput

DATETIME_ERROR = _(
    "Date ou heure non comprise. Écrivez-la par exemple 21/01/2027 14:00 (ou 21/01/2027 14h00)."
)
DATE_ERROR = _("Date non comprise. Écrivez-la par exemple 21/01/2027.")


def register():
    register_form_field_override(
        models.DateTimeField,
        override={"widget": TypedDateTimeInput, "error_messages": {"invalid": DATETIME_ERROR}},
    )
    register_form_field_override(
        models.DateField,
        override={"widget": TypedDateInput, "error_messages": {"invalid": DATE_ERROR}},
    )
