"""Taxonomy shared by every app. Visitor-facing, so translatable from the first migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(
        _("identifiant"),
        max_length=120,
        help_text=_("Utilisé dans les adresses des filtres, par exemple « seniors »."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Audience(TaxonomyTerm):
    """Who a piece of content is for: residents, teachers, parents, entrepreneurs..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("public")
        verbose_name_plural = _("publics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Theme(TaxonomyTerm):
    """What it is about: e-mail, online procedures, scams, cyberbullying, AI..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A structure that publishes or runs things: CRIAC, social centres, AMIE, CCT2C, CCDS..."""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Association")
        SOCIAL_CENTRE = "centre_social", _("Centre social")
        LOCAL_AUTHORITY = "collectivite", _("Collectivité")
        FRANCE_SERVICES = "france_services", _("France Services")
        THIRD_PLACE = "tiers_lieu", _("Tiers-lieu")
        EMPLOYMENT = "emploi", _("Insertion et emploi")
        SCHOOL = "etablissement_scolaire", _("Établissement scolaire")
        OTHER = "autre", _("Autre")

    name = models.CharField(_("nom"), max_length=200)
    acronym = models.CharField(_("sigle"), max_length=40, blank=True)
    slug = models.SlugField(_("identifiant"), max_length=120)
    kind = models.CharField(_("type de structure"), max_length=40, choices=Kind.choices)
    description = models.TextField(_("présentation"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    address = models.TextField(_("adresse"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who may edit the organisation's content and what it owns: set by
    # `manage.py setup_organisations` and editable by the coordination (content/organisations.py).
    editors_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("groupe des éditeurs"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text=_("Les comptes de ce groupe gèrent les contenus de la structure."),
    )
    sections = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("rubriques du site"),
        blank=True,
        related_name="+",
        help_text=_("Les pages (et leurs sous-pages) que la structure rédige."),
    )
    digest_email = models.EmailField(
        _("courriel du récapitulatif"),
        blank=True,
        help_text=_(
            "Reçoit chaque lundi la liste des contenus à revoir. Vide : le courriel de la "
            "structure et ses éditeurs."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("editors_group", permission="content.manage_all_organisations"),
                FieldPanel("sections", permission="content.manage_all_organisations"),
                FieldPanel("digest_email"),
            ],
            heading=_("Contenus de la structure"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        permissions = [
            (
                "manage_all_organisations",
                _("Voir et gérer les contenus de toutes les structures (coordination)"),
            ),
            ("view_indicators", _("Consulter le bilan et les indicateurs")),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class AudienceThemeMixin(models.Model):
    """Audiences and themes a page is classified under (filters, search facets, cards)."""

    audiences = ParentalManyToManyField("content.Audience", blank=True, verbose_name=_("publics"))
    themes = ParentalManyToManyField("content.Theme", blank=True, verbose_name=_("thèmes"))

    class Meta:
        abstract = True

    def audiences_here(self):
        """The page's audiences in its language where they have a copy in it, else as they
        are (shown under lang="fr" by `in_its_language`). A translated page's many-to-many
        fields still name the source language's terms (wagtail-localize copies them as they
        are): their copies are found by translation key, in the same single query."""
        return terms_in_locale(self.audiences, self.locale_id)

    def themes_here(self):
        """The page's themes in its language, as `audiences_here`."""
        return terms_in_locale(self.themes, self.locale_id)


def terms_in_locale(related, locale_id):
    """The terms of a many-to-many relation, each replaced by its copy in `locale_id` when
    there is one; one query, ordered as the model orders them."""
    terms = related.all()
    if not isinstance(terms, models.QuerySet):  # a preview's unsaved relation (modelcluster)
        return list(terms)
    model = terms.model
    found = model.objects.filter(translation_key__in=terms.values("translation_key")).filter(
        models.Q(locale_id=locale_id) | models.Q(pk__in=terms.values("pk"))
    )
    chosen = {}
    for term in found:
        if term.translation_key not in chosen or term.locale_id == locale_id:
            chosen[term.translation_key] = term
    kept = {term.pk for term in chosen.values()}
    return [term for term in found if term.pk in kept]
