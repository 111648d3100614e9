"""Step-by-step tool guides for entrepreneurs (« Guides pratiques pour les professionnels »):
the guide page and its listing."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from content.blocks import (
    HowToStepBlock,
)
from content.models import AudienceThemeMixin, BasePage
from content.pictures import prefetch_renditions, step_images
from content.text import text_lines

from .guides import (
    ReferenceIndexPage,
    ReferencePageMixin,
    ReferenceStreamBlock,
    RelatedBlock,
    plain_text,
)


class Cost(models.TextChoices):
    FREE = "gratuit", _("Gratuit")
    FREEMIUM = "freemium", _("Gratuit avec options payantes")
    PAID = "payant", _("Payant")


class ToolGuidePage(ReferencePageMixin, AudienceThemeMixin, BasePage):
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
        # The steps' screenshots: their renditions in one query (or none, from the cache).
        prefetch_renditions(step_images([self.steps, self.body]))
        return context


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
