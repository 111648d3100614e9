"""« Nos résultats »: the public page of the territory's figures and the same as open data (CSV
and JSON, Licence Ouverte 2.0), one civil year at a time, from the hooks the « Bilan » reads.
Only aggregated counts, each figure grouped so that no published number can point at a person
(`Figure.grouped`: under the threshold, folded into « Autres » or shown « moins de 5 »)."""

import datetime
import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from content.places.standard import LICENCE
from content.spreadsheet import csv_response

from . import Filters, figures, small_count_threshold

# The first year the site gathers figures for (the roadmaps' first year).
DEFAULT_FIRST_YEAR = 2024


def years():
    """Years offered, newest first: from the first year to the current one (in progress)."""
    first = getattr(settings, "OPEN_DATA_FIRST_YEAR", DEFAULT_FIRST_YEAR)
    return list(range(timezone.localdate().year, first - 1, -1))


def default_year():
    """The last complete year (its figures are final); the current one while it is the first."""
    offered = years()
    return offered[1] if len(offered) > 1 else offered[0]


def year_filters(year):
    if year not in years():
        raise Http404
    filters = Filters.for_year(year)
    today = timezone.localdate()
    if filters.end > today:
        filters.end = today
    return filters


def public_figures(year):
    return figures(year_filters(year), public=True)


def rule_text():
    return _(
        "Pour qu'aucun chiffre ne puisse désigner une personne, les nombres de personnes ou "
        "d'actions inférieurs à %(n)s sont regroupés dans « Autres », ou affichés « moins de "
        "%(n)s » quand le regroupement reste sous ce seuil ; le total n'est alors pas publié."
    ) % {"n": small_count_threshold()}


def open_data_headers(response):
    response["Link"] = f'<{LICENCE["path"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"  # public data, harvested by other sites
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_GET
def results_page(request, year=None):
    year = year or default_year()
    filters = year_filters(year)
    return render(
        request,
        "content/indicators/results.html",
        {
            "year": year,
            "years": years(),
            "in_progress": filters.end < datetime.date(year, 12, 31),
            "period_end": filters.end,
            "figures": public_figures(year),
            "threshold": small_count_threshold(),
            "rule": rule_text(),
            "licence": LICENCE,
        },
    )


@require_GET
def results_csv(request, year):
    filters = year_filters(year)
    threshold = small_count_threshold()
    withheld = _("moins de %(n)s") % {"n": threshold}
    rows = [
        (
            figure.title,
            row.label,
            row.value,  # empty when withheld: the next column says why
            withheld if row.value is None else "",
            figure.unit,
            filters.start,
            filters.end,
            figure.source,
        )
        for figure in figures(filters, public=True)
        for row in figure.rows
    ]
    headings = [
        _("Indicateur"),
        _("Catégorie"),
        _("Valeur"),
        _("Valeur non publiée"),
        _("Unité"),
        _("Du"),
        _("Au"),
        _("Source"),
    ]
    response = csv_response(f"nos-resultats-{year}", headings, rows)
    return open_data_headers(response)


def results_record(year):
    filters = year_filters(year)
    return {
        "titre": _("Nos résultats %(year)s : chiffres de l'inclusion numérique") % {"year": year},
        "producteur": "Cap Numérique",
        "licence": LICENCE,
        "periode": {"du": filters.start.isoformat(), "au": filters.end.isoformat()},
        "seuil_petits_nombres": small_count_threshold(),
        "regle": rule_text(),
        "page": reverse("indicators_public_year", args=[year]),
        "indicateurs": [
            {
                "cle": figure.key,
                "titre": figure.title,
                "unite": figure.unit,
                "source": figure.source,
                "note": figure.note,
                # null: under the threshold, withheld
                "lignes": [
                    {"cle": row.key, "libelle": row.label, "valeur": row.value}
                    for row in figure.rows
                ],
                "total": None if figure.withheld else figure.total,
            }
            for figure in figures(filters, public=True)
        ],
    }


@require_GET
def results_json(request, year):
    body = json.dumps(results_record(year), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="nos-resultats-{year}.json"'
    return open_data_headers(response)
