"""« Bilan »: the coordination's dashboard, its CSV exports (figures, and the national activity
report's categories) and the yearly report (printable page and PDF)."""

import datetime

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.organisations import VIEW_INDICATORS, permission_required
from content.spreadsheet import csv_response

from . import Filters, activities, figures


def _communes():
    from content.models import Place

    return (
        Place.objects.filter(locale__language_code="fr")
        .order_by("commune")
        .values_list("commune", flat=True)
        .distinct()
    )


def date_field(label):
    """A day typed the French way (or as the browser's ISO date), optional."""
    return forms.DateField(
        label=label,
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text=gettext_lazy("jj/mm/aaaa"),
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"size": 10, "autocomplete": "off"}),
    )


class FiltersForm(forms.Form):
    du = date_field(gettext_lazy("Du"))
    au = date_field(gettext_lazy("Au"))
    commune = forms.ChoiceField(label=gettext_lazy("Commune"), required=False)
    structure = forms.ModelChoiceField(
        label=gettext_lazy("Structure"),
        required=False,
        queryset=None,
        empty_label=gettext_lazy("Toutes les structures"),
    )

    def __init__(self, *args, **kwargs):
        from content.models import Organisation

        super().__init__(*args, **kwargs)
        self.fields["commune"].choices = [("", _("Tout le territoire"))] + [
            (name, name) for name in _communes()
        ]
        self.fields["structure"].queryset = Organisation.objects.filter(
            locale__language_code="fr"
        ).order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("du") and data.get("au") and data["au"] < data["du"]:
            raise forms.ValidationError(_("La fin de la période doit suivre son début."))
        return data

    def filters(self):
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("du") or datetime.date(today.year, 1, 1)
        end = data.get("au") or today
        return Filters(
            start, end, commune=data.get("commune") or "", organisation=data.get("structure")
        )


def _period_label(filters):
    return _("du %(start)s au %(end)s") % {
        "start": filters.start.strftime("%d/%m/%Y"),
        "end": filters.end.strftime("%d/%m/%Y"),
    }


@permission_required(VIEW_INDICATORS)
def dashboard(request):
    form = FiltersForm(request.GET or None)
    filters = form.filters()
    query = request.GET.urlencode()
    return TemplateResponse(
        request,
        "content/indicators/dashboard.html",
        {
            "header_title": _("Bilan"),
            "header_icon": "table",
            "form": form,
            "filters": filters,
            "period": _period_label(filters),
            "figures": figures(filters),
            "query": query,
            "year": filters.end.year,
        },
    )


@permission_required(VIEW_INDICATORS)
def figures_csv(request):
    filters = FiltersForm(request.GET or None).filters()
    rows = [
        (figure.title, row.label, row.value, figure.unit, filters.start, filters.end)
        for figure in figures(filters)
        for row in figure.rows
    ]
    return csv_response(
        f"bilan-{filters.start:%Y%m%d}-{filters.end:%Y%m%d}",
        [_("Indicateur"), _("Catégorie"), _("Valeur"), _("Unité"), _("Du"), _("Au")],
        rows,
    )


COOP_HEADINGS = [
    gettext_lazy("Date"),
    gettext_lazy("Structure"),
    gettext_lazy("Commune"),
    gettext_lazy("Type d'accompagnement"),
    gettext_lazy("Thématiques"),
    gettext_lazy("Durée (minutes)"),
    gettext_lazy("Nombre de participants"),
    gettext_lazy("Intitulé"),
    gettext_lazy("Source"),
]


@permission_required(VIEW_INDICATORS)
def coop_csv(request):
    """One line per action in the categories of the Coop de la médiation numérique's activity
    report (collective or individual, thematics, duration), for national reporting."""
    filters = FiltersForm(request.GET or None).filters()
    rows = [
        (
            a.date,
            a.structure,
            a.commune,
            a.kind,
            " ; ".join(a.thematics),
            a.duration_minutes,
            a.participants,
            a.title,
            a.source,
        )
        for a in activities(filters)
    ]
    return csv_response(
        f"activites-coop-{filters.start:%Y%m%d}-{filters.end:%Y%m%d}", COOP_HEADINGS, rows
    )


def _year_filters(year):
    today = timezone.localdate()
    filters = Filters.for_year(year)
    if filters.end > today:
        filters.end = today
    return filters


@permission_required(VIEW_INDICATORS)
def yearly_report(request, year):
    filters = _year_filters(year)
    return TemplateResponse(
        request,
        "content/indicators/yearly_report.html",
        {
            "year": year,
            "period": _period_label(filters),
            "figures": figures(filters),
            "generated": timezone.localtime(),
        },
    )


@permission_required(VIEW_INDICATORS)
def yearly_report_pdf(request, year):
    from .pdf import yearly_pdf

    filters = _year_filters(year)
    response = HttpResponse(
        yearly_pdf(year, _period_label(filters), figures(filters)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="bilan-{year}.pdf"'
    return response
