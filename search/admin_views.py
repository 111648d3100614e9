from django.core.paginator import Paginator
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from search.models import SearchTermStat

# What visitors typed may hold personal data: a permission of its own.
SEARCH_LOG_PERMISSION = "search.view_searchtermstat"


def search_report(request):
    """Aggregated, anonymous: the most searched queries and those that found nothing."""
    only_zero = request.GET.get("sans_resultat") == "1"
    stats = SearchTermStat.objects.all()
    if only_zero:
        stats = stats.filter(zero_result_searches__gt=0).order_by("-zero_result_searches")
    totals = SearchTermStat.objects.aggregate(
        searches=Sum("searches"), zero=Sum("zero_result_searches")
    )
    page = Paginator(stats, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "search/admin/report.html",
        {
            "page_obj": page,
            "only_zero": only_zero,
            "totals": totals,
            "header_title": _("Recherches des visiteurs"),
        },
    )
