from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from content.blocks import BaseStreamBlock, StandardStreamBlock
from content.blocks.base import BaseStructBlock
from content.blocks.links import children_in_bulk
from content.page_forms import BasePageForm
from content.panels import PublishingPanel


class BasePage(Page):
    """Fields every public page shares: how it appears in listings and when shared."""

    summary = models.TextField(
        _("résumé"),
        max_length=300,
        blank=True,
        help_text=_(
            "Deux phrases au plus, en langage simple : affiché dans les listes et les "
            "résultats de recherche."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de vignette"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image décorative affichée dans les listes."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Affichée quand la page est partagée sur un réseau social (1200 × 630)."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("listing_image")]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
            ],
            heading=_("Référencement et partage"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Menu")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    base_form_class = BasePageForm
    settings_panels = [PublishingPanel(), *Page.settings_panels[1:]]
    # Page types that ask readers « Cette page vous a-t-elle aidé ? » (content/feedback.py):
    # their template includes content/includes/feedback.html.
    page_feedback = False

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """No query when no page of any site is restricted (one cached flag, forgotten when a
        restriction is added or removed: content/config_cache.py); Wagtail's check otherwise."""
        from wagtail.models import PageViewRestriction

        from content.config_cache import view_restrictions_exist

        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def card_labels(self):
        """Short labels shown on this page's card in listings (content/includes/page_card.html).
        Page types override it; keep it free of queries the listing did not prefetch."""
        return []

    @property
    def card_meta(self):
        """One line under the card's summary (a date, a duration), or an empty string."""
        return ""

    @property
    def description(self):
        return self.search_description or self.summary

    @property
    def sharing_image(self):
        return self.social_image or self.listing_image


# Our own pictograms (content/templates/content/includes/pictogram.html), drawn for the site:
# decorative beside a title that says the same, as easy-to-read guidelines recommend.
PICTOGRAMS = [
    ("habitants", _("Une personne (habitants)")),
    ("enseignants", _("Un tableau (enseignants, animateurs)")),
    ("communicants", _("Un porte-voix (communicants)")),
    ("entrepreneurs", _("Une mallette (entrepreneurs)")),
    ("lieu", _("Un repère de carte (lieux, accompagnement)")),
]


class AudienceEntryBlock(BaseStructBlock):
    title = blocks.CharBlock(max_length=80, label=_("titre"))
    text = blocks.TextBlock(max_length=240, label=_("texte"))
    page = blocks.PageChooserBlock(label=_("page de destination"))
    link_label = blocks.CharBlock(
        max_length=80,
        label=_("intitulé du lien"),
        help_text=_("Le lien de la carte, par exemple « Commencer à apprendre »."),
    )
    pictogram = blocks.ChoiceBlock(
        choices=PICTOGRAMS,
        required=False,
        label=_("pictogramme"),
        help_text=_("Un dessin simple à côté du titre (décoratif : le titre dit la même chose)."),
    )

    class Meta:
        icon = "group"
        label = _("Porte d'entrée")
        template = "content/blocks/audience_entry.html"
        help_text = _(
            "Une porte d'entrée pour un public : habitants, enseignants, "
            "communicants, entrepreneurs."
        )


class HomePage(BasePage):
    intro = models.TextField(_("introduction"), max_length=400, blank=True)
    entry_points = StreamField(
        [("entry", AudienceEntryBlock())],
        blank=True,
        verbose_name=_("portes d'entrée par public"),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("entry_points"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    template = "content/home_page.html"

    class Meta:
        verbose_name = _("page d'accueil")


class StandardPage(BasePage):
    body = StreamField(StandardStreamBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    template = "content/standard_page.html"

    class Meta:
        verbose_name = _("page simple")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An audience hub lists its own pages (a quiz under « habitants ») and the pages of
        # the sections its blocks list: all fetched together (content/blocks/links.py).
        fetched = children_in_bulk([self], self.body)
        context["child_pages"] = fetched[self.pk]
        context["section_pages"] = fetched
        return context
