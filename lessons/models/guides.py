"""What the self-learning reference pages share: AI explainers (« Comprendre l'IA »,
explainers.py) and step-by-step tool guides for entrepreneurs (« Guides pratiques pour les
professionnels », tool_guides.py): their body's blocks, related pages, structured data helpers
and the listing page they subclass.

Related events belong to the campaigns app, which this app never imports: they are chosen
with a page chooser restricted by name (`"campaigns.EventPage"`) and rendered generically."""

import html
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel

from content.blocks import (
    AlternativesBlock,
    BaseStreamBlock,
    ChecklistBlock,
    FAQBlock,
    GlossaryTermBlock,
    KeyPointsBlock,
    MythRealityBlock,
    ProblemsBlock,
    QuizBlock,
    SourcesBlock,
    StepsBlock,
    TryItBlock,
)
from content.config_cache import public
from content.jsonld import json_ld
from content.models import Audience, BasePage, SiteIdentity, Theme

PER_PAGE = 12


class ReferenceStreamBlock(BaseStreamBlock):
    """Body of explainers and tool guides: the shared blocks, the lesson blocks and the
    reference blocks."""

    key_points = KeyPointsBlock()
    steps = StepsBlock()
    quiz = QuizBlock()
    glossary_term = GlossaryTermBlock()
    myth_reality = MythRealityBlock()
    faq = FAQBlock()
    try_it = TryItBlock()
    checklist = ChecklistBlock()
    problems = ProblemsBlock()
    alternatives = AlternativesBlock()
    sources = SourcesBlock()


class RelatedBlock(blocks.StreamBlock):
    lesson = blocks.PageChooserBlock(
        page_type="lessons.LessonPage", label=_("leçon"), icon="doc-full"
    )
    # By name: events live in the campaigns app, which lessons does not import.
    event = blocks.PageChooserBlock(
        page_type="campaigns.EventPage", label=_("atelier ou événement"), icon="date"
    )
    page = blocks.PageChooserBlock(label=_("autre page"), icon="doc-empty")

    class Meta:
        help_text = _("Leçons, ateliers et autres pages à proposer à la fin.")


def related_groups(stream):
    """Live related pages grouped for display: [(heading, [pages])], empty groups left out."""
    labels = {
        "lesson": _("Leçons pour aller plus loin"),
        "event": _("Ateliers et événements"),
        "page": _("À lire aussi"),
    }
    groups = {key: [] for key in labels}
    for child in stream:
        page = child.value
        if page is not None and page.live:
            groups[child.block_type].append(page)
    return [(labels[key], pages) for key, pages in groups.items() if pages]


def plain_text(rich_text):
    """Rich text as plain text for structured data (tags dropped, entities decoded)."""
    return html.unescape(strip_tags(rich_text.source)).strip()


def faq_entities(body):
    """schema.org Question entities for every FAQ block of a stream."""
    entities = []
    for child in body:
        if child.block_type != "faq":
            continue
        for item in child.value["questions"]:
            entities.append(
                {
                    "@type": "Question",
                    "name": item["question"],
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": plain_text(item["answer"]),
                    },
                }
            )
    return entities


def organisation(request):
    identity = SiteIdentity.for_request(request) if request else None
    name = (identity and identity.organisation_name) or "Cap Numérique"
    return {"@type": "Organization", "name": name}


class ReferencePageMixin:
    """What an explainer and a tool guide put in their context: their structured data
    (`json_ld()`), related pages by kind, whether the quiz script is needed, their themes and
    audiences (lessons/guides/reference_page.html)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = json_ld(self.json_ld(request))
        context["related_groups"] = related_groups(self.related)
        context["has_quiz"] = any(child.block_type == "quiz" for child in self.body)
        context["theme_list"] = self.themes_here()
        context["audience_list"] = self.audiences_here()
        return context


# -- listings ----------------------------------------------------------------------------------


class ReferenceIndexPage(BasePage):
    """A listing of reference pages of one type, filtered by theme and audience (GET, works
    without JavaScript), newest first (first publication date), paginated."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    max_count_per_parent = 1
    child_model = None  # set by subclasses

    class Meta:
        abstract = True

    def children_queryset(self):
        return (
            public(self.child_model.objects.child_of(self).live())
            .order_by("-first_published_at", "-pk")
            .prefetch_related(
                Prefetch("themes", queryset=Theme.objects.order_by("name")),
                Prefetch("audiences", queryset=Audience.objects.order_by("name")),
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(Theme.objects.filter(locale_id=self.locale_id))
        audiences = list(Audience.objects.filter(locale_id=self.locale_id))
        messages, filters = [], {}
        items = self.children_queryset()
        for key, terms, field, label in (
            ("theme", themes, "themes", _("thème")),
            ("public", audiences, "audiences", _("public")),
        ):
            value = request.GET.get(key, "").strip()[:120]
            if not value:
                continue
            term = next((t for t in terms if t.slug == value), None)
            if term is None:
                messages.append(
                    gettext("Le %(label)s demandé n'existe pas : ce filtre est ignoré.")
                    % {"label": label}
                )
                continue
            filters[key] = term.slug
            items = items.filter(**{field: term})
        paginator = Paginator(items.distinct() if filters else items, PER_PAGE)
        raw_page = request.GET.get("page", "1")
        try:
            page_obj = paginator.page(raw_page)
        except PageNotAnInteger:
            page_obj = paginator.page(1)
            messages.append(gettext("Numéro de page incorrect : voici la première page."))
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
            messages.append(gettext("Cette page n'existe pas : voici la dernière page."))
        context.update(
            {
                "themes": themes,
                "audiences": audiences,
                "filters": filters,
                "filter_messages": messages,
                "page_obj": page_obj,
                "items": list(page_obj.object_list),
                "query_string": urlencode(filters),
            }
        )
        return context
