"""The staff's one spreadsheet format: every CSV export made for people (registrations, session
reports, campaign figures, the « Bilan » and its Coop export) goes through here, so they all open
directly in French spreadsheet software and none can run a formula a visitor typed.

- `;` between values and `,` for decimals (what French Excel and LibreOffice expect);
- UTF-8 with a byte-order mark (without it Excel reads the accents as Latin-1);
- column headings and values as labels (« Confirmée », not `confirmee`), dates and times in the
  site's time zone (Europe/Paris), written jj/mm/aaaa hh:mm;
- OWASP's CSV-injection rule: a text cell that starts with = + - @ a tab or a carriage return,
  also after leading spaces, gets a single quote in front, so the spreadsheet shows it as text.

The public open-data export of help places (content/places/) follows the national data standard
instead (comma, no BOM, ISO dates) and does not use this module.
"""

import csv
import datetime
import decimal
import io
from collections import OrderedDict

from django.core.exceptions import FieldDoesNotExist
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.text import slugify
from django.utils.translation import gettext as _

DELIMITER = ";"
BOM = "\ufeff"
LINE_END = "\r\n"
# OWASP "CSV Injection": characters a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"


def neutralise(text):
    """Text a spreadsheet cannot run: prefixed with ' when it (or what follows its leading
    whitespace) starts like a formula."""
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


def cell(value):
    """One value as the text a French spreadsheet reads: numbers stay numbers, dates are local
    and French, everything else is text, neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Oui") if value else _("Non")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, decimal.Decimal)):
        return str(value).replace(".", ",")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, (list, tuple)):
        return neutralise(", ".join(force_str(v) for v in value))
    return neutralise(force_str(value))


def row(values):
    """One line of the file (with its line end)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=DELIMITER, lineterminator=LINE_END).writerow(
        [cell(v) for v in values]
    )
    return buffer.getvalue()


def csv_text(headings, rows):
    """The whole file as text, byte-order mark first."""
    return BOM + row(headings) + "".join(row(values) for values in rows)


def attachment(response, filename):
    name = slugify(filename.removesuffix(".csv")) or "export"
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def csv_response(filename, headings, rows):
    response = HttpResponse(csv_text(headings, rows), content_type="text/csv; charset=utf-8")
    return attachment(response, filename)


def display_value(item, field):
    """A model field's value as staff read it: the label of a choice, not its code."""
    if "." not in field and "__" not in field:
        try:
            model_field = item._meta.get_field(field)
        except FieldDoesNotExist:
            model_field = None
        if model_field is not None and model_field.choices and not model_field.is_relation:
            return getattr(item, f"get_{field}_display")()
    return None


class FrenchSpreadsheetExportMixin:
    """For a Wagtail index view with `list_export`: its CSV in the format above, and in both CSV
    and XLSX, choice labels and local times."""

    def to_row_dict(self, item):
        row_dict = super().to_row_dict(item)
        return OrderedDict(
            (field, label if (label := display_value(item, field)) is not None else value)
            for field, value in row_dict.items()
        )

    def preprocess_field_value(self, field, value, export_format):
        # Wagtail writes XLSX date-times in UTC; staff read Paris time.
        if export_format == self.FORMAT_XLSX and isinstance(value, datetime.datetime):
            return (
                timezone.make_naive(timezone.localtime(value))
                if timezone.is_aware(value)
                else value
            )
        return super().preprocess_field_value(field, value, export_format)

    def stream_csv(self, queryset):
        yield BOM + row(self.get_heading(queryset, field) for field in self.list_export)
        for item in queryset:
            yield row(self.to_row_dict(item).values())

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset), content_type="text/csv; charset=utf-8"
        )
        return attachment(response, self.get_filename())


class FrenchSpreadsheetViewSetMixin:
    """For a ModelViewSet or SnippetViewSet: its listing's exports in the staff format."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        base = self.index_view_class
        self.index_view_class = type(
            base.__name__, (FrenchSpreadsheetExportMixin, base), {"__module__": base.__module__}
        )
