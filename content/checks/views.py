"""The admin report « Contenus à corriger »: the findings of `run()` on the pages the editor
may change (an organisation's editors see their sections)."""

from itertools import groupby

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import checked_pages, run


def editable_pages(user):
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return checked_pages().filter(pk__in=editable.values("pk"))


def report_view(request):
    if not user_has_any_page_permission(request.user):
        raise PermissionDenied
    findings = run(editable_pages(request.user))
    kinds = sorted({(finding.kind, finding.problem) for finding in findings})
    kind = request.GET.get("type", "")
    if kind:
        findings = [finding for finding in findings if finding.kind == kind]
    pages = [
        (group[0].page, group)
        for group in (list(g) for _pk, g in groupby(findings, key=lambda f: f.page.pk))
    ]
    return TemplateResponse(
        request,
        "content/checks/report.html",
        {
            "header_title": _("Contenus à corriger"),
            "header_icon": "warning",
            "pages": pages,
            "count": len(findings),
            "kinds": kinds,
            "kind": kind,
        },
    )
