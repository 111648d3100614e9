"""The admin report « État des traductions » and its CSV export (content/spreadsheet.py)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Locale

from content import spreadsheet

from . import STATES, language_names, sections, statuses, summary, target_locales, type_choices

PER_PAGE = 100


def _filters(request):
    """The GET filters, each kept only if it is one of the choices offered."""
    french = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    names = language_names()
    locales = target_locales()
    languages = [(locale.language_code, names[locale.language_code]) for locale in locales]
    section_pages = list(sections(french).only("id", "title", "path"))
    types = type_choices()
    chosen = {
        "language": request.GET.get("langue", ""),
        "state": request.GET.get("etat", ""),
        "type": request.GET.get("type", ""),
        "section": request.GET.get("rubrique", ""),
    }
    if chosen["language"] not in dict(languages):
        chosen["language"] = ""
    if chosen["state"] not in STATES:
        chosen["state"] = ""
    if chosen["type"] not in dict(types):
        chosen["type"] = ""
    section = next((page for page in section_pages if str(page.pk) == chosen["section"]), None)
    if section is None:
        chosen["section"] = ""
    choices = {
        "languages": languages,
        "states": list(STATES.items()),
        "types": types,
        "sections": [(str(page.pk), page.title) for page in section_pages],
    }
    return chosen, section, choices, french, locales


def _rows(request):
    if not user_has_any_page_permission(request.user):
        raise PermissionDenied
    chosen, section, choices, french, locales = _filters(request)
    rows = statuses(
        request.user,
        language=chosen["language"],
        state=chosen["state"],
        type_code=chosen["type"],
        section=section,
        french=french,
        locales=locales,
    )
    return rows, chosen, choices


def report_view(request):
    rows, chosen, choices = _rows(request)
    paginator = Paginator(rows, PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "content/translation_status/report.html",
        {
            "header_title": _("État des traductions"),
            "header_icon": "globe",
            "rows": page,
            "paginator": paginator,
            "count": len(rows),
            "summary": summary(rows),
            "chosen": chosen,
            "choices": choices,
            "query": query.urlencode(),
            "has_languages": bool(choices["languages"]),
        },
    )


HEADINGS = [
    gettext_lazy("Contenu"),
    gettext_lazy("Type"),
    gettext_lazy("Rubrique"),
    gettext_lazy("Langue"),
    gettext_lazy("État"),
    gettext_lazy("Segments traduits (%)"),
    gettext_lazy("Segments traduits"),
    gettext_lazy("Segments à traduire"),
    gettext_lazy("Depuis"),
    gettext_lazy("Traduction en ligne"),
    gettext_lazy("Modifier le contenu"),
    gettext_lazy("Traduction"),
]


def csv_view(request):
    rows, _chosen, _choices = _rows(request)
    base = request.build_absolute_uri("/").rstrip("/")
    lines = [
        [
            row.title,
            row.type_label,
            row.section,
            row.language_name,
            row.state_label,
            row.share,
            row.done,
            row.total,
            row.since,
            row.live,
            base + row.edit_url,
            base + row.translation_url,
        ]
        for row in rows
    ]
    filename = "etat-des-traductions-" + timezone.localdate().isoformat()
    return spreadsheet.csv_response(filename, [str(heading) for heading in HEADINGS], lines)
