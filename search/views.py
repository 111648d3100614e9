import contextlib
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from content import config_cache, ratelimit
from search import query as sq
from search.fallback import backend_for, run_with_fallback
from search.models import SearchTermStat
from search.text import clean_query

PER_PAGE = 10
# Beside the pages, the places section shows the best few (a resident on a phone would
# scroll past a dozen places before the first page); a link lists them all.
PLACES_PREVIEW = 3
FILTER_KEYS = ["type"] + [f.key for f in sq.FACETS]


def _page_number(raw):
    try:
        number = int(str(raw)[:6])
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def _selected_filters(request):
    selected = {}
    for key in FILTER_KEYS:
        values = [v[:80] for v in request.GET.getlist(key)[:20] if v]
        if values:
            selected[key] = values
    return selected


def specific_pages(hits):
    """{page id: specific page} for [(page id, content type id)]: one query per page type,
    straight from its table (the hits carry their types, no generic query first)."""
    by_type = {}
    for pk, content_type_id in hits:
        by_type.setdefault(content_type_id, []).append(pk)
    pages = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        queryset = model.objects if model is not None else Page.objects
        # No ORDER BY: the hits give the order.
        pages.update((page.pk, page) for page in queryset.filter(pk__in=pks).order_by())
    return pages


def active_locale():
    """The locale of the request's language, from the configuration cache."""
    return config_cache.active_locale() or Locale.get_active()


@require_GET
def search_view(request):
    locale = active_locale()
    raw = request.GET.get("q", "")
    wait = ratelimit.hit(request, "search")
    if wait:
        # No search made; the query stays in the box.
        response = TemplateResponse(
            request,
            "search/search.html",
            {"query": clean_query(raw), "rate_limited": True},
            status=429,
        )
        response["Retry-After"] = str(wait)
        return response
    selected = _selected_filters(request)
    outcome, degraded = run_with_fallback(sq.search, raw, selected, locale)
    requested_page = _page_number(request.GET.get("page"))
    paginator = Paginator(outcome.hits, PER_PAGE)
    page_out_of_range = requested_page > paginator.num_pages
    page_obj = paginator.get_page(min(requested_page, paginator.num_pages))

    ids = [pk for pk, _ct in page_obj.object_list]
    pages = specific_pages(page_obj.object_list)
    ordered = [pages[pk] for pk in ids if pk in pages]
    texts = sq.body_texts(ordered)
    highlight = " ".join([outcome.query, *(t for group in outcome.expanded for t in group)])
    results = [
        {
            "page": p,
            "labels": sq.result_labels(p, outcome.audiences),
            "summary": getattr(p, "summary", "") or p.search_description,
            "excerpt": sq.excerpt(texts.get(p.pk, ""), highlight),
        }
        for p in ordered
    ]
    # One client writes a few queries an hour to the log at most (a robot cannot fill it).
    if (
        outcome.query
        and requested_page == 1
        and not selected
        and not ratelimit.hit(request, "search_log")
    ):
        SearchTermStat.record(
            outcome.corrected_from or outcome.query,
            get_language() or "fr",
            # A partial answer, or one for a corrected spelling, is still content to write (or
            # a word to add as a synonym): the report lists it as unfound.
            0
            if outcome.some_words_only or outcome.corrected_from
            else len(outcome.hits) + len(outcome.places),
        )

    params = request.GET.copy()
    params.pop("page", None)
    params["q"] = outcome.corrected_from or outcome.query
    places_only = selected.get("type") == [sq.PLACE_TYPE]
    places = outcome.places if places_only else outcome.places[:PLACES_PREVIEW]
    all_places_params = params.copy()
    all_places_params.setlist("type", [sq.PLACE_TYPE])
    context = {
        "query": outcome.query,
        "raw_query": clean_query(raw),
        "was_cut": len(raw) > len(clean_query(raw)) + 1,
        "outcome": outcome,
        "results": results,
        "result_count": len(outcome.hits) + len(outcome.promoted) + len(outcome.places),
        "page_obj": page_obj,
        "page_out_of_range": page_out_of_range,
        "base_params": params.urlencode(),
        "places": places,
        "all_places_query": (
            all_places_params.urlencode() if len(places) < len(outcome.places) else ""
        ),
        "has_filters": bool(selected),
        "search_degraded": degraded,
    }
    return TemplateResponse(request, "search/search.html", context)


MAX_PAGE_SUGGESTIONS = 8
MAX_PLACE_SUGGESTIONS = 3


def place_suggestions(words, locale):
    """Places whose name starts like the words typed. A place has no page of its own: the
    suggestion opens the search page on that name, filtered to places."""
    from wagtail.search.backends import get_search_backend

    from content.models import Place

    places = get_search_backend(backend_for(locale)).autocomplete(
        words, Place.objects.filter(locale=locale)
    )
    search_url = reverse("search:search")
    return [
        {
            "title": _("%(name)s (lieu, %(town)s)") % {"name": place.nom, "town": place.commune},
            "url": f"{search_url}?{urlencode({'q': place.nom, 'type': sq.PLACE_TYPE})}",
        }
        for place in places[:MAX_PLACE_SUGGESTIONS]
    ]


@require_GET
def autocomplete_view(request):
    text = clean_query(request.GET.get("q", ""))[:60]
    items = []
    wait = ratelimit.hit(request, "autocomplete")
    if wait:
        return JsonResponse(
            {"query": text, "results": []}, status=429, headers={"Retry-After": str(wait)}
        )
    if len(text) >= 2 and sq.query_words(text):
        locale = active_locale()
        words = " ".join(sq.query_words(text))
        # The backend may refuse an odd query: suggestions are optional, each kind on its own.
        try:
            pages = sq.base_queryset(locale).autocomplete(words, backend=backend_for(locale))[
                :MAX_PAGE_SUGGESTIONS
            ]
            items = [{"title": p.title, "url": p.url} for p in pages]
        except Exception:
            items = []
        with contextlib.suppress(Exception):
            items += place_suggestions(words, locale)
    response = JsonResponse({"query": text, "results": items})
    response["Cache-Control"] = "public, max-age=60"
    return response
