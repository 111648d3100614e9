"""AI explainers (« Comprendre l'IA »): the explainer page and its listing."""

import datetime

from django import forms
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from content.models import AudienceThemeMixin, BasePage

from .guides import (
    ReferenceIndexPage,
    ReferencePageMixin,
    ReferenceStreamBlock,
    RelatedBlock,
    faq_entities,
    organisation,
)


class ExplainerPage(ReferencePageMixin, AudienceThemeMixin, BasePage):
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
