"""Admin report of « Cette page vous a-t-elle aidé ? » (docs/feedback.md): every page with
answers, the ones that help least, and per page its comments. Behind its own permission
(`content.view_pagefeedback`), which `setup_organisations` gives the coordination only: the
comments are what visitors typed."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from content.feedback import MIN_ANSWERS_TO_RANK, TREND_DAYS, least_helpful, page_figures
from content.models import PageFeedback

FEEDBACK_PERMISSION = "content.view_pagefeedback"
# A comment may still hold what the masking cannot catch (a name): the coordination deletes it.
DELETE_PERMISSION = "content.delete_pagefeedback"


def _with_pages(figures):
    pages = Page.objects.filter(pk__in=[row["page_id"] for row in figures]).select_related(
        "content_type", "locale"
    )
    by_id = {page.pk: page for page in pages}
    rows = []
    for row in figures:
        page = by_id.get(row["page_id"])
        if page is not None:
            row["page"] = page
            row["kind"] = page.content_type.model_class()._meta.verbose_name
            rows.append(row)
    return rows


def feedback_report(request):
    rows = _with_pages(page_figures())
    rows.sort(key=lambda row: (-row["answers"], row["page"].title))
    return TemplateResponse(
        request,
        "content/admin/feedback_report.html",
        {
            "rows": rows,
            "least_helpful": least_helpful(rows),
            "min_answers": MIN_ANSWERS_TO_RANK,
            "trend_days": TREND_DAYS,
            "header_title": _("Avis des lecteurs"),
            "header_icon": "help",
        },
    )


def feedback_page_report(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    feedback = PageFeedback.objects.filter(page=page)
    figures = page_figures(feedback)
    comments = Paginator(feedback.exclude(comment=""), 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "content/admin/feedback_page.html",
        {
            "page": page,
            "figures": figures[0] if figures else None,
            "comments": comments,
            "trend_days": TREND_DAYS,
            "can_delete": request.user.has_perm(DELETE_PERMISSION),
            "header_title": _("Avis des lecteurs : %(title)s") % {"title": page.title},
            "header_icon": "help",
        },
    )


@require_POST
def feedback_delete(request, page_id, pk):
    get_object_or_404(PageFeedback, pk=pk, page_id=page_id).delete()
    messages.success(request, _("Avis supprimé."))
    return redirect("feedback_page_report", page_id)
