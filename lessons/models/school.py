"""School modules: session kits for teachers and social-centre facilitators, under the
« Interventions en milieu scolaire » index, with a classroom (projector) mode, a printable kit
and a parents' version."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from content.blocks import BaseStreamBlock, HelpNumbersBlock, KeyPointsBlock, StepsBlock
from content.models import AudienceThemeMixin, BasePage
from content.page_forms import BasePageForm
from content.text import text_lines

from ..school import ClassLevel, Topic
from ..school_blocks import PupilActivitiesBlock, SessionPlanBlock

LEVEL_ORDER = [value for value, _label in ClassLevel.choices]
LEVEL_LABELS = dict(ClassLevel.choices)


class SchoolIndexPage(BasePage):
    """« Interventions en milieu scolaire »: the modules, filterable by topic and class level."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["lessons.SchoolModulePage"]
    max_count_per_parent = 1
    template = "lessons/school_index_page.html"

    class Meta:
        verbose_name = _("page « Interventions en milieu scolaire »")

    def modules(self):
        """Live modules in one query; the class-level filter runs in Python since a JSON list
        is queried differently on SQLite and PostgreSQL (and a listing holds a few dozens)."""
        return list(
            SchoolModulePage.objects.child_of(self)
            .live()
            .only(
                "id",
                "title",
                "path",
                "depth",
                "url_path",
                "summary",
                "topic",
                "class_levels",
                "duration_minutes",
            )
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topic = request.GET.get("theme", "")
        level = request.GET.get("niveau", "")
        # Shown on the page rather than through django.contrib.messages: no session cookie.
        notices = []
        if topic not in Topic.values:
            if topic:
                notices.append(
                    _("Ce thème n'existe pas : les modules de tous les thèmes sont affichés.")
                )
            topic = ""
        if level not in ClassLevel.values:
            if level:
                notices.append(
                    _(
                        "Ce niveau de classe n'existe pas : les modules de tous les niveaux "
                        "sont affichés."
                    )
                )
            level = ""
        modules = self.modules()
        if topic:
            modules = [module for module in modules if module.topic == topic]
        if level:
            modules = [module for module in modules if level in (module.class_levels or [])]
        context.update(
            modules=modules,
            topic=topic,
            level=level,
            topics=Topic.choices,
            class_levels=ClassLevel.choices,
            filtered=bool(topic or level),
            notices=notices,
        )
        return context


class SchoolModuleForm(BasePageForm):
    class_levels = forms.MultipleChoiceField(
        label=_("niveaux de classe"),
        choices=ClassLevel.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Les classes pour lesquelles le module est conçu."),
    )


class ParentsVersionStreamBlock(BaseStreamBlock):
    steps = StepsBlock()
    key_points = KeyPointsBlock()


class SchoolModulePage(RoutablePageMixin, AudienceThemeMixin, BasePage):
    # A complete answer ranks before the listings that name its words (search/backends.py).
    search_rank_factor = 1.5

    topic = models.CharField(_("thème"), max_length=40, choices=Topic.choices)
    class_levels = models.JSONField(_("niveaux de classe"), default=list, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"), default=55)
    group_size = models.CharField(
        _("taille du groupe"),
        max_length=80,
        blank=True,
        help_text=_("Par exemple « une classe, 25 à 30 élèves » ou « demi-groupe »."),
    )
    objectives = models.TextField(
        _("objectifs"),
        blank=True,
        help_text=_("Un objectif par ligne, du point de vue de l'élève."),
    )
    materials = models.TextField(_("matériel"), blank=True, help_text=_("Un élément par ligne."))
    prerequisites = models.TextField(
        _("prérequis"), blank=True, help_text=_("Ce qu'il faut préparer ou savoir avant.")
    )
    session_plan = StreamField(
        SessionPlanBlock(), blank=True, verbose_name=_("déroulé minuté de la séance")
    )
    safeguarding = RichTextField(
        _("si un élève se confie"),
        features=["bold", "italic", "ol", "ul", "link"],
        blank=True,
        help_text=_(
            "Que faire si un élève révèle une situation de harcèlement : écouter, ne pas promettre "
            "le secret, prévenir, orienter."
        ),
    )
    help_numbers = StreamField(
        [("help_numbers", HelpNumbersBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("numéros d'aide"),
    )
    activities = StreamField(
        PupilActivitiesBlock(),
        blank=True,
        verbose_name=_("activités des élèves"),
        help_text=_("Chaque activité est une diapositive du mode classe et une fiche à imprimer."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("topic"),
                FieldPanel("class_levels"),
                FieldPanel("duration_minutes"),
                FieldPanel("group_size"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classement et format"),
        ),
        FieldPanel("objectives"),
        FieldPanel("materials"),
        FieldPanel("prerequisites"),
        FieldPanel("session_plan"),
        FieldPanel("safeguarding"),
        FieldPanel("help_numbers"),
        FieldPanel("activities"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("objectives"),
        index.SearchField("session_plan"),
        index.SearchField("activities"),
        index.FilterField("topic"),
    ]
    base_form_class = SchoolModuleForm
    parent_page_types = ["lessons.SchoolIndexPage"]
    subpage_types = ["lessons.ParentsVersionPage"]
    template = "lessons/school_module_page.html"
    # The no-JS quiz check (content.views.quiz_check) looks for quizzes in these fields.
    quiz_fields = ("activities",)

    class Meta:
        verbose_name = _("module d'intervention scolaire")
        verbose_name_plural = _("modules d'intervention scolaire")

    @property
    def objective_list(self):
        return text_lines(self.objectives)

    @property
    def material_list(self):
        return text_lines(self.materials)

    @property
    def class_level_labels(self):
        chosen = set(self.class_levels or [])
        return [str(LEVEL_LABELS[code]) for code in LEVEL_ORDER if code in chosen]

    @property
    def class_levels_display(self):
        return ", ".join(self.class_level_labels)

    @property
    def card_labels(self):
        return [self.get_topic_display(), *self.class_level_labels]

    @property
    def card_meta(self):
        minutes = self.duration_minutes
        return ngettext(
            "Séance de %(minutes)s minute", "Séance de %(minutes)s minutes", minutes
        ) % {"minutes": minutes}

    @property
    def plan_minutes(self):
        return sum(step.value["duration_minutes"] for step in self.session_plan)

    def clean(self):
        super().clean()
        # A teacher books the announced duration: the timed plan must fit it exactly.
        planned = self.plan_minutes
        if self.session_plan and planned != self.duration_minutes:
            raise ValidationError(
                {
                    "duration_minutes": _(
                        "Le déroulé minuté totalise %(planned)s minutes et la durée annoncée est "
                        "de %(announced)s minutes : corrigez l'une ou l'autre."
                    )
                    % {"planned": planned, "announced": self.duration_minutes}
                }
            )

    @cached_property
    def parents_version(self):
        return (
            ParentsVersionPage.objects.child_of(self)
            .live()
            .only("id", "title", "path", "depth", "url_path")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        try:
            # The session report form lives in another part of the app, maybe not deployed yet.
            context["report_url"] = reverse("lessons:session_report")
        except NoReverseMatch:
            context["report_url"] = None
        context["parents_version"] = self.parents_version
        return context

    @path("mode-classe/", name="classroom")
    def classroom(self, request):
        return self.render(request, template="lessons/school_classroom.html")

    @path("kit/", name="kit")
    def kit(self, request):
        return self.render(request, template="lessons/school_kit.html")

    @path("kit/fiche-<int:number>/", name="handout")
    def handout(self, request, number):
        """One pupils' handout alone, to print just the activity the class will do."""
        activities = list(self.activities)
        if not 1 <= number <= len(activities):
            raise Http404
        return self.render(
            request,
            template="lessons/school_handout.html",
            context_overrides={
                "activity": activities[number - 1],
                "number": number,
                "total": len(activities),
            },
        )


class ParentsVersionPage(BasePage):
    """The « jeunes et parents » version of a module, for evening sessions with families."""

    body = StreamField(ParentsVersionStreamBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["lessons.SchoolModulePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "lessons/parents_version_page.html"

    class Meta:
        verbose_name = _("version parents d'un module")
        verbose_name_plural = _("versions parents des modules")
