"""Places: the public directory of digital-mediation places (and events' venues).

Field names and value lists follow the national "Standard des lieux de médiation numérique"
(LaMednum / ANCT, schema v1.0.2, pinned in content/places/data/) so the directory imports and
exports it without renaming anything. Multi-valued fields are stored with ";" between values
(the form the editors have always typed); the standard's files use "|", and
content/places/standard.py converts at the boundary. A few fields the roadmaps ask for and the
standard lacks (equipment, itinerant stops, last check) are local extensions.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .place_standard import (
    DISPOSITIF_PROGRAMMES_NATIONAUX,
    EQUIPEMENTS,
    FORMATIONS_LABELS,
    FRAIS_A_CHARGE,
    ITINERANCE,
    MODALITES_ACCES,
    MODALITES_ACCOMPAGNEMENT,
    PRISE_EN_CHARGE_SPECIFIQUE,
    PUBLICS_SPECIFIQUEMENT_ADRESSES,
    SERVICES,
    list_help,
    list_validator,
    split_values,
)

# A place not checked for this long shows « Informations à vérifier auprès du lieu ».
FRESHNESS_DAYS = 183


class Place(TranslatableMixin, index.Indexed, models.Model):
    """A venue. Names mirror the LaMednum standard (nom, adresse, code_postal...)."""

    # The directory lists every place without a reference to it: a change purges the site's
    # page cache (content/cache_purge.py).
    page_cache_site_wide = True

    identifiant = models.CharField(
        _("identifiant (standard)"),
        max_length=100,
        default="",
        blank=True,
        help_text=_(
            "Identifiant unique du lieu dans les fichiers du standard (champ « id ») : il ne "
            "change jamais. Laisser vide pour en créer un."
        ),
    )
    slug = models.SlugField(
        _("adresse de la page"),
        max_length=120,
        default="",
        blank=True,
        allow_unicode=False,
        help_text=_("Fin de l'adresse de la fiche publique. Laisser vide pour la créer du nom."),
    )
    nom = models.CharField(_("nom"), max_length=200)
    organisation = models.ForeignKey(
        "content.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places",
        help_text=_("La structure qui tient cette fiche à jour."),
    )
    pivot = models.CharField(
        _("SIRET ou RNA"),
        max_length=14,
        blank=True,
        validators=[RegexValidator(r"^[a-zA-Z0-9]{9,14}$")],
        help_text=_("SIRET (14 chiffres) ou RNA de la structure. Laisser vide si inconnu."),
    )
    typologie = models.CharField(
        _("typologie"),
        max_length=200,
        blank=True,
        help_text=_("Codes data.inclusion séparés par « ; », par exemple CS ; MUNI ; FS."),
    )
    adresse = models.CharField(
        _("adresse"),
        max_length=250,
        help_text=_("Numéro et voie, par exemple « 1 rue Lamartine »."),
    )
    complement_adresse = models.CharField(_("complément d'adresse"), max_length=250, blank=True)
    code_postal = models.CharField(
        _("code postal"), max_length=5, validators=[RegexValidator(r"^\d{5}$")]
    )
    commune = models.CharField(_("commune"), max_length=120)
    code_insee = models.CharField(
        _("code INSEE"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^([013-9]\d|2[AB1-9])\d{3}$")],
        help_text=_("Code officiel géographique de la commune, par exemple 62160."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    horaires = models.CharField(
        _("horaires"),
        max_length=500,
        blank=True,
        help_text=_(
            "Format OpenStreetMap opening_hours, par exemple « Mo-Fr 09:00-12:00,14:00-17:00 »."
        ),
    )
    telephone = models.CharField(
        _("téléphone"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^\+\d{9,13}$")],
        help_text=_("Format international sans espace, par exemple +33321000000."),
    )
    courriels = models.CharField(
        _("courriels"), max_length=500, blank=True, help_text=_("Séparés par « ; ».")
    )
    site_web = models.CharField(
        _("site web"),
        max_length=500,
        blank=True,
        help_text=_("Une ou plusieurs adresses séparées par « ; »."),
    )
    presentation_resume = models.CharField(_("présentation résumée"), max_length=280, blank=True)
    presentation_detail = models.TextField(_("présentation détaillée"), blank=True)
    source = models.CharField(
        _("source des données"),
        max_length=200,
        blank=True,
        help_text=_("La structure qui a collecté ces informations."),
    )
    structure_parente = models.CharField(_("structure parente"), max_length=200, blank=True)
    itinerance = models.CharField(
        _("itinérance"),
        max_length=40,
        blank=True,
        validators=[list_validator(ITINERANCE)],
        help_text=list_help(ITINERANCE),
    )
    services = models.TextField(
        _("services"),
        blank=True,
        validators=[list_validator(SERVICES)],
        help_text=list_help(SERVICES),
    )
    publics_specifiquement_adresses = models.CharField(
        _("publics spécifiquement adressés"),
        max_length=250,
        blank=True,
        validators=[list_validator(PUBLICS_SPECIFIQUEMENT_ADRESSES)],
        help_text=list_help(PUBLICS_SPECIFIQUEMENT_ADRESSES),
    )
    prise_en_charge_specifique = models.CharField(
        _("prise en charge spécifique"),
        max_length=250,
        blank=True,
        validators=[list_validator(PRISE_EN_CHARGE_SPECIFIQUE)],
        help_text=list_help(PRISE_EN_CHARGE_SPECIFIQUE),
    )
    frais_a_charge = models.CharField(
        _("frais à charge"),
        max_length=100,
        blank=True,
        validators=[list_validator(FRAIS_A_CHARGE)],
        help_text=list_help(FRAIS_A_CHARGE),
    )
    modalites_acces = models.CharField(
        _("modalités d'accès"),
        max_length=250,
        blank=True,
        validators=[list_validator(MODALITES_ACCES)],
        help_text=list_help(MODALITES_ACCES),
    )
    modalites_accompagnement = models.CharField(
        _("modalités d'accompagnement"),
        max_length=250,
        blank=True,
        validators=[list_validator(MODALITES_ACCOMPAGNEMENT)],
        help_text=list_help(MODALITES_ACCOMPAGNEMENT),
    )
    fiche_acces_libre = models.URLField(
        _("fiche Acceslibre"),
        blank=True,
        help_text=_("Lien vers la fiche d'accessibilité du lieu sur acceslibre.beta.gouv.fr."),
    )
    accessibilite = models.TextField(
        _("accessibilité"),
        blank=True,
        help_text=_("Accès de plain-pied, boucle magnétique, toilettes adaptées... (texte libre)."),
    )
    prise_rdv = models.URLField(
        _("prise de rendez-vous en ligne"),
        blank=True,
        help_text=_("Lien vers la prise de rendez-vous en ligne (par exemple RDV Solidarités)."),
    )
    dispositif_programmes_nationaux = models.CharField(
        _("dispositifs et programmes nationaux"),
        max_length=500,
        blank=True,
        validators=[list_validator(DISPOSITIF_PROGRAMMES_NATIONAUX)],
        help_text=list_help(DISPOSITIF_PROGRAMMES_NATIONAUX),
    )
    formations_labels = models.CharField(
        _("formations et labels"),
        max_length=500,
        blank=True,
        validators=[list_validator(FORMATIONS_LABELS)],
        help_text=list_help(FORMATIONS_LABELS),
    )
    autres_formations_labels = models.CharField(
        _("autres formations et labels"), max_length=500, blank=True
    )
    equipements = models.CharField(
        _("matériel et connexion"),
        max_length=250,
        blank=True,
        validators=[list_validator(EQUIPEMENTS)],
        help_text=list_help(EQUIPEMENTS),
    )
    etapes_itinerance = models.TextField(
        _("étapes de l'itinérance"),
        blank=True,
        help_text=_(
            "Pour un service itinérant : une étape par ligne, par exemple "
            "« Samer, place du marché : lundi 9 h – 12 h »."
        ),
    )
    date_maj = models.DateField(
        _("date de mise à jour"),
        default=datetime.date.today,
        help_text=_("Mise à jour à chaque enregistrement."),
    )
    date_verification = models.DateField(
        _("informations vérifiées le"),
        null=True,
        blank=True,
        help_text=_("Enregistrée par « Toujours exact » dans la liste des lieux à vérifier."),
    )

    panels = [
        FieldPanel("nom"),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldPanel("adresse"),
                FieldPanel("complement_adresse"),
                FieldPanel("code_postal"),
                FieldPanel("commune"),
                FieldPanel("code_insee"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
            ],
            heading=_("Adresse"),
        ),
        FieldPanel("horaires"),
        MultiFieldPanel(
            [
                FieldPanel("telephone"),
                FieldPanel("courriels"),
                FieldPanel("site_web"),
                FieldPanel("prise_rdv"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("presentation_resume"),
        FieldPanel("presentation_detail"),
        MultiFieldPanel(
            [
                FieldPanel("accessibilite"),
                FieldPanel("prise_en_charge_specifique"),
                FieldPanel("fiche_acces_libre"),
            ],
            heading=_("Accessibilité"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("services"),
                FieldPanel("publics_specifiquement_adresses"),
                FieldPanel("frais_a_charge"),
                FieldPanel("modalites_acces"),
                FieldPanel("modalites_accompagnement"),
                FieldPanel("dispositif_programmes_nationaux"),
                FieldPanel("itinerance"),
                FieldPanel("etapes_itinerance"),
                FieldPanel("equipements"),
            ],
            heading=_("Offre (standard LaMednum)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("identifiant"),
                FieldPanel("slug"),
                FieldPanel("pivot"),
                FieldPanel("typologie"),
                FieldPanel("structure_parente"),
                FieldPanel("source"),
                FieldPanel("formations_labels"),
                FieldPanel("autres_formations_labels"),
                FieldPanel("date_verification", read_only=True),
            ],
            heading=_("Données du standard"),
        ),
    ]
    search_fields = [
        index.SearchField("nom", boost=2),
        index.AutocompleteField("nom"),
        index.SearchField("commune"),
        index.SearchField("adresse"),
        index.SearchField("code_postal"),
        index.SearchField("presentation_resume"),
        index.SearchField("services"),
        index.FilterField("commune"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")
        ordering = ["commune", "nom"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifiant", "locale"], name="place_unique_identifiant_per_locale"
            ),
            models.UniqueConstraint(fields=["slug", "locale"], name="place_unique_slug_per_locale"),
        ]

    def __str__(self):
        return f"{self.nom} ({self.commune})"

    def save(self, *args, keep_date_maj=False, **kwargs):
        """Every save is an update of the data (`date_maj`), except an import that carries the
        file's own date."""
        if not keep_date_maj:
            self.date_maj = timezone.localdate()
        if not self.identifiant:
            self.identifiant = str(uuid.uuid4())
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        from content.places.hours import hours_error

        error = hours_error(self.horaires)
        if error:
            raise ValidationError({"horaires": error})

    def unique_slug(self):
        base = slugify(f"{self.nom} {self.commune}")[:100] or "lieu"
        others = Place.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        slug, n = base, 2
        while others.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def checked_on(self):
        """The last day someone confirmed these facts: an edit or « Toujours exact »."""
        return max(d for d in (self.date_maj, self.date_verification) if d)

    @property
    def needs_check(self):
        return (timezone.localdate() - self.checked_on).days > FRESHNESS_DAYS

    @property
    def website(self):
        """The first web address (the standard allows several, separated by ";"), only
        if it is an http(s) URL, so it can be linked safely."""
        first = (split_values(self.site_web) or [""])[0]
        return first if first.startswith(("https://", "http://")) else ""

    @property
    def full_address(self):
        parts = [self.adresse, self.complement_adresse, f"{self.code_postal} {self.commune}"]
        return ", ".join(p for p in parts if p)

    def values(self, field_name):
        """The values of a multi-valued field, as a list."""
        return split_values(getattr(self, field_name))

    @property
    def emails(self):
        return self.values("courriels")

    @property
    def phone_display(self):
        """+33321000000 -> 03 21 00 00 00 (French numbers), as residents dial them."""
        number = self.telephone
        if number.startswith("+33") and len(number) == 12:
            national = "0" + number[3:]
            return " ".join(national[i : i + 2] for i in range(0, 10, 2))
        return number

    @property
    def itinerant_stops(self):
        return [line.strip() for line in self.etapes_itinerance.splitlines() if line.strip()]

    @property
    def is_itinerant(self):
        return "Itinérant" in self.values("itinerance")

    def get_url(self, request=None):
        """The place's page under the directory of its language, or "" when there is none."""
        from content.places.links import place_url

        return place_url(self, request)
