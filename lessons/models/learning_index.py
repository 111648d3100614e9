"""« Se former », the learning index page, and its sub-pages (routes): the placement quiz, the
resume code and the attestation."""

from django.db import models
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from content.models import BasePage

from ..attestation import activities_of, summary
from ..placement import PLACEMENT_QUESTIONS, recommend_level
from ..progress import ResumeCodeError, read_resume_code
from .paths import LearningPathPage, LessonPage, Level


def code_response(request, response):
    """A page shown for a resume code is never cached: one entry per code typed would fill the
    page cache, and the attestation carries today's date."""
    if "code" in request.GET:
        add_never_cache_headers(response)
    return response


class LearningIndexPage(RoutablePageMixin, BasePage):
    """« Se former »: the learning paths, the placement quiz, resume codes and the attestation."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["lessons.LearningPathPage"]
    max_count_per_parent = 1
    template = "lessons/learning_index_page.html"

    class Meta:
        verbose_name = _("page « Se former »")

    def paths_with_lessons(self, with_body=False):
        """Live paths, each with its ordered lessons (two queries whatever their number);
        `with_body` also loads the lessons' bodies (to find their H5P activities)."""
        paths = list(LearningPathPage.objects.child_of(self).live().order_by("level", "path"))
        fields = ["id", "title", "path", "depth", "url_path", "duration_minutes"]
        lessons = (
            LessonPage.objects.descendant_of(self)
            .live()
            .filter(easy_read_of__isnull=True)
            .only(*fields, *(["body"] if with_body else []))
            .order_by("path")
        )
        by_prefix = {}
        for lesson in lessons:
            by_prefix.setdefault(lesson.path[: -lesson.steplen], []).append(lesson)
        for learning_path in paths:
            learning_path.lesson_list = by_prefix.get(learning_path.path, [])
        return paths

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paths = self.paths_with_lessons()
        context["levels"] = [
            (label, [p for p in paths if p.level == value]) for value, label in Level.choices
        ]
        return context

    @path("ou-en-suis-je/", name="placement")
    def placement(self, request):
        answers, missing, recommendation = {}, [], None
        if "envoye" in request.GET:
            for question in PLACEMENT_QUESTIONS:
                value = request.GET.get(question["name"])
                if value in ("oui", "non"):
                    answers[question["name"]] = value
                else:
                    missing.append(question)
            if not missing:
                level = recommend_level(answers)
                paths = [p for p in self.paths_with_lessons() if p.level == level]
                recommendation = {
                    "level": level,
                    "label": Level(level).label,
                    "path": paths[0] if paths else None,
                }
        return self.render(
            request,
            context_overrides={
                "questions": PLACEMENT_QUESTIONS,
                "answers": answers,
                "missing": missing,
                "missing_errors": [
                    {"href": f"#p-{question['name']}-oui", "text": question["text"]}
                    for question in missing
                ],
                "recommendation": recommendation,
                "subpage_title": _("Où en suis-je ?"),
            },
            template="lessons/placement.html",
        )

    def read_code(self, request):
        """(code typed, error message, progress, summary) for the ?code= of a request."""
        code = request.GET.get("code", "").strip()
        if "code" not in request.GET:
            return code, None, None, None
        try:
            progress = read_resume_code(code)
        except ResumeCodeError as exc:
            return code, exc.message, None, None
        paths = self.paths_with_lessons(with_body=True)
        activities = activities_of(lesson for p in paths for lesson in p.lesson_list)
        return code, None, progress, summary(paths, activities, progress)

    def code_context(self, request):
        """(progress, context): what the code form (lessons/includes/code_field.html) and the
        summary of what the code restores need."""
        code, error, progress, done = self.read_code(request)
        errors = [{"href": "#code", "text": error}] if error else []
        return progress, {"code": code, "error": error, "code_errors": errors, "done": done}

    @path("reprendre/", name="resume")
    def resume(self, request):
        progress, code_context = self.code_context(request)
        response = self.render(
            request,
            context_overrides={
                **code_context,
                "restored": progress,
                "subpage_title": _("Reprendre mon parcours"),
            },
            template="lessons/resume.html",
        )
        return code_response(request, response)

    @path("attestation/", name="attestation")
    def attestation(self, request):
        """From this browser's progress (JavaScript), or from a resume code read here (?code=,
        works without JavaScript); the name is never sent: a line is left to write it."""
        progress, code_context = self.code_context(request)
        paths = self.paths_with_lessons(with_body=True) if progress is None else None
        response = self.render(
            request,
            context_overrides={
                **code_context,
                "paths": paths,
                "activities": activities_of(
                    lesson for p in paths or [] for lesson in p.lesson_list
                ),
                "today": timezone.localdate(),
                "subpage_title": _("Mon attestation de parcours"),
            },
            template="lessons/attestation.html",
        )
        return code_response(request, response)
