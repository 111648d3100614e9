"""Public views of the directory: the list (a route of PlaceDirectoryPage), a place's page, the
open-data exports and the embed for partners' sites."""

import csv
import io
import json

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from content.models import Place

from . import communes, filters, hours, maps, standard
from .links import directory_for

EMBED_LIMIT = 50


def place_cards(places, now, request=None):
    """Per-card facts computed once (the template must not parse hours itself)."""
    for place in places:
        place.page_url = place.get_url(request)
        place.status = hours.status(place.horaires, now)
        place.service_labels = [filters.SERVICE_LABELS.get(v, v) for v in place.values("services")]
    return places


def filter_form_context(chosen, places):
    """The choices of the filter form: communes that have places, with their count."""
    counts = {}
    for place in places:
        counts[place.code_insee] = counts.get(place.code_insee, 0) + 1
    known = communes.by_code()
    with_places = sorted(
        ((code, known[code].nom, n) for code, n in counts.items() if code in known),
        key=lambda item: item[1],
    )
    return {
        "filters": chosen,
        "commune_options": with_places,
        "near_options": [(c.code_insee, c.nom) for c in communes.communes()],
        "service_options": filters.SERVICE_OPTIONS,
        "public_options": filters.PUBLIC_OPTIONS,
        "support_options": filters.SUPPORT_OPTIONS,
        "accompaniment_options": filters.ACCOMPANIMENT_OPTIONS,
        "open_options": filters.OPEN_CHOICES,
        "access_options": filters.ACCESS_CHOICES,
    }


def remember_directory(page, request):
    """Place links below this page need no lookup of the directory."""
    request._place_directory_urls = {page.locale_id: page.get_url(request)}


def directory_context(page, request):
    remember_directory(page, request)
    now = hours.local_now()
    chosen = filters.Filters.from_query(request.GET)
    all_places = list(page.places())
    matching = chosen.apply(all_places, now)
    paginator = Paginator(matching, page.page_size or 10)
    page_obj = paginator.get_page(request.GET.get("page"))
    place_cards(page_obj.object_list, now, request)
    origin = communes.get(chosen.pres)
    map_config = maps.map_config()
    if map_config:
        maps.mark_positions(page_obj.object_list)
    context = {
        "map": map_config,
        "page_obj": page_obj,
        "places_shown": page_obj.object_list,
        "result_count": paginator.count,
        "total_count": len(all_places),
        "query_string": chosen.query_string(),
        "origin": origin,
        "now": now,
    }
    context.update(filter_form_context(chosen, all_places))
    return context


def place_context(page, request, place):
    remember_directory(page, request)
    now = hours.local_now()
    return {
        "place": place,
        "status": hours.status(place.horaires, now),
        "week": hours.week(place.horaires, now),
        "hours_invalid": bool(place.horaires) and hours.parse(place.horaires) is None,
        "service_labels": [filters.SERVICE_LABELS.get(v, v) for v in place.values("services")],
        "accompaniment_labels": [
            filters.ACCOMPANIMENT_LABELS.get(v, v) for v in place.values("modalites_accompagnement")
        ],
        "access_labels": [filters.ACCESS_LABELS.get(v, v) for v in place.values("modalites_acces")],
        "lists": {
            name: [filters.LIST_LABELS.get(name, {}).get(v, v) for v in place.values(name)]
            for name in (
                "frais_a_charge",
                "equipements",
                "publics_specifiquement_adresses",
                "dispositif_programmes_nationaux",
                "prise_en_charge_specifique",
            )
        },
        "directory": page,
        "now": now,
    }


def export_places():
    locale = Locale.get_default()
    return Place.objects.filter(locale=locale).order_by("identifiant")


def export_records():
    return [standard.place_to_record(place) for place in export_places()]


def csv_text(records):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(standard.fields())
    for record in records:
        writer.writerow(standard.record_to_cells(record))
    return buffer.getvalue()


def open_data_headers(response, filename):
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Link"] = f'<{standard.LICENCE["path"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"  # public data, harvested by other sites
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_GET
def export_csv(request):
    """The standard's CSV (comma, UTF-8, the schema's column order) for the national map and
    partners: not the staff spreadsheet format, on purpose."""
    response = HttpResponse(csv_text(export_records()), content_type="text/csv; charset=utf-8")
    return open_data_headers(response, "lieux-mediation-numerique.csv")


@require_GET
def export_json(request):
    body = json.dumps(export_records(), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    return open_data_headers(response, "lieux-mediation-numerique.json")


@require_GET
def open_data(request):
    """What the files are, their licence and the schema they follow."""
    directory = directory_for(Locale.get_default().pk)
    return render(
        request,
        "content/places/open_data.html",
        {
            "version": standard.VERSION,
            "licence": standard.LICENCE,
            "count": export_places().count(),
            "directory": directory,
            "fields": standard.table_schema()["fields"],
        },
    )


def frame_ancestors():
    return list(getattr(settings, "PLACES_EMBED_FRAME_ANCESTORS", []))


@require_GET
@xframe_options_exempt
def embed(request):
    """A light list for partners' sites: no cookie, no script, no third-party request; only the
    origins of settings.PLACES_EMBED_FRAME_ANCESTORS may frame it."""
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    directory = directory_for(locale.pk)
    if directory is None:
        raise Http404
    chosen = filters.Filters.from_query(request.GET)
    chosen.ouvert = chosen.acces = ""
    now = hours.local_now()
    places = chosen.apply(list(directory.places()), now)[:EMBED_LIMIT]
    place_cards(places, now, request)
    response = render(
        request,
        "content/places/embed.html",
        {
            "directory": directory,
            "places_shown": places,
            "filters": chosen,
            "query_string": chosen.query_string(),
            "commune_name": getattr(communes.get(chosen.commune), "nom", ""),
            "now": timezone.localtime(),
        },
    )
    # django-csp reads this attribute (what its csp_replace decorator sets).
    response._csp_replace = {"frame-ancestors": ["'self'", *frame_ancestors()]}
    return response


def nearby_help_context(value, parent_context):
    """The places a NearbyHelpBlock shows: those offering the service, open ones first (two
    queries: the places and, once per request, the directory)."""
    request = parent_context.get("request")
    page = parent_context.get("page")
    locale_id = getattr(page, "locale_id", None) or Locale.get_active().pk
    directory = directory_for(locale_id)
    if directory is None:
        return {"places_shown": [], "directory_url": ""}
    if request is not None:
        request._place_directory_urls = {locale_id: directory.get_url(request)}
    chosen = filters.Filters(service=value.get("service") or "")
    now = hours.local_now()
    places = chosen.apply(list(directory.places()), now)
    place_cards(places, now, request)
    places.sort(key=lambda p: not (p.status and p.status["open"]))
    base = directory.get_url(request) or ""
    query = chosen.query_string()
    return {
        "places_shown": places[: value.get("count") or 3],
        "match_count": len(places),
        "directory_url": f"{base}?{query}#resultats" if query else base,
        "service_label": dict(filters.SERVICE_OPTIONS).get(chosen.service, ""),
    }
