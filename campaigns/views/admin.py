from django.db.models import Sum
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..models import CampaignCounter, CampaignPage
from ..models.shortlinks import channel_label
from .campaigns import report_rows


def campaign_list(request):
    campaigns = CampaignPage.objects.order_by("-start_date")
    return TemplateResponse(
        request,
        "campaigns/admin/report_list.html",
        {
            "campaigns": campaigns,
            "header_title": _("Chiffres des campagnes"),
            "header_icon": "table",
        },
    )


def campaign_report(request, page_id):
    campaign = get_object_or_404(CampaignPage, pk=page_id)
    totals = {
        row["metric"]: row["total"]
        for row in campaign.counters.values("metric").annotate(total=Sum("count"))
    }
    by_channel = {}
    for row in campaign.counters.values("channel", "metric").annotate(total=Sum("count")):
        by_channel.setdefault(row["channel"], {"view": 0, "scan": 0, "download": 0})
        by_channel[row["channel"]][row["metric"]] = row["total"]
    peak = max([1, *(v["view"] + v["scan"] for v in by_channel.values())])
    bars = [
        {
            "channel": channel_label(channel),
            "y": 40 + 30 * index,
            "views": v["view"],
            "scans": v["scan"],
            "downloads": v["download"],
            "view_width": round(400 * v["view"] / peak),
            "scan_width": round(400 * v["scan"] / peak),
        }
        for index, (channel, v) in enumerate(sorted(by_channel.items()))
    ]
    attendance = []
    for block in campaign.linked_pages:
        page = block.value
        if page is None:
            continue
        count = getattr(page.specific, "attendance_count", None)
        if count is not None:
            attendance.append({"title": page.title, "count": count})
    return TemplateResponse(
        request,
        "campaigns/admin/report.html",
        {
            "campaign": campaign,
            "header_title": _("Chiffres : %(title)s") % {"title": campaign.title},
            "header_icon": "table",
            "totals": {m: totals.get(m, 0) for m in CampaignCounter.Metric.values},
            "bars": bars,
            "bar_height": 40 + 30 * max(1, len(bars)) + 10,
            "rows": report_rows(campaign),
            "attendance": attendance,
        },
    )
