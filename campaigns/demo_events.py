"""Demo events: the seeds' real events (dates and attendance from the action plan, seed 000) and
upcoming ones computed from today so the agenda is never empty. Idempotent."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from campaigns.models import EventIndexPage, EventPage, Occurrence
from content.demo import (
    callout,
    french,
    get_home,
    get_or_create_page,
    paragraph,
    terms,
)
from content.models import Audience, Organisation, Place, Theme

PARIS = ZoneInfo("Europe/Paris")

PLACES = [
    {
        "nom": "Tiers-lieu Interm@de",
        "adresse": "Place de la Mairie",
        "code_postal": "62250",
        "commune": "Marquise",
        "code_insee": "62560",
        "services": "Maîtrise des outils numériques du quotidien;"
        "Insertion professionnelle via le numérique",
        "frais_a_charge": "Gratuit",
        "modalites_accompagnement": "Accompagnement individuel;Dans un atelier collectif",
        "accessibilite": "Salle de plain-pied. Toilettes adaptées.",
        "horaires": "Mo-Fr 09:00-12:00,13:30-17:00",
    },
    {
        "nom": "Maison de quartier",
        "adresse": "Rue de la Paix",
        "code_postal": "62200",
        "commune": "Boulogne-sur-Mer",
        "code_insee": "62160",
        "services": "Aide aux démarches administratives;"
        "Maîtrise des outils numériques du quotidien",
        "frais_a_charge": "Gratuit",
        "modalites_accompagnement": "Dans un atelier collectif",
        "accessibilite": "Accès de plain-pied, boucle magnétique à l'accueil.",
        "horaires": "Mo-Fr 09:00-12:00,14:00-18:00",
    },
    {
        "nom": "Espace Bellidée",
        "adresse": "Rue de l'Égalité",
        "code_postal": "62280",
        "commune": "Saint-Martin-Boulogne",
        "code_insee": "62758",
        "services": "Parentalité et éducation avec le numérique;Utilisation sécurisée du numérique",
        "frais_a_charge": "Gratuit",
        "accessibilite": "Accès de plain-pied.",
    },
]


def paris(year, month, day, hour=9, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def occurrences(*starts, hours=2):
    return [Occurrence(start=s, end=s + datetime.timedelta(hours=hours)) for s in starts]


# (slug, title, summary, occurrences, place index, organiser, audiences, themes, level, attendance)
PAST_EVENTS = [
    (
        "petit-dej-communication-2024",
        "Petit déj entrepreneur : la communication d'entreprise",
        "Échanges de conseils pour communiquer sur son entreprise avec les outils numériques.",
        [paris(2024, 10, 22, 8, 30)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["outils-pro"],
        "niveau-1",
        9,
    ),
    (
        "petit-dej-reseaux-sociaux-2024",
        "Petit déj entrepreneur : les réseaux sociaux",
        "Choisir ses réseaux sociaux et publier régulièrement sans y passer ses journées.",
        [paris(2024, 11, 8, 8, 30)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["reseaux-sociaux", "outils-pro"],
        "niveau-1",
        5,
    ),
    (
        "atelier-site-wordpress-2024",
        "Atelier entrepreneur : concevoir son site web sur WordPress",
        "Créer les premières pages du site de son entreprise.",
        [paris(2024, 11, 19, 9, 0)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["outils-pro"],
        "niveau-2",
        6,
    ),
    (
        "petit-dej-securite-donnees-2025",
        "Petit déj entrepreneur : la sécurité de mes données professionnelles en ligne",
        "Sauvegardes, mots de passe, arnaques visant les entreprises : les bons réflexes.",
        [paris(2025, 1, 8, 8, 30)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["mots-de-passe", "arnaques"],
        "niveau-1",
        3,
    ),
    (
        "ateliers-canva-2025",
        "Ateliers entrepreneurs : Canva",
        "Six séances pour réaliser ses visuels (affiches, publications) avec Canva.",
        [
            paris(2025, 1, 27),
            paris(2025, 1, 30),
            paris(2025, 2, 6),
            paris(2025, 2, 7),
            paris(2025, 9, 25),
            paris(2025, 9, 29),
        ],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["outils-pro"],
        "niveau-2",
        32,
    ),
    (
        "atelier-crm-erp-2025",
        "Atelier entrepreneur : CRM et ERP, booster sa productivité",
        "Découvrir les outils de gestion de la relation client et de gestion d'entreprise.",
        [paris(2025, 2, 28)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["outils-pro"],
        "niveau-2",
        4,
    ),
    (
        "petit-dej-visibilite-google-2025",
        "Petit déj entrepreneurs : visibilité sur Google",
        "Créer et soigner sa fiche d'établissement pour être trouvé près de chez soi.",
        [paris(2025, 3, 21, 8, 30)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["outils-pro"],
        "niveau-1",
        4,
    ),
    (
        "atelier-meta-business-2025",
        "Atelier Meta Business",
        "Gérer les pages Facebook et Instagram de son entreprise.",
        [paris(2025, 3, 24)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["reseaux-sociaux"],
        "niveau-2",
        4,
    ),
    (
        "atelier-seo-2025",
        "Atelier SEO",
        "Les bases du référencement naturel pour le site de son entreprise.",
        [paris(2025, 4, 11)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["outils-pro"],
        "niveau-2",
        4,
    ),
    (
        "petit-dej-solutions-paiement-2025",
        "Petit déj entrepreneur : les solutions de paiement",
        "Terminaux, paiement sans contact, paiement en ligne : comparer les solutions.",
        [paris(2025, 5, 20, 8, 30)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["outils-pro"],
        "niveau-1",
        2,
    ),
    (
        "atelier-inpi-guichet-unique-2025",
        "Atelier entrepreneur : INPI, guichet unique des formalités d'entreprise",
        "Réaliser ses formalités d'entreprise sur le guichet unique de l'INPI.",
        [paris(2025, 9, 15), paris(2025, 10, 17)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["demarches"],
        "niveau-2",
        8,
    ),
    (
        "atelier-intelligence-artificielle-2025",
        "Atelier entrepreneur : intelligence artificielle",
        "Ce que l'IA peut faire (et ne pas faire) pour une petite entreprise.",
        [paris(2025, 11, 7)],
        0,
        "cct2c",
        ["entrepreneurs"],
        ["ia"],
        "niveau-1",
        8,
    ),
    (
        "safer-internet-day-2026",
        "Safer Internet Day au collège",
        "Animations sur la cybersécurité et la cyber malveillance avec les élèves "
        "et leurs parents.",
        [paris(2026, 2, 10, 14, 0)],
        2,
        "bellidee",
        ["parents", "jeunes"],
        ["arnaques", "cyberharcelement"],
        "tous",
        None,
    ),
]


def place_objects():
    locale = french()
    result = []
    for data in PLACES:
        place, _created = Place.objects.get_or_create(
            nom=data["nom"], commune=data["commune"], locale=locale, defaults=data
        )
        result.append(place)
    return result


def org(slug):
    return Organisation.objects.filter(slug=slug, locale=french()).first()


def next_weekday(weekday, hour, weeks_ahead):
    today = timezone.localtime().date()
    days = (weekday - today.weekday()) % 7 or 7
    day = today + datetime.timedelta(days=days + 7 * weeks_ahead)
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=PARIS)


def ensure_future_occurrences(event, starts, hours=2):
    """Keep a recurring demo event in the future: add dates when all are past."""
    now = timezone.now()
    if not event.occurrences.filter(end__gte=now).exists():
        for start in starts:
            Occurrence.objects.create(
                event=event, start=start, end=start + datetime.timedelta(hours=hours)
            )


def load():
    home = get_home()
    places = place_objects()
    agenda = get_or_create_page(
        home,
        EventIndexPage,
        "agenda",
        title="Agenda",
        summary="Cafés numériques, ateliers et rencontres près de chez vous : trouvez une date "
        "et réservez votre place.",
        intro="Cafés numériques, ateliers, petits déjeuners entrepreneurs : tous les rendez-vous "
        "du numérique dans le Boulonnais. Filtrez par commune, public ou niveau.",
        show_in_menus=True,
    )
    created = 0
    for (
        slug,
        title,
        summary,
        starts,
        place,
        organiser,
        audiences,
        themes,
        level,
        attendance,
    ) in PAST_EVENTS:
        if EventPage.objects.child_of(agenda).filter(slug=slug).exists():
            continue
        get_or_create_page(
            agenda,
            EventPage,
            slug,
            title=title,
            summary=summary,
            occurrences=occurrences(*starts),
            place=places[place],
            organiser=org(organiser),
            audiences=terms(Audience, *audiences),
            themes=terms(Theme, *themes),
            level=level,
            capacity=12,
            attendance_count=attendance,
            body=[paragraph(summary)],
            report=[paragraph("Ateliers axés sur des outils pratiques pour les entrepreneurs.")]
            if organiser == "cct2c"
            else [],
        )
        created += 1

    cafe = get_or_create_page(
        agenda,
        EventPage,
        "cafe-numerique",
        title="Café numérique du jeudi",
        summary="Venez avec votre téléphone ou votre tablette : on répond à vos questions autour "
        "d'un café, sans jugement.",
        occurrences=occurrences(*(next_weekday(3, 14, week) for week in range(6))),
        place=places[1],
        organiser=org("criac"),
        audiences=terms(Audience, "habitants", "seniors"),
        themes=terms(Theme, "courriel", "navigation"),
        level="debutant",
        capacity=8,
        accessibility_notes="Salle de plain-pied, boucle magnétique. Prévenez-nous si vous venez "
        "avec un accompagnant.",
        body=[
            paragraph(
                "Chaque jeudi après-midi, un médiateur numérique vous aide à utiliser "
                "votre téléphone, vos courriels ou un site administratif."
            ),
            callout("tip", "Apportez votre appareil chargé et vos identifiants si vous en avez."),
        ],
    )
    ensure_future_occurrences(cafe, [next_weekday(3, 14, w) for w in range(6)])
    workshop = get_or_create_page(
        agenda,
        EventPage,
        "atelier-demarches-en-ligne",
        title="Atelier démarches en ligne : compte Ameli et impôts",
        summary="Créer son compte Ameli et déclarer ses revenus en ligne, pas à pas.",
        occurrences=occurrences(next_weekday(1, 9, 1), hours=3),
        place=places[1],
        organiser=org("france-services-ccds") or org("criac"),
        audiences=terms(Audience, "habitants", "demandeurs-emploi"),
        themes=terms(Theme, "demarches"),
        level="intermediaire",
        capacity=6,
        body=[paragraph("Apportez votre carte Vitale et votre dernier avis d'imposition.")],
    )
    ensure_future_occurrences(workshop, [next_weekday(1, 9, 1)], hours=3)
    breakfast = get_or_create_page(
        agenda,
        EventPage,
        "petit-dej-entrepreneurs-cybersecurite",
        title="Petit déj entrepreneurs : cybersécurité",
        summary="Protéger son entreprise contre les arnaques et les rançongiciels.",
        occurrences=occurrences(next_weekday(4, 8, 2)),
        place=places[0],
        organiser=org("cct2c"),
        audiences=terms(Audience, "entrepreneurs"),
        themes=terms(Theme, "arnaques", "mots-de-passe"),
        level="niveau-1",
        capacity=15,
        body=[paragraph("Un intervenant en cybersécurité répond à vos questions.")],
    )
    ensure_future_occurrences(breakfast, [next_weekday(4, 8, 2)])
    return f"agenda with {EventPage.objects.child_of(agenda).count()} events ({created} new)"
