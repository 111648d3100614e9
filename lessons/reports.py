"""Public session-report form (after a school awareness session) and the aggregates behind the
admin summary and its CSV export."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Count, Sum
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from content import ratelimit
from content.forms import DescribedFieldsMixin
from content.models import Organisation
from content.spreadsheet import csv_response

from .models.reports import COMMENT_MAX_LENGTH, MAX_PARENTS, MAX_PUPILS, SessionReport
from .models.reports import school_year_start as year_start
from .school import ClassLevel, Topic

HONEYPOT = "site_web"


# -- form ----------------------------------------------------------------------------------------


class SessionReportForm(DescribedFieldsMixin, forms.ModelForm):
    # A text field with the format spelled out rather than the native date picker, whose
    # segment order follows the browser's language and which some screen readers handle badly.
    date = forms.DateField(
        label=_("Date de la séance"),
        help_text=_("Au format jj/mm/aaaa, par exemple 03/03/2026."),
        input_formats=["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"size": 10}),
        error_messages={
            "required": _("Indiquez la date de la séance."),
            "invalid": _("Indiquez une date valide, par exemple 03/03/2026."),
        },
    )
    organisation = forms.ModelChoiceField(
        label=_("Structure qui a animé la séance"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— Choisir dans la liste —"),
        error_messages={"invalid_choice": _("Choisissez une structure de la liste.")},
    )
    other_structure = forms.CharField(
        label=_("Autre structure"),
        required=False,
        max_length=200,
        help_text=_("Seulement si votre structure n'est pas dans la liste : écrivez son nom."),
    )
    school = forms.CharField(
        label=_("Établissement"),
        max_length=200,
        help_text=_("Nom et commune, par exemple « Collège de Saint-Martin-Boulogne »."),
        error_messages={"required": _("Indiquez l'établissement où a eu lieu la séance.")},
    )
    class_level = forms.ChoiceField(
        label=_("Niveau de la classe"),
        choices=[("", _("— Choisir —")), *ClassLevel.choices],
        error_messages={
            "required": _("Choisissez le niveau de la classe."),
            "invalid_choice": _("Choisissez un niveau de la liste."),
        },
    )
    topic = forms.ChoiceField(
        label=_("Thème de la séance"),
        choices=[("", _("— Choisir —")), *Topic.choices],
        error_messages={
            "required": _("Choisissez le thème de la séance."),
            "invalid_choice": _("Choisissez un thème de la liste."),
        },
    )
    pupils = forms.IntegerField(
        label=_("Nombre d'élèves présents"),
        min_value=1,
        max_value=MAX_PUPILS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Indiquez le nombre d'élèves présents."),
            "invalid": _("Indiquez un nombre entier d'élèves, par exemple 25."),
            "min_value": _("Indiquez au moins 1 élève : le nombre d'élèves présents à la séance."),
            "max_value": _(
                "%(limit_value)s élèves au plus par séance : une séance s'adresse à une classe "
                "ou un groupe. Pour plusieurs classes, envoyez un compte rendu par classe."
            ),
        },
    )
    parents = forms.IntegerField(
        label=_("Nombre de parents présents"),
        min_value=0,
        max_value=MAX_PARENTS,
        initial=0,
        help_text=_("0 si aucun parent n'était présent."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Indiquez le nombre de parents présents (0 si aucun)."),
            "invalid": _("Indiquez un nombre entier de parents, par exemple 0 ou 4."),
            "min_value": _("Le nombre de parents ne peut pas être négatif (0 si aucun)."),
            "max_value": _(
                "%(limit_value)s parents au plus : vérifiez le nombre, il semble trop élevé."
            ),
        },
    )
    comment = forms.CharField(
        label=_("Commentaire (facultatif)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "Le commentaire est trop long : %(limit_value)d caractères au plus "
                "(il en compte %(show_value)d)."
            )
        },
    )

    class Meta:
        model = SessionReport
        fields = [
            "date",
            "school",
            "class_level",
            "topic",
            "organisation",
            "other_structure",
            "pupils",
            "parents",
            "comment",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The French organisations only: aggregates must not split a structure by language.
        self.fields["organisation"].queryset = Organisation.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("name")
        # Help texts with numbers are built here, in the language of the request.
        self.fields["pupils"].help_text = _("De 1 à %(max)s : une classe ou un groupe.") % {
            "max": MAX_PUPILS
        }
        self.fields["comment"].help_text = _(
            "Ce qui a bien marché, les questions des élèves… N'écrivez aucun nom d'élève ni "
            "rien qui permette de reconnaître un élève. %(max)s caractères au plus."
        ) % {"max": COMMENT_MAX_LENGTH}
        for name in ("pupils", "parents"):
            field = self.fields[name]
            field.widget.attrs.update({"min": field.min_value, "max": field.max_value})
        for name in ("date", "other_structure", "school", "comment"):
            self.fields[name].widget.attrs["autocomplete"] = "off"
        self.fields["school"].widget.attrs["autocomplete"] = "organization"
        self.describe_fields()

    def clean_date(self):
        day = self.cleaned_data["date"]
        today = timezone.localdate()
        # The current and the previous school year: late reports (June sessions reported in
        # September) are welcome, older ones are almost always a typo in the year.
        earliest = year_start(today).replace(year=year_start(today).year - 1)
        if day < earliest:
            raise forms.ValidationError(
                _(
                    "Cette date est trop ancienne : indiquez une séance de l'année scolaire en "
                    "cours ou de la précédente (depuis le %(earliest)s)."
                )
                % {"earliest": earliest.strftime("%d/%m/%Y")}
            )
        return day

    def field_groups(self):
        """Fieldsets of the template: (legend, fields)."""
        return [
            (_("La séance"), [self[n] for n in ("date", "school", "class_level", "topic")]),
            (_("Votre structure"), [self[n] for n in ("organisation", "other_structure")]),
            (_("Participants"), [self[n] for n in ("pupils", "parents")]),
            (_("Commentaire"), [self["comment"]]),
        ]


# -- module the form was reached from ------------------------------------------------------------


def find_module(raw):
    """The live page `raw` names, or None: bad or unknown ids are ignored silently."""
    try:
        page_id = int(raw)
    except (TypeError, ValueError):
        return None
    if not 0 < page_id < 2**31:
        return None
    # public(): the title of a password-protected page is not shown on the form.
    return Page.objects.live().public().filter(id=page_id).specific().first()


def _codes(value, allowed):
    """Codes among `allowed` found in a page attribute: a code, a list, a comma-separated
    string, a related manager or objects with a `code`/`value`."""
    if value is None:
        return []
    if hasattr(value, "all"):
        value = list(value.all())
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple | set):
        value = [value]
    codes = []
    for item in value:
        code = getattr(item, "code", None) or getattr(item, "value", None) or item
        code = str(code).strip()
        if code in allowed and code not in codes:
            codes.append(code)
    return codes


def module_initial(module):
    """Topic and class level prefilled from a school module page, when it has them."""
    initial = {}
    if module is None:
        return initial
    topics = _codes(getattr(module, "topic", None), Topic.values)
    if len(topics) == 1:
        initial["topic"] = topics[0]
    levels = _codes(getattr(module, "class_levels", None), ClassLevel.values)
    if len(levels) == 1:  # several levels: the facilitator chooses
        initial["class_level"] = levels[0]
    return initial


# -- views ---------------------------------------------------------------------------------------


def _thanks_url(module):
    url = reverse("lessons:session_report_thanks")
    return f"{url}?{urlencode({'module': module.pk})}" if module else url


# No CSRF token, hence no cookie for visitors: the form is anonymous and grants nothing, so a
# forged cross-site post can do no more than a direct one; honeypot, rate limit and the editors'
# review in the admin handle abuse.
@csrf_exempt
def session_report(request):
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    data = request.POST if request.method == "POST" else None
    module = find_module((data or request.GET).get("module"))
    context = {"module": module}
    if data is not None:
        # Every POST counts against a generous limit; a saved report (or what a robot takes
        # for one) against the real one, claimed before saving: the count returned by the
        # atomic increment decides, so parallel requests cannot all pass (docs/protections.md).
        wait = ratelimit.hit(request, "session_report_post")
        if not wait and data.get(HONEYPOT):
            # A robot filled the invisible field: pretend it worked, keep nothing.
            ratelimit.hit(request, "session_report")
            return redirect(_thanks_url(module))
        form = SessionReportForm(data)
        if not wait and form.is_valid():
            wait = ratelimit.hit(request, "session_report")
            if not wait:
                report = form.save(commit=False)
                report.module = module
                report.save()
                return redirect(_thanks_url(module))
        if wait:
            # Nothing is saved, but nothing typed is lost: the values come back, unchecked.
            form = SessionReportForm(
                initial={n: data.get(n) for n in SessionReportForm.Meta.fields}
            )
            context.update(form=form, rate_limited=True)
            response = TemplateResponse(request, "lessons/reports/form.html", context, status=429)
            response["Retry-After"] = str(wait)
            return response
        status = 400
    else:
        form = SessionReportForm(initial=module_initial(module))
        status = 200
    context["form"] = form
    return TemplateResponse(request, "lessons/reports/form.html", context, status=status)


def session_report_thanks(request):
    module = find_module(request.GET.get("module"))
    return TemplateResponse(request, "lessons/reports/thanks.html", {"module": module})


# -- aggregates (admin summary and CSV) ----------------------------------------------------------


def school_years():
    return list(
        SessionReport.objects.order_by("-school_year")
        .values_list("school_year", flat=True)
        .distinct()
    )


def _rows(queryset, field, labels=None, order=None):
    rows = [
        {
            "key": row[field],
            "label": str(labels.get(row[field], row[field])) if labels else row[field],
            "sessions": row["sessions"],
            "pupils": row["pupils"] or 0,
            "parents": row["parents"] or 0,
        }
        for row in queryset.values(field).annotate(
            sessions=Count("id"), pupils=Sum("pupils"), parents=Sum("parents")
        )
    ]
    if order is not None:
        rank = {key: i for i, key in enumerate(order)}
        rows.sort(key=lambda r: (rank.get(r["key"], len(rank)), r["key"]))
    else:
        rows.sort(key=lambda r: (-r["pupils"], r["label"]))
    return rows


def aggregates(school_year=None):
    """Sessions, pupils and parents in total and per topic, class level, structure and school
    year (the last over every year; the others for `school_year` when given)."""
    reports = SessionReport.objects.all()
    if school_year:
        reports = reports.filter(school_year=school_year)
    totals = reports.aggregate(sessions=Count("id"), pupils=Sum("pupils"), parents=Sum("parents"))
    return {
        "totals": {k: v or 0 for k, v in totals.items()},
        "by_topic": _rows(reports, "topic", dict(Topic.choices), Topic.values),
        "by_level": _rows(reports, "class_level", dict(ClassLevel.choices), ClassLevel.values),
        "by_structure": _rows(reports, "structure_name"),
        "by_year": sorted(
            _rows(SessionReport.objects.all(), "school_year"), key=lambda r: r["key"], reverse=True
        ),
    }


GROUPS = [
    ("by_topic", _("thème")),
    ("by_level", _("niveau")),
    ("by_structure", _("structure")),
    ("by_year", _("année scolaire")),
]


def aggregates_csv(school_year=None):
    """The staff spreadsheet format (content.spreadsheet), one row per group value, long
    format, labels only."""
    data = aggregates(school_year)
    period = school_year or _("toutes")
    totals = data["totals"]
    rows = [
        [period, _("total"), _("Total"), totals["sessions"], totals["pupils"], totals["parents"]]
    ]
    for key, group in GROUPS:
        for line in data[key]:
            rows.append(
                [
                    _("toutes") if key == "by_year" else period,
                    group,
                    line["label"],
                    line["sessions"],
                    line["pupils"],
                    line["parents"],
                ]
            )
    headings = [
        _("Année scolaire"),
        _("Regroupement"),
        _("Libellé"),
        _("Séances"),
        _("Élèves"),
        _("Parents"),
    ]
    return csv_response(f"bilan-interventions-{school_year or 'toutes-annees'}", headings, rows)


def bar_chart(rows, value="pupils", width=360):
    """Geometry of a horizontal SVG bar chart (drawn by the template, no JavaScript)."""
    peak = max([1, *(r[value] for r in rows)])
    return {
        "height": 30 * max(1, len(rows)) + 8,
        "bars": [
            {
                "label": r["label"],
                "value": r[value],
                "y": 30 * i + 4,
                "text_y": 30 * i + 22,
                "width": round(width * r[value] / peak),
                "value_x": 230 + round(width * r[value] / peak) + 8,
            }
            for i, r in enumerate(rows)
        ],
    }
