import django_filters
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from content import checks as content_checks
from content import digest
from content.indicators import ACTIVITIES_HOOK, FIGURES_HOOK
from content.organisations import OrganisationPermissionPolicy, OrganisationScopedViewSetMixin
from content.spreadsheet import FrenchSpreadsheetViewSetMixin

from . import indicators
from .checks import lesson_checks
from .models import LessonPage, SessionReport
from .reports import GROUPS, aggregates, aggregates_csv, bar_chart, school_years
from .school import ClassLevel, Topic

VIEW_PERMISSION = "lessons.view_sessionreport"


def _year_choices():
    return [(year, year) for year in school_years()]


def _structure_choices():
    names = SessionReport.objects.order_by("structure_name").values_list(
        "structure_name", flat=True
    )
    return [(name, name) for name in names.distinct()]


class SessionReportFilterSet(WagtailFilterSet):
    topic = django_filters.ChoiceFilter(label=_("Thème"), choices=Topic.choices)
    class_level = django_filters.ChoiceFilter(label=_("Niveau"), choices=ClassLevel.choices)
    structure_name = django_filters.ChoiceFilter(label=_("Structure"), choices=_structure_choices)
    school_year = django_filters.ChoiceFilter(label=_("Année scolaire"), choices=_year_choices)

    class Meta:
        model = SessionReport
        fields = ["topic", "class_level", "structure_name", "school_year"]


# Each structure sees and corrects its own reports; the coordination sees them all.
register_permission_policy(
    SessionReport, OrganisationPermissionPolicy(SessionReport, "organisation"), exact_class=True
)


class SessionReportViewSet(
    FrenchSpreadsheetViewSetMixin, OrganisationScopedViewSetMixin, SnippetViewSet
):
    """Editors review the reports sent from the public form: list, filter, correct, delete."""

    model = SessionReport
    icon = "clipboard-list"
    menu_label = _("Comptes rendus de séance")
    menu_order = 330
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = [
        "date",
        "school",
        "class_level",
        "topic",
        "pupils",
        "parents",
        "structure_name",
        "school_year",
    ]
    filterset_class = SessionReportFilterSet
    search_fields = ["school", "structure_name", "comment"]
    search_backend_name = None  # plain database filtering: no search index for reports
    list_export = [
        "date",
        "school_year",
        "structure_name",
        "school",
        "class_level",
        "topic",
        "pupils",
        "parents",
        "comment",
        "created_at",
    ]
    export_filename = "comptes-rendus-de-seance"
    ordering = ["-date", "-created_at"]
    organisation_path = "organisation"
    organisation_choice_fields = {"organisation": "pk"}

    def get_queryset(self, request):
        return SessionReport.objects.all()


register_snippet(SessionReportViewSet)


def _check(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied


def _selected_year(request, years):
    """`annee` from the query string: a known year, "toutes", or by default the latest."""
    value = request.GET.get("annee", "")
    if value == "toutes":
        return None
    if value in years:
        return value
    return years[0] if years else None


def summary_view(request):
    _check(request)
    years = school_years()
    year = _selected_year(request, years)
    data = aggregates(year)
    return TemplateResponse(
        request,
        "lessons/reports/admin/summary.html",
        {
            "header_title": gettext("Bilan des interventions en milieu scolaire"),
            "header_icon": "table",
            "years": years,
            "year": year,
            "data": data,
            "tables": [(str(label), data[key]) for key, label in GROUPS],
            "level_chart": bar_chart(data["by_level"]),
            "topic_chart": bar_chart(data["by_topic"]),
        },
    )


def summary_csv_view(request):
    _check(request)
    return aggregates_csv(_selected_year(request, school_years()))


@hooks.register("register_admin_urls")
def register_summary_urls():
    return [
        path("bilan-interventions/", summary_view, name="session_report_summary"),
        path("bilan-interventions/csv/", summary_csv_view, name="session_report_summary_csv"),
    ]


class SummaryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_summary_menu_item():
    return SummaryMenuItem(
        _("Bilan des interventions"),
        reverse("session_report_summary"),
        icon_name="table",
        order=800,
    )


class LessonsToReviewPanel(Component):
    """Dashboard panel: lessons past their review date and outdated easy-to-read versions,
    so editors see them without opening every lesson."""

    name = "lessons_to_review"
    order = 110
    template_name = "lessons/admin/lessons_to_review_panel.html"

    def get_context_data(self, parent_context):
        overdue, easy_read = LessonPage.needing_review()
        return {"overdue": overdue, "easy_read": easy_read}


@hooks.register("construct_homepage_panels")
def add_lessons_to_review_panel(request, panels):
    # Editors get page rights through page permissions, not model permissions.
    if user_has_any_page_permission(request.user):
        panels.append(LessonsToReviewPanel())


@hooks.register(digest.HOOK)
def lessons_to_review(organisation, today):
    """Lessons of the organisation's sections past their review date."""
    sections = list(organisation.sections.all())
    if not sections:
        return None
    overdue, _easy_read = LessonPage.needing_review(today, within=sections)
    return digest.DigestSection(
        gettext("Leçons à revérifier (date de relecture dépassée)"),
        [
            digest.DigestItem(
                lesson.title,
                reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
                gettext("à revoir depuis le %(date)s")
                % {"date": lesson.review_by.strftime("%d/%m/%Y")},
            )
            for lesson in overdue
        ],
    )


@hooks.register(digest.HOOK)
def easy_read_to_update(organisation, today):
    """Easy-to-read versions older than their original, in the organisation's sections."""
    sections = list(organisation.sections.all())
    if not sections:
        return None
    _overdue, easy_read = LessonPage.needing_review(today, within=sections)
    return digest.DigestSection(
        gettext("Versions faciles à lire plus anciennes que leur original"),
        [
            digest.DigestItem(lesson.title, reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
            for lesson in easy_read
        ],
    )


hooks.register(content_checks.HOOK, lesson_checks)
hooks.register(FIGURES_HOOK, indicators.figures)
hooks.register(ACTIVITIES_HOOK, indicators.activities)
