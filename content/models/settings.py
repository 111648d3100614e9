from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from content.blocks import FooterLinkBlock, SocialLinkBlock, TaglineTranslationBlock


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """Who runs the site, how to reach them, and the links every page footer must carry."""

    @classmethod
    def for_request(cls, request):
        """Read on every page: from the configuration cache (content/config_cache.py),
        forgotten when the setting or a page (the footer links) changes."""
        from wagtail.models import Site

        from content.config_cache import site_setting

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        instance = site_setting(cls, site) if site is not None else cls.for_site(site)
        instance._request = request  # after the cache: a request is not stored
        setattr(request, attr_name, instance)
        return instance

    class AccessibilityStatus(models.TextChoices):
        NON_COMPLIANT = "non", _("non conforme")
        PARTIAL = "partiellement", _("partiellement conforme")
        FULL = "totalement", _("totalement conforme")

    organisation_name = models.CharField(
        _("nom de la structure éditrice"), max_length=200, default="Cap Numérique"
    )
    tagline = models.CharField(
        _("accroche"),
        max_length=200,
        blank=True,
        help_text=_("Courte phrase affichée sous le nom du site."),
    )
    tagline_translations = StreamField(
        [("tagline", TaglineTranslationBlock())],
        blank=True,
        verbose_name=_("accroche dans les autres langues"),
        help_text=_(
            "Sur une page d'une langue sans accroche traduite, l'accroche française est "
            "affichée (et lue en français par les lecteurs d'écran)."
        ),
    )
    contact_email = models.EmailField(_("courriel de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)
    contact_address = models.TextField(_("adresse postale"), blank=True)
    legal_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page « Mentions légales »"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page « Données personnelles »"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page « Déclaration d'accessibilité »"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_status = models.CharField(
        _("état de conformité RGAA"),
        max_length=20,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.PARTIAL,
        help_text=_("Affiché dans le pied de page : « Accessibilité : partiellement conforme »."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("réseaux sociaux")
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())],
        blank=True,
        verbose_name=_("autres liens du pied de page"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("tagline"),
                FieldPanel("tagline_translations"),
            ],
            heading=_("Identité"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("accessibility_status"),
            ],
            heading=_("Liens obligatoires"),
        ),
        FieldPanel("social_links"),
        FieldPanel("footer_links"),
    ]

    def tagline_for(self, language):
        """(tagline, its language) for a page in ``language``: its translation, else the
        site's own tagline, in the site's language."""
        from django.conf import settings

        for item in self.tagline_translations:
            if item.value["language"] == language and item.value["tagline"]:
                return item.value["tagline"], language
        return self.tagline, settings.LANGUAGE_CODE

    # Every page's footer links to these three pages: fetch them with the setting, in one query.
    select_related = ["legal_page", "privacy_page", "accessibility_page"]

    class Meta:
        verbose_name = _("identité du site")
