import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from content.blocks import BaseStreamBlock
from content.blocks.base import BaseStructBlock
from content.config_cache import public
from content.models import BasePage, terms_in_locale
from content.panels import InlinePanel
from content.translation import OwnedByEachLanguage

from .calendar import days_between


class CampaignIndexPage(BasePage):
    intro = models.TextField(_("introduction"), max_length=400, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["campaigns.CampaignPage"]
    max_count_per_parent = 1
    template = "campaigns/campaign_index_page.html"

    class Meta:
        verbose_name = _("liste des campagnes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        campaigns = list(
            public(CampaignPage.objects.child_of(self).live())
            .select_related("theme")
            .order_by("start_date")
        )
        context["current"] = [c for c in campaigns if c.start_date <= today <= c.end_date]
        context["upcoming"] = [c for c in campaigns if c.start_date > today]
        context["past"] = [c for c in campaigns if c.end_date < today][::-1]
        context.update(self.calendar_context(request, today))
        return context

    def calendar_context(self, request, today):
        """The next twelve months by default (on 2 December, not a year of past dates), or
        the year asked for with `?annee=` among the ones the calendar offers."""
        years = list(range(today.year - 1, today.year + 3))
        try:
            year = int(request.GET.get("annee", ""))
        except ValueError:
            year = None
        if year in years:
            first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        else:
            year = None
            first, last = today, today + datetime.timedelta(days=364)
        return {
            "calendar_year": year,
            "calendar_years": years,
            "national_days": days_between(first, last),
        }


class FigureBlock(BaseStructBlock):
    value = blocks.CharBlock(max_length=20, label=_("chiffre"), help_text=_("Ex. : 17,9 %"))
    label = blocks.CharBlock(max_length=200, label=_("ce qu'il mesure"))
    source = blocks.CharBlock(max_length=200, label=_("source"), help_text=_("Ex. : INSEE, 2021"))
    source_url = blocks.URLBlock(required=False, label=_("lien vers la source"))

    class Meta:
        icon = "doc-full"
        label = _("Chiffre sourcé")
        template = "campaigns/blocks/figure.html"
        help_text = _("Un chiffre, ce qu'il mesure et sa source (obligatoire).")


class CampaignPage(BasePage):
    theme = models.ForeignKey(
        "content.Theme",
        verbose_name=_("thème"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audiences = ParentalManyToManyField("content.Audience", verbose_name=_("publics"), blank=True)
    start_date = models.DateField(_("début de la campagne"))
    end_date = models.DateField(_("fin de la campagne"))
    key_message = models.TextField(
        _("message clé"), max_length=280, help_text=_("Une phrase, celle qu'on doit retenir.")
    )
    cta_label = models.CharField(
        _("appel à l'action"), max_length=80, help_text=_("Ex. : Parlez-en à un médiateur")
    )
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de l'appel à l'action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    why_it_matters = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(features=["bold", "italic", "link"])),
            ("figure", FigureBlock()),
        ],
        blank=True,
        verbose_name=_("pourquoi c'est important"),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("contenu"))
    linked_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("page liée")))],
        blank=True,
        verbose_name=_("leçons, modules, explications et événements liés"),
        help_text=_(
            "Les brouillons choisis ici sont publiés en même temps que la campagne "
            "(lancement coordonné)."
        ),
    )
    show_banner = models.BooleanField(
        _("bandeau sur tout le site"),
        default=False,
        help_text=_("Affiche un bandeau sur toutes les pages pendant la période de la campagne."),
    )
    # Kit inputs
    kit_visual = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("visuel principal du kit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image JPEG ou PNG, 10 000 px de large au plus."),
    )
    kit_headline = models.CharField(_("accroche du kit"), max_length=160, blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("key_message"),
                FieldRowPanel([FieldPanel("cta_label"), FieldPanel("cta_page")]),
                FieldPanel("show_banner"),
            ],
            heading=_("La campagne"),
        ),
        InlinePanel(
            "partners",
            heading=_("Partenaires"),
            label=_("Partenaire"),
            add_label=_("Ajouter un partenaire"),
        ),
        FieldPanel("why_it_matters"),
        FieldPanel("body"),
        FieldPanel("linked_pages"),
        MultiFieldPanel(
            [FieldPanel("kit_visual"), FieldPanel("kit_headline")],
            heading=_("Kit de campagne"),
        ),
        InlinePanel(
            "short_links",
            heading=_("Liens courts et QR codes par canal"),
            label=_("Lien court"),
            add_label=_("Ajouter un lien court"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("key_message"),
        index.SearchField("body"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    template = "campaigns/campaign_page.html"
    # Short-link codes are unique site-wide and printed: a copy or a translation of the
    # campaign starts without them (copying them broke « Traduire cette page »).
    exclude_fields_in_copy = ["short_links"]
    override_translatable_fields = [OwnedByEachLanguage("short_links")]

    class Meta:
        verbose_name = _("campagne")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("La fin de la campagne doit suivre son début.")
        if self.kit_visual_id:
            from ..kit.images import validate_master_visual

            try:
                self.kit_visual.file.open("rb")
                try:
                    validate_master_visual(self.kit_visual.file)
                finally:
                    self.kit_visual.file.close()
            except ValidationError as error:
                errors["kit_visual"] = error
            except OSError:
                errors["kit_visual"] = _("Le fichier du visuel est introuvable.")
        if errors:
            raise ValidationError(errors)

    @property
    def headline(self):
        return self.kit_headline or self.title

    def audiences_here(self):
        """The audiences in the page's language where they have a copy in it (see
        content.models.AudienceThemeMixin.audiences_here)."""
        return terms_in_locale(self.audiences, self.locale_id)

    def status(self, today=None):
        today = today or timezone.localdate()
        if today < self.start_date:
            return "upcoming"
        if today > self.end_date:
            return "past"
        return "current"

    def channel_from_request(self, request):
        from .shortlinks import ShortLink  # the module that imports this one

        source = request.GET.get("utm_source", "")
        return source if source in ShortLink.Channel.values else "direct"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["channel"] = self.channel_from_request(request)
        context["partner_list"] = [
            p.organisation for p in self.partners.select_related("organisation")
        ]
        context["kit"] = CampaignKit.objects.filter(campaign=self).first()
        return context

    @property
    def sharing_image(self):
        return self.social_image or self.listing_image


class CampaignPartner(Orderable):
    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "content.Organisation", verbose_name=_("structure"), on_delete=models.CASCADE
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("partenaire")


class CampaignKit(models.Model):
    """What the last generation produced (the files live in the default storage)."""

    campaign = models.OneToOneField(CampaignPage, on_delete=models.CASCADE, related_name="kit")
    signature = models.CharField(max_length=64)
    generated_at = models.DateTimeField(default=timezone.now)
    files = models.JSONField(default=list)
    posts = models.JSONField(default=list)

    class Meta:
        verbose_name = _("kit de campagne")

    def __str__(self):
        return f"Kit {self.campaign_id}"

    def file_url(self, name):
        return reverse("campaigns:kit_file", args=[self.campaign_id, name])

    def file_entries(self):
        return [{**f, "url": self.file_url(f["name"])} for f in self.files]


class CampaignCounter(models.Model):
    """One aggregate number per campaign, channel, day and metric. No visitor data at all."""

    class Metric(models.TextChoices):
        VIEW = "view", _("Vues de la page")
        SCAN = "scan", _("Liens courts et QR codes")
        DOWNLOAD = "download", _("Téléchargements du kit")

    campaign = models.ForeignKey(CampaignPage, on_delete=models.CASCADE, related_name="counters")
    channel = models.CharField(max_length=20)
    day = models.DateField()
    metric = models.CharField(max_length=10, choices=Metric.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("compteur de campagne")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "channel", "day", "metric"], name="unique_campaign_counter"
            )
        ]

    def __str__(self):
        return f"{self.campaign_id} {self.day} {self.channel} {self.metric}: {self.count}"

    @classmethod
    def increment(cls, campaign_id, channel, metric):
        keys = {
            "campaign_id": campaign_id,
            "channel": channel[:20],
            "day": timezone.localdate(),
            "metric": metric,
        }
        if cls.objects.filter(**keys).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(count=1, **keys)
        except IntegrityError:
            cls.objects.filter(**keys).update(count=F("count") + 1)
