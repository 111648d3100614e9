"""The value lists of the national "Standard des lieux de médiation numérique" (LaMednum /
ANCT, schema v1.0.2, content/places/data/) that Place fields take, and how a ";"-separated field
is read and checked against one (content/models/places.py stores them, content/places/ imports
and filters them)."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

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
MODALITES_ACCES = [
    "Se présenter",
    "Téléphoner",
    "Contacter par mail",
    "Prendre un RDV en ligne",
    "Ce lieu n'accueille pas de public",
    "Envoyer un mail avec une fiche de prescription",
]
MODALITES_ACCOMPAGNEMENT = [
    "En autonomie",
    "Accompagnement individuel",
    "Dans un atelier collectif",
    "À distance",
]
ITINERANCE = ["Itinérant", "Fixe"]
DISPOSITIF_PROGRAMMES_NATIONAUX = [
    "Aidants Connect",
    "Bibliothèques numérique de référence",
    "Certification PIX",
    "Conseillers numériques",
    "Emmaüs Connect",
    "France Services",
    "Grande école du numérique",
    "La Croix Rouge",
    "Point d'accès numérique CAF",
    "Promeneurs du net",
    "Relais numérique (Emmaüs Connect)",
]
FORMATIONS_LABELS = [
    "Formé à « Mon Espace Santé »",
    "Formé à « DUPLEX » (illettrisme)",
    "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
    "Collectif ressources et acteurs réemploi (Normandie)",
    "Étapes numériques(La Poste)",
    "Fabriques de Territoire",
    "Les Éclaireurs du numérique (Drôme)",
    "Mes Papiers (Métropole de Lyon)",
    "ORDI 3.0",
    "SUD LABS (PACA)",
]
# Local extension (not in the standard): what the roadmaps ask residents to find.
EQUIPEMENTS = [
    "Prêt de matériel",
    "Connexion solidaire",
    "Matériel reconditionné",
    "Ordinateurs en libre accès",
]


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
