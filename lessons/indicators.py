"""School interventions' share of the indicators (registered in wagtail_hooks.py): pupils
reached by module and class level, sessions delivered. From session reports, which hold
counts only, never a pupil."""

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from content.indicators import Activity, Figure, Row, coop_thematics

from .models import SchoolModulePage, SessionReport
from .school import ClassLevel, Topic

# A school session is one class period when the report names no module.
DEFAULT_SESSION_MINUTES = 55


def _reports(filters):
    reports = SessionReport.objects.filter(date__gte=filters.start, date__lte=filters.end)
    if filters.organisation is not None:
        reports = reports.filter(organisation=filters.organisation)
    return reports


def figures(filters):
    reports = _reports(filters)
    by_module = (
        reports.order_by()
        .values("module__title", "topic")
        .annotate(pupils=Sum("pupils"))
        .order_by("-pupils", "module__title")
    )
    topics = dict(Topic.choices)
    module_rows = {}
    for row in by_module:
        label = row["module__title"] or _("%(topic)s (sans module)") % {
            "topic": topics.get(row["topic"], row["topic"])
        }
        module_rows[label] = module_rows.get(label, 0) + (row["pupils"] or 0)
    by_level = dict(reports.order_by().values_list("class_level").annotate(n=Sum("pupils")))
    by_structure = (
        reports.order_by().values("structure_name").annotate(n=Count("id")).order_by("-n")
    )
    totals = reports.aggregate(sessions=Count("id"), parents=Sum("parents"))
    note = (
        _("Les comptes rendus de séance ne précisent pas la commune : tout le territoire.")
        if filters.commune
        else ""
    )
    source = _("Comptes rendus envoyés après chaque séance en classe (nombres seulement).")
    return [
        Figure(
            "eleves-module",
            _("Élèves sensibilisés par module"),
            _("élèves"),
            [Row(label, value, label) for label, value in module_rows.items()],
            source=source,
            note=note,
            order=20,
        ),
        Figure(
            "eleves-niveau",
            _("Élèves sensibilisés par niveau de classe"),
            _("élèves"),
            [
                Row(str(label), by_level.get(code) or 0, code)
                for code, label in ClassLevel.choices
                if by_level.get(code)
            ],
            source=source,
            note=note,
            order=21,
        ),
        Figure(
            "seances-scolaires",
            _("Séances en classe réalisées, par structure"),
            _("séances"),
            [Row(row["structure_name"], row["n"], row["structure_name"]) for row in by_structure],
            source=source,
            note=note,
            order=22,
            # A structure's name and a small number of sessions could point at a facilitator.
            public=False,
        ),
        Figure(
            "parents-scolaires",
            _("Parents présents aux séances"),
            _("parents"),
            [Row(_("Parents"), totals["parents"] or 0, "parents")],
            source=source,
            note=note,
            order=23,
        ),
    ]


def activities(filters):
    mapping = coop_thematics()
    reports = _reports(filters).select_related("organisation")
    durations = dict(
        SchoolModulePage.objects.filter(
            pk__in=reports.exclude(module=None).values("module_id")
        ).values_list("pk", "duration_minutes")
    )
    for report in reports:
        yield Activity(
            date=report.date,
            structure=report.structure_name,
            commune="",
            kind="Collectif",
            thematics=[mapping["topics"].get(report.topic, mapping["default"])],
            duration_minutes=durations.get(report.module_id) or DEFAULT_SESSION_MINUTES,
            participants=report.pupils + report.parents,
            title=f"{report.school} ({report.get_class_level_display()})",
            source=_("Intervention scolaire"),
        )
