import datetime

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from content.blocks import (
    BaseStreamBlock,
    GlossaryTermBlock,
    H5PActivityBlock,
    KeyPointsBlock,
    QuizBlock,
    SourcesBlock,
    StepsBlock,
)
from content.models import AudienceThemeMixin, BasePage
from content.page_forms import BasePageForm
from content.pictures import prefetch_renditions, step_images
from content.text import text_lines

from ..attestation import activities_of
from ..competences import COMPETENCE_LABELS, COMPETENCES
from .easy_read import EasyReadMixin, pair_easy_read_versions, with_original_key

REVIEW_INTERVAL = datetime.timedelta(days=183)


class LessonStreamBlock(BaseStreamBlock):
    steps = StepsBlock()
    key_points = KeyPointsBlock()
    quiz = QuizBlock()
    glossary_term = GlossaryTermBlock()
    h5p_activity = H5PActivityBlock()
    # What the lesson's procedures were checked against, each source with its date: residents
    # and mediators judge how fresh a procedure is (issue 18).
    sources = SourcesBlock()


class Level(models.IntegerChoices):
    BEGINNER = 1, _("Niveau 1 – Premiers pas")
    ADVANCED = 2, _("Niveau 2 – Aller plus loin")


class LearningPathForm(BasePageForm):
    competences = forms.MultipleChoiceField(
        label=_("compétences Pix"),
        choices=COMPETENCES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Les compétences du référentiel Pix / DigComp travaillées dans ce parcours."),
    )


