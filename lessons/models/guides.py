"""Self-learning reference content: AI explainers (« Comprendre l'IA ») and step-by-step tool
guides for entrepreneurs (« Guides pratiques pour les professionnels »), with their listings.

Related events belong to the campaigns app, which this app never imports: they are chosen
with a page chooser restricted by name (`"campaigns.EventPage"`) and rendered generically."""

import datetime
import html
from urllib.parse import urlencode

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from content.blocks import (
    AlternativesBlock,
    BaseStreamBlock,
    ChecklistBlock,
    FAQBlock,
    GlossaryTermBlock,
    HowToStepBlock,
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
from content.models import Audience, AudienceThemeMixin, BasePage, SiteIdentity, Theme
from content.pictures import prefetch_renditions, step_images
from content.text import text_lines

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


class ExplainerIndexPage(ReferenceIndexPage):
    """« Comprendre l'IA » (and other explainer collections)."""

    subpage_types = ["lessons.ExplainerPage"]
    template = "lessons/guides/explainer_index_page.html"

    class Meta:
        verbose_name = _("liste d'explications")
        verbose_name_plural = _("listes d'explications")

    @property
    def child_model(self):
        return ExplainerPage


class GuideIndexPage(ReferenceIndexPage):
    """« Guides pratiques pour les professionnels »."""

    subpage_types = ["lessons.ToolGuidePage"]
    template = "lessons/guides/guide_index_page.html"

    class Meta:
        verbose_name = _("liste de guides pratiques")
        verbose_name_plural = _("listes de guides pratiques")

    @property
    def child_model(self):
        return ToolGuidePage


# -- explainer ---------------------------------------------------------------------------------


class ExplainerPage(AudienceThemeMixin, BasePage):
    """A question as title, a short answer first, then the detail."""

    # A complete answer ranks before the listings that name its words (search/backends.py).
    search_rank_factor = 1.5
    page_feedback = True  # « Cette page vous a-t-elle aidé ? »

    short_answer = models.TextField(
        _("réponse courte"),
        max_length=600,
        help_text=_("La réponse en deux ou trois phrases simples, affichée en premier."),
    )
    checked_at = models.DateField(
        _("vérifiée le"),
        default=datetime.date.today,
        help_text=_("Date à laquelle l'explication a été relue et jugée encore exacte."),
    )
    body = StreamField(
        ReferenceStreamBlock(),
        blank=True,
        verbose_name=_("en détail"),
        help_text=_(
            "Le détail : idées reçues, exemples « en pratique », risques et bons réflexes, "
            "activité « essayer sans risque », mots du glossaire, sources datées."
        ),
    )
    related = StreamField(RelatedBlock(), blank=True, verbose_name=_("pour aller plus loin"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("short_answer"),
        FieldPanel("checked_at"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classement"),
        ),
        FieldPanel("body"),
        FieldPanel("related"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_answer"),
        index.SearchField("body"),
        index.RelatedFields("audiences", [index.FilterField("slug")]),
        index.RelatedFields("themes", [index.FilterField("slug")]),
    ]
    search_result_label = _("Explication")
    parent_page_types = ["lessons.ExplainerIndexPage"]
    subpage_types = []
    template = "lessons/guides/explainer_page.html"

    class Meta:
        verbose_name = _("explication")
        verbose_name_plural = _("explications")

    @property
    def card_labels(self):
        # The terms themselves, not their names: the card marks one not in the page's
        # language (content_tags.in_its_language).
        return [*self.themes.all(), *self.audiences.all()]

    @property
    def card_meta(self):
        return gettext("Vérifiée le %(date)s") % {"date": date_format(self.checked_at, "j F Y")}

    def json_ld(self, request=None):
        publisher = organisation(request)
        data = [
            {
                "@context": "https://schema.org",
                "@type": "Article",
                "headline": self.title[:110],
                "description": self.short_answer,
                "url": self.get_full_url(request),
                "inLanguage": self.locale.language_code,
                "dateModified": self.checked_at.isoformat(),
                "author": publisher,
                "publisher": publisher,
            }
        ]
        if self.first_published_at:
            data[0]["datePublished"] = self.first_published_at.date().isoformat()
        questions = faq_entities(self.body)
        if questions:
            data.append(
                {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions}
            )
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = json_ld(self.json_ld(request))
        context["related_groups"] = related_groups(self.related)
        context["has_quiz"] = any(child.block_type == "quiz" for child in self.body)
        context["theme_list"] = list(self.themes.all())
        context["audience_list"] = list(self.audiences.all())
        return context


# -- tool guide --------------------------------------------------------------------------------


class Cost(models.TextChoices):
    FREE = "gratuit", _("Gratuit")
    FREEMIUM = "freemium", _("Gratuit avec options payantes")
    PAID = "payant", _("Payant")


class ToolGuidePage(AudienceThemeMixin, BasePage):
    # A complete answer ranks before the listings that name its words (search/backends.py).
    search_rank_factor = 1.5
    page_feedback = True  # « Cette page vous a-t-elle aidé ? »
    tool_name = models.CharField(_("outil"), max_length=120, help_text=_("Ex. « Canva »."))
    tool_url = models.URLField(_("site officiel de l'outil"), blank=True)
    purpose = models.TextField(_("à quoi ça sert"), max_length=600)
    suits = models.TextField(
        _("pour qui"), max_length=600, help_text=_("Qui a intérêt à l'utiliser, et qui non.")
    )
    cost = models.CharField(_("coût"), max_length=20, choices=Cost.choices, default=Cost.FREE)
    cost_details = models.CharField(
        _("détail du prix"),
        max_length=250,
        blank=True,
        help_text=_("Ex. « Gratuit ; version Pro 12 € par mois ». Prix TTC."),
    )
    price_checked_at = models.DateField(
        _("prix vérifié le"), default=datetime.date.today, help_text=_("Les prix changent.")
    )
    duration_minutes = models.PositiveSmallIntegerField(_("temps nécessaire (minutes)"), default=30)
    prerequisites = models.TextField(
        _("à préparer avant de commencer"),
        blank=True,
        help_text=_("Une chose par ligne : un téléphone, une adresse e-mail, le numéro SIRET..."),
    )
    steps = StreamField(
        [("step", HowToStepBlock())],
        min_num=1,
        verbose_name=_("étapes"),
        help_text=_("Les étapes numérotées, dans l'ordre."),
    )
    body = StreamField(
        ReferenceStreamBlock(),
        blank=True,
        verbose_name=_("après les étapes"),
        help_text=_("Liste de vérification, problèmes et solutions, alternatives, sources..."),
    )
    related = StreamField(RelatedBlock(), blank=True, verbose_name=_("ateliers et pages liés"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("tool_name"),
                FieldPanel("tool_url"),
                FieldPanel("purpose"),
                FieldPanel("suits"),
            ],
            heading=_("L'outil"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("cost"),
                FieldPanel("cost_details"),
                FieldPanel("price_checked_at"),
                FieldPanel("duration_minutes"),
                FieldPanel("prerequisites"),
            ],
            heading=_("Avant de commencer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classement"),
        ),
        FieldPanel("steps"),
        FieldPanel("body"),
        FieldPanel("related"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("tool_name"),
        index.SearchField("purpose"),
        index.SearchField("steps"),
        index.SearchField("body"),
        index.RelatedFields("audiences", [index.FilterField("slug")]),
        index.RelatedFields("themes", [index.FilterField("slug")]),
    ]
    search_result_label = _("Guide pratique")
    parent_page_types = ["lessons.GuideIndexPage"]
    subpage_types = []
    template = "lessons/guides/tool_guide_page.html"

    class Meta:
        verbose_name = _("guide pratique")
        verbose_name_plural = _("guides pratiques")

    @property
    def prerequisite_list(self):
        return text_lines(self.prerequisites)

    @property
    def duration_label(self):
        hours, minutes = divmod(self.duration_minutes, 60)
        if not hours:
            return ngettext(
                "environ %(minutes)s minute", "environ %(minutes)s minutes", minutes
            ) % {"minutes": minutes}
        if not minutes:
            return gettext("environ %(hours)s h") % {"hours": hours}
        return gettext("environ %(hours)s h %(minutes)s") % {"hours": hours, "minutes": minutes}

    @property
    def iso_duration(self):
        hours, minutes = divmod(self.duration_minutes, 60)
        return (
            "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")
        )

    @property
    def card_labels(self):
        return [
            self.get_cost_display(),
            *self.themes.all(),
            *self.audiences.all(),
        ]

    @property
    def card_meta(self):
        return gettext("Outil : %(tool)s · %(duration)s") % {
            "tool": self.tool_name,
            "duration": self.duration_label,
        }

    def json_ld(self, request=None):
        data = {
            "@context": "https://schema.org",
            "@type": "HowTo",
            "name": self.title,
            "description": self.summary or self.purpose,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "totalTime": self.iso_duration,
            "tool": [{"@type": "HowToTool", "name": self.tool_name}],
            "step": [],
        }
        supplies = self.prerequisite_list
        if supplies:
            data["supply"] = [{"@type": "HowToSupply", "name": item} for item in supplies]
        if self.cost == Cost.FREE:
            data["estimatedCost"] = {
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": 0,
            }
        page_url = data["url"]
        for position, child in enumerate(self.steps, start=1):
            step = child.value
            entry = {
                "@type": "HowToStep",
                "position": position,
                "name": step["name"],
                "text": plain_text(step["text"]),
                "url": f"{page_url}#etape-{position}",
            }
            image = step["screenshot"].get("image") if step["screenshot"] else None
            if image is not None and request is not None:
                entry["image"] = request.build_absolute_uri(image.file.url)
            data["step"].append(entry)
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = json_ld(self.json_ld(request))
        context["related_groups"] = related_groups(self.related)
        context["has_quiz"] = any(child.block_type == "quiz" for child in self.body)
        context["theme_list"] = list(self.themes.all())
        context["audience_list"] = list(self.audiences.all())
        # The steps' screenshots: their renditions in one query (or none, from the cache).
        prefetch_renditions(step_images([self.steps, self.body]))
        return context
