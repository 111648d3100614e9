"""The directory's filters: read from the query string (so they work without JavaScript and a
filtered list can be bookmarked or shared), applied in Python to the places of one query.

The multi-valued fields hold ";"-separated values, which SQL cannot match exactly (« Gratuit »
is inside « Gratuit sous condition »), and « open now » depends on the opening hours: one query
fetches the language's places, and the rest is plain Python (2,000 places in a few ms, see
bench/places.py). The query count stays the same whatever the number of places.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from content.models.place_standard import (
    MODALITES_ACCOMPAGNEMENT,
    PRISE_EN_CHARGE_SPECIFIQUE,
    PUBLICS_SPECIFIQUEMENT_ADRESSES,
    SERVICES,
    split_values,
)

from . import communes, hours

# The standard's services in the words a resident uses (the standard's wording stays in files).
SERVICE_LABELS = {
    "Aide aux démarches administratives": _(
        "Faire ses démarches en ligne (CAF, impôts, santé, France Travail…)"
    ),
    "Maîtrise des outils numériques du quotidien": _(
        "Se servir d'un ordinateur, d'un téléphone, de ses e-mails"
    ),
    "Insertion professionnelle via le numérique": _("Chercher un emploi ou une formation en ligne"),
    "Utilisation sécurisée du numérique": _("Se protéger des arnaques et protéger ses données"),
    "Parentalité et éducation avec le numérique": _("Accompagner ses enfants dans le numérique"),
    "Loisirs et créations numériques": _("Loisirs et création (photo, vidéo, jeux)"),
    "Compréhension du monde numérique": _(
        "Comprendre le numérique (intelligence artificielle, fausses informations)"
    ),
    "Accès internet et matériel informatique": _("Utiliser un ordinateur ou internet sur place"),
    "Acquisition de matériel informatique à prix solidaire": _(
        "Acheter un ordinateur ou un téléphone à petit prix"
    ),
}
ACCOMPANIMENT_LABELS = {
    "En autonomie": _("Seul, avec du matériel à disposition"),
    "Accompagnement individuel": _("Avec une personne, en tête-à-tête"),
    "Dans un atelier collectif": _("En atelier, en petit groupe"),
    "À distance": _("À distance (téléphone, visio)"),
}
ACCESS_LABELS = {
    "Se présenter": _("Sans rendez-vous : venez sur place"),
    "Téléphoner": _("En téléphonant"),
    "Contacter par mail": _("En écrivant un e-mail"),
    "Prendre un RDV en ligne": _("En prenant rendez-vous en ligne"),
    "Ce lieu n'accueille pas de public": _("Ce lieu n'accueille pas de public"),
    "Envoyer un mail avec une fiche de prescription": _(
        "Sur orientation d'un professionnel (fiche de prescription)"
    ),
}
# The standard's other values, shown as they are in French, translated elsewhere.
PUBLIC_LABELS = {
    "Jeunes": _("Jeunes"),
    "Étudiants": _("Étudiants"),
    "Familles et/ou enfants": _("Familles et/ou enfants"),
    "Seniors": _("Seniors"),
    "Femmes": _("Femmes"),
}
SUPPORT_LABELS = {
    "Surdité": _("Surdité"),
    "Handicaps moteurs": _("Handicaps moteurs"),
    "Handicaps mentaux": _("Handicaps mentaux"),
    "Illettrisme": _("Illettrisme"),
    "Langues étrangères (anglais)": _("Langues étrangères (anglais)"),
    "Langues étrangères (autres)": _("Langues étrangères (autres)"),
    "Déficience visuelle": _("Déficience visuelle"),
}
FEES_LABELS = {
    "Gratuit": _("Gratuit"),
    "Gratuit sous condition": _("Gratuit sous condition"),
    "Payant": _("Payant"),
}
EQUIPMENT_LABELS = {
    "Prêt de matériel": _("Prêt de matériel"),
    "Connexion solidaire": _("Connexion solidaire"),
    "Matériel reconditionné": _("Matériel reconditionné"),
    "Ordinateurs en libre accès": _("Ordinateurs en libre accès"),
}
LIST_LABELS = {
    "frais_a_charge": FEES_LABELS,
    "equipements": EQUIPMENT_LABELS,
    "publics_specifiquement_adresses": PUBLIC_LABELS,
    "prise_en_charge_specifique": SUPPORT_LABELS,
}
OPEN_CHOICES = [("maintenant", _("Ouvert maintenant")), ("samedi", _("Ouvert le samedi"))]
ACCESS_CHOICES = [
    ("sans-rendez-vous", _("Sans rendez-vous")),
    ("rendez-vous", _("Sur rendez-vous")),
]
SATURDAY = 5


def options(values, labels=None):
    return [(slugify(v), (labels or {}).get(v, v)) for v in values]


SERVICE_OPTIONS = options(SERVICES, SERVICE_LABELS)
PUBLIC_OPTIONS = options(PUBLICS_SPECIFIQUEMENT_ADRESSES, PUBLIC_LABELS)
SUPPORT_OPTIONS = options(PRISE_EN_CHARGE_SPECIFIQUE, SUPPORT_LABELS)
ACCOMPANIMENT_OPTIONS = options(MODALITES_ACCOMPAGNEMENT, ACCOMPANIMENT_LABELS)
BY_SLUG = {
    "service": {slugify(v): v for v in SERVICES},
    "public": {slugify(v): v for v in PUBLICS_SPECIFIQUEMENT_ADRESSES},
    "prise_en_charge": {slugify(v): v for v in PRISE_EN_CHARGE_SPECIFIQUE},
    "accompagnement": {slugify(v): v for v in MODALITES_ACCOMPAGNEMENT},
}


@dataclass
class Filters:
    commune: str = ""
    service: str = ""
    public: str = ""
    prise_en_charge: str = ""
    accompagnement: str = ""
    gratuit: bool = False
    ouvert: str = ""
    acces: str = ""
    pres: str = ""
    ignored: list = field(default_factory=list)

    PARAMS = (
        "commune",
        "service",
        "public",
        "prise_en_charge",
        "accompagnement",
        "gratuit",
        "ouvert",
        "acces",
        "pres",
    )

    @classmethod
    def from_query(cls, query):
        """Unknown values are dropped (and reported), never an error page."""
        found = cls()
        for name in ("service", "public", "prise_en_charge", "accompagnement"):
            value = query.get(name, "")[:100]
            if value in BY_SLUG[name]:
                setattr(found, name, value)
            elif value:
                found.ignored.append(name)
        for name in ("commune", "pres"):
            value = query.get(name, "")[:5]
            if communes.get(value):
                setattr(found, name, value)
            elif value:
                found.ignored.append(name)
        found.gratuit = query.get("gratuit") == "1"
        ouvert = query.get("ouvert", "")
        found.ouvert = ouvert if ouvert in dict(OPEN_CHOICES) else ""
        acces = query.get("acces", "")
        found.acces = acces if acces in dict(ACCESS_CHOICES) else ""
        return found

    @classmethod
    def for_block(cls, service_value="", commune=""):
        return cls(service=slugify(service_value) if service_value else "", commune=commune)

    def active(self):
        return any(getattr(self, name) for name in self.PARAMS)

    def query_string(self):
        from django.utils.http import urlencode

        pairs = []
        for name in self.PARAMS:
            value = getattr(self, name)
            if value is True:
                pairs.append((name, "1"))
            elif value:
                pairs.append((name, value))
        return urlencode(pairs)

    def matches(self, place, now):
        if self.commune and place.code_insee != self.commune:
            return False
        for name, field_name in (
            ("service", "services"),
            ("public", "publics_specifiquement_adresses"),
            ("prise_en_charge", "prise_en_charge_specifique"),
            ("accompagnement", "modalites_accompagnement"),
        ):
            wanted = getattr(self, name)
            if wanted and BY_SLUG[name][wanted] not in split_values(getattr(place, field_name)):
                return False
        if self.gratuit and "Gratuit" not in split_values(place.frais_a_charge):
            return False
        if self.acces == "sans-rendez-vous" and "Se présenter" not in split_values(
            place.modalites_acces
        ):
            return False
        if self.acces == "rendez-vous" and not (
            place.prise_rdv
            or {"Prendre un RDV en ligne", "Téléphoner"} & set(split_values(place.modalites_acces))
        ):
            return False
        if self.ouvert == "maintenant" and not hours.is_open(place.horaires, now):
            return False
        return not (
            self.ouvert == "samedi" and not hours.open_on_weekday(place.horaires, SATURDAY, now)
        )

    def apply(self, places, now=None):
        """The matching places; nearest first when a commune to sort from is chosen (each with
        a `distance_km` attribute), else by commune and name."""
        now = hours.local_now(now)
        result = [p for p in places if self.matches(p, now)]
        origin = communes.get(self.pres)
        if origin is None:
            return result
        for place in result:
            position = communes.place_position(place)
            place.distance_km = (
                communes.distance_km(origin.latitude, origin.longitude, *position)
                if position
                else None
            )
        return sorted(
            result,
            key=lambda p: (p.distance_km is None, p.distance_km or 0, p.nom),
        )
