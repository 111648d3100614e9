"""Places (venues, and later the public directory of digital-mediation places).

Field names and value lists follow the national "Standard des lieux de médiation numérique"
(LaMednum / ANCT, schema v1) so the directory can export and extend this model without renaming
anything. Multi-valued fields are stored as the standard serialises them: values separated by ";".
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

SERVICES = [
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire",
]
PUBLICS_SPECIFIQUEMENT_ADRESSES = [
    "Jeunes",
    "Étudiants",
    "Familles et/ou enfants",
    "Seniors",
    "Femmes",
]
PRISE_EN_CHARGE_SPECIFIQUE = [
    "Surdité",
    "Handicaps moteurs",
    "Handicaps mentaux",
    "Illettrisme",
    "Langues étrangères (anglais)",
    "Langues étrangères (autres)",
    "Déficience visuelle",
]
FRAIS_A_CHARGE = ["Gratuit", "Gratuit sous condition", "Payant"]
MODALITES_ACCES = ["Se présenter", "Téléphoner", "Contacter par mail", "Prendre un RDV en ligne"]
MODALITES_ACCOMPAGNEMENT = [
    "En autonomie",
    "Accompagnement individuel",
    "Dans un atelier collectif",
    "À distance",
]
ITINERANCE = ["Itinérant", "Fixe"]


def split_values(value):
    return [part.strip() for part in (value or "").split(";") if part.strip()]


@deconstructible
class list_validator:
    """Checks a ";"-separated value against one of the standard's value lists."""

    def __init__(self, allowed):
        self.allowed = list(allowed)

    def __call__(self, value):
        unknown = [v for v in split_values(value) if v not in self.allowed]
        if unknown:
            raise ValidationError(
                _("Valeur(s) hors du standard : %(values)s. Valeurs possibles : %(allowed)s."),
                params={"values": " ; ".join(unknown), "allowed": " ; ".join(self.allowed)},
            )

    def __eq__(self, other):
        return isinstance(other, list_validator) and other.allowed == self.allowed


def list_help(allowed):
    return _("Valeurs séparées par « ; », parmi : %(values)s.") % {"values": " ; ".join(allowed)}


class Place(TranslatableMixin, index.Indexed, models.Model):
    """A venue. Names mirror the LaMednum standard (nom, adresse, code_postal...)."""

    nom = models.CharField(_("nom"), max_length=200)
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
    prise_rdv = models.URLField(_("prise de rendez-vous"), blank=True)
    date_maj = models.DateField(_("date de mise à jour"), auto_now=True)

    panels = [
        FieldPanel("nom"),
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
                FieldPanel("itinerance"),
            ],
            heading=_("Offre (standard LaMednum)"),
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

    def __str__(self):
        return f"{self.nom} ({self.commune})"

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
