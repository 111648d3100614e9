"""Public endpoints outside the page tree: short links, QR codes, the view counter, kit files.
None of them sets a cookie or stores anything about the visitor."""

import base64
import io
import mimetypes

import segno
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from content import ratelimit
from content.spreadsheet import csv_response

from ..kit import kit_path
from ..models import CampaignCounter, CampaignKit, CampaignPage, ShortLink
from ..models.shortlinks import channel_label


def count(request, campaign_id, channel, metric):
    """Count a hit unless this client already counted many for this campaign and metric
    today (settings.RATE_LIMITS["campaign_counter"]): the visitor is served either way."""
    if not ratelimit.hit(request, "campaign_counter", campaign_id, metric):
        CampaignCounter.increment(campaign_id, channel, metric)


# A transparent 1×1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@require_GET
@never_cache
def short_link(request, code):
    # Codes are lower case; a reader may type them in capitals.
    link = get_object_or_404(ShortLink.objects.select_related("campaign"), code=code.lower())
    if not link.campaign.live:
        raise Http404
    count(request, link.campaign_id, link.channel, CampaignCounter.Metric.SCAN)
    return HttpResponseRedirect(link.landing_url())


@require_GET
def qr_code(request, code, kind):
    link = get_object_or_404(ShortLink, code=code.lower())
    qr = segno.make(link.short_url, error="m")
    buffer = io.BytesIO()
    if kind == "svg":
        qr.save(buffer, kind="svg", scale=8, border=4, title=link.short_url)
        content_type = "image/svg+xml"
    else:
        qr.save(buffer, kind="png", scale=12, border=4)
        content_type = "image/png"
    response = HttpResponse(buffer.getvalue(), content_type=content_type)
    if request.GET.get("telecharger"):
        response["Content-Disposition"] = f'attachment; filename="qr-{code}.{kind}"'
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
@never_cache
def view_counter(request, page_id):
    """Counted by a same-origin image in the (cacheable) campaign page: the HTML can come from
    any cache, this request always reaches the server."""
    channel = request.GET.get("canal", "direct")
    if channel not in ShortLink.Channel.values:
        channel = "direct"
    if CampaignPage.objects.live().filter(pk=page_id).exists():
        count(request, page_id, channel, CampaignCounter.Metric.VIEW)
    return HttpResponse(PIXEL, content_type="image/gif")


@require_GET
def kit_file(request, page_id, name):
    kit = get_object_or_404(CampaignKit, campaign_id=page_id, campaign__live=True)
    if name not in {f["name"] for f in kit.files}:
        raise Http404
    path = kit_path(page_id, name)
    if not default_storage.exists(path):
        raise Http404
    count(request, page_id, "kit", CampaignCounter.Metric.DOWNLOAD)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    inline = content_type.startswith("image/") or content_type == "application/pdf"
    return FileResponse(
        default_storage.open(path, "rb"),
        content_type=content_type,
        as_attachment=not inline,
        filename=name,
    )


def report_rows(campaign):
    """(day, channel, views, scans, downloads) rows, oldest first."""
    table = {}
    for counter in campaign.counters.order_by("day", "channel"):
        row = table.setdefault(
            (counter.day, counter.channel), {"view": 0, "scan": 0, "download": 0}
        )
        row[counter.metric] += counter.count
    return [
        (day, channel, v["view"], v["scan"], v["download"])
        for (day, channel), v in sorted(table.items())
    ]


def report_csv(request, page_id):
    campaign = get_object_or_404(CampaignPage, pk=page_id)
    headings = [_("Jour"), _("Canal"), _("Vues"), _("Scans"), _("Téléchargements")]
    rows = [
        (day, channel_label(channel), views, scans, downloads)
        for day, channel, views, scans, downloads in report_rows(campaign)
    ]
    return csv_response(f"chiffres-{campaign.slug}", headings, rows)