class LearningPathPage(AudienceThemeMixin, BasePage):
    level = models.PositiveSmallIntegerField(
        _("niveau"), choices=Level.choices, default=Level.BEGINNER
    )
    competences = models.JSONField(
        _("compétences Pix"),
        default=list,
        blank=True,
        help_text=_("Les compétences du référentiel Pix / DigComp travaillées dans ce parcours."),
    )
    objectives = models.TextField(
        _("à la fin, je sais..."),
        blank=True,
        help_text=_("Un objectif par ligne, qui complète « À la fin, je sais... »."),
    )
    prerequisites = models.TextField(
        _("prérequis"),
        blank=True,
        help_text=_("Ce qu'il faut savoir faire avant. Laissez vide s'il n'y a rien à savoir."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("présentation"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("level"),
        FieldPanel("objectives"),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("competences"),
            ],
            heading=_("Classement"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("objectives")]
    base_form_class = LearningPathForm
    parent_page_types = ["lessons.LearningIndexPage"]
    subpage_types = ["lessons.LessonPage"]
    template = "lessons/learning_path_page.html"

    class Meta:
        verbose_name = _("parcours")
        verbose_name_plural = _("parcours")

    @property
    def objective_list(self):
        return text_lines(self.objectives)

    @property
    def competence_list(self):
        return [
            (code, COMPETENCE_LABELS[code])
            for code in self.competences
            if code in COMPETENCE_LABELS
        ]

    @cached_property
    def lessons(self):
        """The path's lessons in order, each with its `easy_read_version` (or None): originals
        and easy-to-read versions come in the same query."""
        fields = ["id", "title", "path", "depth", "url_path", "duration_minutes", "summary"]
        return pair_easy_read_versions(
            with_original_key(
                LessonPage.objects.child_of(self)
                .live()
                .only(*fields, "translation_key", "body", "easy_read_of")
                .order_by("path")
            )
        )

    @property
    def total_minutes(self):
        return sum(lesson.duration_minutes for lesson in self.lessons)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = self.lessons
        context["activities"] = activities_of(self.lessons)
        context["audience_list"] = self.audiences_here()
        return context


class LessonPage(EasyReadMixin, BasePage):
    page_feedback = True  # « Cette page vous a-t-elle aidé ? »
    objectives = models.TextField(
        _("à la fin, je sais..."),
        blank=True,
        help_text=_("Un objectif par ligne."),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("durée (minutes)"), default=10, help_text=_("Temps pour suivre la leçon, à son rythme.")
    )
    body = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("contenu"))
    reviewed_at = models.DateField(
        _("vérifiée le"),
        null=True,
        blank=True,
        help_text=_(
            "Date de la dernière vérification des démarches décrites. La leçon est à revoir "
            "six mois après."
        ),
    )
    easy_read_of = models.ForeignKey(
        "self",
        verbose_name=_("version facile à lire (FALC) de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="easy_read_versions",
        help_text=_(
            "Si cette leçon est la version facile à lire d'une autre leçon, choisissez l'originale."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("objectives"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("reviewed_at"), FieldPanel("easy_read_of")],
            heading=_("Suivi et version facile à lire"),
        ),
    ]
    # A lesson belongs to its path's level and audiences: the search facets read them from
    # the path (search/query.py), and the index holds their names so « seniors » finds it.
    search_facets_from_parent = "lessons.LearningPathPage"
    # The complete answer to a resident's need ranks before the hubs and listings that name
    # its words (search/backends.py).
    search_rank_factor = 1.5
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("path_taxonomy"),
        index.SearchField("easy_read_search_text"),
    ]
    parent_page_types = ["lessons.LearningPathPage"]
    subpage_types = []
    template = "lessons/lesson_page.html"

    class Meta:
        verbose_name = _("leçon")

    @property
    def objective_list(self):
        return text_lines(self.objectives)

    def path_taxonomy(self):
        """The path's level and audiences, as text for the search index."""
        path = (
            LearningPathPage.objects.filter(path=self.path[: -self.steplen])
            .prefetch_related("audiences")
            .first()
        )
        if path is None:
            return ""
        return " ".join([str(path.get_level_display()), *(str(a) for a in path.audiences.all())])

    @property
    def review_by(self):
        start = self.reviewed_at or (self.last_published_at and self.last_published_at.date())
        return start + REVIEW_INTERVAL if start else None

    @property
    def review_overdue(self):
        return bool(self.review_by and self.review_by < timezone.localdate())

    @classmethod
    def needing_review(cls, today=None, within=None):
        """Live lessons an editor should look at: past their review date (procedures change;
        the seeds ask for a check every six months), or easy-to-read versions whose original
        was published again after them. Two lists, one query each. `within`: only under
        these pages (an organisation's sections)."""
        limit = (today or timezone.localdate()) - REVIEW_INTERVAL
        live = cls.objects.live().only("id", "title", "reviewed_at", "last_published_at")
        if within is not None:
            under = models.Q(pk__in=[])
            for section in within:
                under |= models.Q(path__startswith=section.path)
            live = live.filter(under)
        overdue = live.filter(
            models.Q(reviewed_at__lt=limit)
            | models.Q(reviewed_at__isnull=True, last_published_at__date__lt=limit)
        ).order_by("reviewed_at", "last_published_at")
        # The original in the version's language (a translated version's `easy_read_of`
        # names the source-language one: easy_read.EasyReadMixin.easy_read_original).
        original_published_at = cls.objects.filter(
            translation_key=models.OuterRef("easy_read_of__translation_key"),
            locale_id=models.OuterRef("locale_id"),
        ).values("last_published_at")[:1]
        easy_read = (
            live.filter(easy_read_of__isnull=False)
            .annotate(original_published_at=models.Subquery(original_published_at))
            .filter(original_published_at__gt=models.F("last_published_at"))
            .order_by("title")
        )
        return list(overdue), list(easy_read)

    @cached_property
    def path_siblings(self):
        """(the path's live originals in order, each paired with its easy-to-read version;
        this lesson's original among them, or None when it is not live), in one query (two
        from an easy-to-read version: its original's translation key). A translated version
        still names the source-language original, so the original is found by translation
        key among this lesson's own siblings, in its language."""
        key = self.easy_read_of.translation_key if self.easy_read_of_id else self.translation_key
        siblings = pair_easy_read_versions(
            with_original_key(
                LessonPage.objects.sibling_of(self)
                .live()
                .only("id", "title", "path", "depth", "url_path", "translation_key", "easy_read_of")
                .order_by("path")
            )
        )
        original = next((lesson for lesson in siblings if lesson.translation_key == key), None)
        return siblings, original

    def position(self):
        """(previous lesson, next lesson, number, total) among the path's lessons, in one query.
        From an easy-to-read version, the previous and next lessons are theirs when they have
        one: a reader stays with easy-to-read text."""
        siblings, original = self.path_siblings
        if original is None:
            return None, None, None, len(siblings)
        index = siblings.index(original)
        previous = siblings[index - 1] if index > 0 else None
        following = siblings[index + 1] if index + 1 < len(siblings) else None
        if self.easy_read_of_id:
            previous, following = (
                lesson and (lesson.easy_read_version or lesson) for lesson in (previous, following)
            )
        return previous, following, index + 1, len(siblings)

    def easy_read_version_here(self):
        """This original's live easy-to-read version in its language (one query): a
        translated version names the source-language original (see `with_original_key`)."""
        return (
            LessonPage.objects.live()
            .filter(locale_id=self.locale_id, easy_read_of__translation_key=self.translation_key)
            .only("id", "title", "url_path")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        previous, following, number, total = self.position()
        original = self.path_siblings[1] if self.easy_read_of_id else None
        context.update(
            previous_lesson=previous,
            next_lesson=following,
            lesson_number=number,
            lesson_total=total,
            learning_path=self.get_parent(),
            # An easy-to-read version's original in its own language (the progress it shares,
            # the link to the full version); the linked page when that one is not live.
            easy_read_original=(original or self.easy_read_of) if self.easy_read_of_id else None,
            easy_read_version=None if self.easy_read_of_id else self.easy_read_version_here(),
        )
        # The steps' pictures: their renditions in one query (or none, from the cache).
        prefetch_renditions(step_images(self.body))
        return context
