"""French demo site drawn from the planning documents in shared/seeds/.

The helpers here are what the other apps' `demo.py` modules use: they find existing objects by
slug and create only what is missing, so `load_demo` can run any number of times.
"""

from django.utils.text import slugify
from wagtail.models import Collection, Locale, Page, Site

from content.models import Audience, HomePage, Organisation, SiteIdentity, StandardPage, Theme

HOME_SLUG = "accueil"


def french():
    return Locale.objects.get_or_create(language_code="fr")[0]


def ensure_tree_root():
    """Wagtail's page tree and image collection roots, recreated if a test flushed the
    database (Wagtail's own migrations create them, and a flush empties every table)."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root", locale=french())
    return root


def get_home():
    return HomePage.objects.get(slug=HOME_SLUG, locale=french())


def get_or_create_page(parent, model, slug, **fields):
    """The child of `parent` with this slug, or a new published one. Existing pages are left
    as editors made them."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def get_or_create_term(model, name, slug=None, **fields):
    term, _created = model.objects.get_or_create(
        slug=slug or slugify(name), locale=french(), defaults={"name": name, **fields}
    )
    return term


def terms(model, *slugs):
    return list(model.objects.filter(slug__in=slugs, locale=french()))


ORGANISATIONS = [
    {
        "name": "Centre de Ressources Informatiques pour les Associations et les Collectivités",
        "acronym": "CRIAC",
        "slug": "criac",
        "kind": Organisation.Kind.ASSOCIATION,
        "description": "Accompagne les associations et les collectivités dans leurs usages du "
        "numérique ; crée un guide numérique ludique et anime des sessions de présentation.",
    },
    {
        "name": "Association Mission Insertion Emploi du Boulonnais",
        "acronym": "AMIE",
        "slug": "amie",
        "kind": Organisation.Kind.EMPLOYMENT,
        "description": "Mission locale du Boulonnais. Porte l'événement Numériqu'elles, qui fait "
        "découvrir les métiers du numérique aux collégiennes et aux lycéennes.",
    },
    {
        "name": "Centre social Éclaté Bellidée",
        "acronym": "",
        "slug": "bellidee",
        "kind": Organisation.Kind.SOCIAL_CENTRE,
        "description": "Centre social de Saint-Martin-Boulogne. Intervient depuis plusieurs années "
        "dans les collèges et lycées sur les risques du numérique.",
        "address": "Saint-Martin-Boulogne",
    },
    {
        "name": "Communauté de communes de la Terre des Deux Caps",
        "acronym": "CCT2C",
        "slug": "cct2c",
        "kind": Organisation.Kind.LOCAL_AUTHORITY,
        "description": "Anime le tiers-lieu numérique interm@de à Marquise et les petits "
        "déjeuners ateliers pour les entrepreneurs.",
        "address": "Marquise",
    },
    {
        "name": "Tiers-lieu numérique interm@de",
        "acronym": "",
        "slug": "intermade",
        "kind": Organisation.Kind.THIRD_PLACE,
        "description": "Tiers-lieu numérique de la Terre des Deux Caps, à Marquise : ateliers, "
        "conférences et espace de coworking.",
        "address": "Marquise",
    },
    {
        "name": "Communauté de communes de Desvres-Samer",
        "acronym": "CCDS",
        "slug": "ccds",
        "kind": Organisation.Kind.LOCAL_AUTHORITY,
        "description": "Accompagne les habitants vers l'autonomie numérique dans ses Maisons "
        "Intercommunales pour Tous : cours d'initiation, ateliers, stages et rendez-vous "
        "individuels.",
    },
    {
        "name": "Maisons Intercommunales pour Tous (France Services)",
        "acronym": "",
        "slug": "france-services-ccds",
        "kind": Organisation.Kind.FRANCE_SERVICES,
        "description": "Espaces labellisés France Services de la CCDS : aide aux démarches en "
        "ligne et accompagnement numérique gratuit.",
    },
    {
        "name": "Communauté d'agglomération du Boulonnais",
        "acronym": "CaB",
        "slug": "cab",
        "kind": Organisation.Kind.LOCAL_AUTHORITY,
        "description": "Regroupe 22 communes et 117 684 habitants ; partenaire des centres "
        "sociaux connectés et de Numériqu'elles.",
    },
    {
        "name": "Boulogne-sur-Mer Développement Côte d'Opale",
        "acronym": "BDCO",
        "slug": "bdco",
        "kind": Organisation.Kind.LOCAL_AUTHORITY,
        "description": "Agence d'attractivité, d'urbanisme et de développement économique de "
        "l'arrondissement ; met en œuvre le plan d'action Digi-Inclusion du réseau URBACT.",
        "email": "bdco@boulogne-developpement.com",
    },
]

AUDIENCES = [
    ("Habitants", "habitants", "Toute personne qui veut prendre confiance avec le numérique."),
    ("Seniors", "seniors", "Personnes âgées, souvent équipées d'un ancien téléphone."),
    ("Parents", "parents", "Parents qui accompagnent les usages numériques de leurs enfants."),
    ("Collégiens et lycéens", "jeunes", "Élèves de la 6e à la terminale."),
    ("Enseignants et animateurs", "enseignants", "Qui animent des séances en classe."),
    ("Médiateurs numériques", "mediateurs", "Conseillers numériques, agents France Services."),
    ("Communicants", "communicants", "Chargés de communication des collectivités et partenaires."),
    ("Entrepreneurs", "entrepreneurs", "Commerçants, artisans, créateurs et petites entreprises."),
    ("Demandeurs d'emploi", "demandeurs-emploi", "Personnes accompagnées vers l'emploi."),
]

THEMES = [
    ("Courriel", "courriel"),
    ("Naviguer en sécurité", "navigation"),
    ("Démarches en ligne", "demarches"),
    ("Mots de passe", "mots-de-passe"),
    ("Arnaques et menaces en ligne", "arnaques"),
    ("Fausses informations", "fausses-informations"),
    ("Intelligence artificielle", "ia"),
    ("Données personnelles", "donnees-personnelles"),
    ("Cyberharcèlement", "cyberharcelement"),
    ("Réseaux sociaux", "reseaux-sociaux"),
    ("Outils pour les professionnels", "outils-pro"),
]


def rich(*paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def heading(text, level="h2"):
    return ("heading", {"level": level, "text": text})


def paragraph(*paragraphs):
    return ("paragraph", rich(*paragraphs))


def callout(kind, text, title=""):
    return ("callout", {"kind": kind, "title": title, "text": rich(text)})


def ensure_home():
    locale = french()
    root = ensure_tree_root()
    home = HomePage.objects.filter(slug=HOME_SLUG, locale=locale).first()
    if home is None:
        home = HomePage(
            title="Le numérique pour tous dans le Boulonnais",
            slug=HOME_SLUG,
            locale=locale,
            summary="Apprendre à son rythme, animer des séances en classe, mener des campagnes "
            "de sensibilisation et outiller les entreprises du territoire.",
            intro="Créer une adresse e-mail, faire ses démarches en ligne, repérer une arnaque, "
            "comprendre l'intelligence artificielle : ici, chacun avance à son rythme, sans "
            "compte à créer. Et si vous préférez être accompagné, les centres sociaux, le "
            "CRIAC, l'AMIE et les Maisons France Services vous accueillent près de chez vous.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    # The welcome page Wagtail's first migration creates has no place in this site.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Cap Numérique",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Cap Numérique"
        site.save()
    return home


HUBS = [
    {
        "slug": "habitants",
        "title": "Apprendre à mon rythme",
        "summary": "Des parcours courts, niveau 1 et niveau 2, pour prendre confiance avec le "
        "numérique, sans créer de compte.",
        "entry": (
            "Habitants",
            "Je débute ou je veux aller plus loin : des leçons courtes, "
            "à mon rythme, même sur un vieux téléphone.",
            "Commencer à apprendre",
        ),
        "body": [
            heading("Deux niveaux pour avancer"),
            paragraph(
                "<b>Niveau 1, premiers pas</b> : créer et utiliser une adresse e-mail, naviguer "
                "en sécurité, choisir ses mots de passe, créer ses comptes pour les démarches en "
                "ligne (Ameli, impots.gouv, FranceConnect).",
                "<b>Niveau 2, aller plus loin</b> : repérer les arnaques et l'hameçonnage, "
                "vérifier une information, comprendre l'intelligence artificielle, protéger ses "
                "données.",
            ),
            callout(
                "tip",
                "Vous pouvez aussi vous faire accompagner gratuitement dans un centre "
                "social ou une Maison France Services.",
            ),
        ],
    },
    {
        "slug": "enseignants",
        "title": "Enseignants et animateurs",
        "summary": "Des kits de séance prêts à l'emploi sur les risques du numérique, du collège "
        "au lycée.",
        "entry": (
            "Enseignants et animateurs",
            "Cybersécurité en 6e-5e, cyberharcèlement dès la "
            "4e, éducation aux médias : des séances prêtes à animer et à imprimer.",
            "Préparer une séance",
        ),
        "body": [
            heading("Des séances prêtes à animer"),
            paragraph(
                "Le centre social Bellidée intervient depuis plusieurs années dans les collèges "
                "et lycées : cybersécurité et cybermalveillance avec les 6e et 5e, "
                "cyberharcèlement à partir de la 4e, éducation aux médias et à l'information "
                "dès le collège, prévention sur les réseaux sociaux « jeunes et parents ».",
                "Chaque kit contient un déroulé minuté, des activités pour les élèves à imprimer "
                "et les numéros d'aide à afficher.",
            ),
        ],
    },
    {
        "slug": "communicants",
        "title": "Communicants",
        "summary": "Des campagnes de sensibilisation clés en main : visuels, affiches, QR codes "
        "et chiffres de diffusion sans pistage.",
        "entry": (
            "Communicants",
            "Safer Internet Day, Cybermois, journée contre le harcèlement "
            "scolaire : visuels, affiches et QR codes prêts à diffuser.",
            "Préparer une campagne",
        ),
        "body": [
            heading("Des campagnes qui parlent aux habitants"),
            paragraph(
                "Le plan d'action du territoire prévoit de « lancer une grande campagne de "
                "communication (Facebook, flyers, magazines...) ». Chaque campagne réunit ses "
                "visuels, ses textes prêts à publier et ses liens courts par canal.",
            ),
        ],
    },
    {
        "slug": "entrepreneurs",
        "title": "Entrepreneurs, commerçants et artisans",
        "summary": "Des guides pas à pas sur les outils numériques et les petits déjeuners "
        "ateliers de la Terre des Deux Caps.",
        "entry": (
            "Entrepreneurs",
            "Canva, visibilité sur Google, paiement, guichet unique de "
            "l'INPI, sécurité des données : des guides pas à pas et des ateliers.",
            "Trouver un guide",
        ),
        "body": [
            heading("Des outils concrets pour votre activité"),
            paragraph(
                "Depuis octobre 2024, les petits déjeuners ateliers entrepreneurs de la CCT2C "
                "abordent la communication d'entreprise, les réseaux sociaux, Canva, la "
                "visibilité sur Google, les solutions de paiement, le référencement et les "
                "formalités sur le guichet unique de l'INPI.",
            ),
        ],
    },
]

LEGAL_PAGES = [
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "summary": "Qui publie ce site, qui l'héberge et comment nous contacter.",
        "body": [
            heading("Éditeur"),
            paragraph(
                "Ce site est édité par Boulogne-sur-Mer Développement Côte d'Opale (BDCO), "
                "dans le cadre du plan d'action Digi-Inclusion du réseau européen URBACT, avec "
                "le CRIAC, les centres sociaux, l'AMIE du Boulonnais, la CCT2C et la CCDS.",
                "Courriel : bdco@boulogne-developpement.com",
            ),
            heading("Hébergement"),
            paragraph("L'hébergeur et son adresse sont indiqués ici lors de la mise en ligne."),
            heading("Contenus"),
            paragraph(
                "Les contenus sont rédigés par les structures partenaires. Sauf mention "
                "contraire, ils peuvent être réutilisés en citant la source."
            ),
        ],
    },
    {
        "slug": "donnees-personnelles",
        "title": "Données personnelles",
        "summary": "Ce site ne vous suit pas : pas de cookie de mesure d'audience, pas de "
        "traceur publicitaire.",
        "body": [
            heading("Ce que nous ne collectons pas"),
            paragraph(
                "Ce site ne dépose aucun cookie de mesure d'audience ni de traceur publicitaire. "
                "Vos progrès dans les parcours restent dans votre navigateur : ils ne nous sont "
                "jamais envoyés.",
                "La fréquentation est comptée par le serveur, page par page, sans adresse IP ni "
                "identifiant.",
            ),
            heading("Ce que nous collectons quand vous nous écrivez ou vous inscrivez"),
            paragraph(
                "Pour une inscription à un atelier : votre nom, un moyen de vous joindre "
                "(courriel ou téléphone) et vos besoins d'accessibilité si vous les indiquez. "
                "Ces données servent uniquement à organiser l'atelier ; elles sont supprimées "
                "automatiquement après l'événement, seuls les nombres de participants sont "
                "conservés.",
            ),
            heading("Vos droits"),
            paragraph(
                "Vous pouvez demander l'accès, la rectification ou la suppression de vos données "
                "en écrivant à bdco@boulogne-developpement.com. Vous pouvez aussi adresser une "
                "réclamation à la CNIL.",
            ),
        ],
    },
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "summary": "Ce site est partiellement conforme au référentiel général d'amélioration de "
        "l'accessibilité (RGAA 4.1).",
        "body": [
            heading("État de conformité"),
            paragraph(
                "Cap Numérique est <b>partiellement conforme</b> avec le référentiel général "
                "d'amélioration de l'accessibilité (RGAA), version 4.1, en raison des "
                "non-conformités et des dérogations énumérées ci-dessous.",
                "Chaque type de page est vérifié automatiquement à chaque modification du site "
                "(outil axe-core, règles WCAG 2.2 A et AA), au clavier seul et sur un écran de "
                "320 pixels de large. Un audit complet reste à réaliser.",
            ),
            heading("Contenus non accessibles"),
            paragraph(
                "Certaines vidéos hébergées sur des plateformes externes n'ont pas encore de "
                "transcription. Certains documents à télécharger (PDF) peuvent ne pas être "
                "balisés.",
            ),
            heading("Retour d'information et contact"),
            paragraph(
                "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à "
                "bdco@boulogne-developpement.com pour être orienté vers une alternative "
                "accessible ou obtenir le contenu sous une autre forme.",
            ),
            heading("Voies de recours"),
            paragraph(
                "Si vous nous avez signalé un défaut d'accessibilité sans obtenir de réponse "
                "satisfaisante, vous pouvez écrire au Défenseur des droits, le contacter par "
                "téléphone au 09 69 39 00 00, ou écrire gratuitement (sans timbre) à Défenseur "
                "des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
            ),
        ],
    },
]


def add_entry_point(home, title, text, page, link_label):
    """Add or replace the home page's entry point for one audience (matched by title)."""
    entries = [
        (block.block_type, dict(block.value))
        for block in home.entry_points
        if block.value["title"] != title
    ]
    entries.append(
        ("entry", {"title": title, "text": text, "page": page, "link_label": link_label})
    )
    home.entry_points = entries
    home.save_revision().publish()


def load():
    for organisation in ORGANISATIONS:
        Organisation.objects.get_or_create(
            slug=organisation["slug"], locale=french(), defaults=organisation
        )
    for name, slug, description in AUDIENCES:
        get_or_create_term(Audience, name, slug, description=description)
    for name, slug in THEMES:
        get_or_create_term(Theme, name, slug)

    home = ensure_home()
    hubs = []
    for hub in HUBS:
        page = get_or_create_page(
            home,
            StandardPage,
            hub["slug"],
            title=hub["title"],
            summary=hub["summary"],
            body=hub["body"],
            show_in_menus=True,
        )
        hubs.append((hub, page))
    if not home.entry_points:
        home.entry_points = [
            (
                "entry",
                {
                    "title": hub["entry"][0],
                    "text": hub["entry"][1],
                    "page": page,
                    "link_label": hub["entry"][2],
                },
            )
            for hub, page in hubs
        ]
        home.save_revision().publish()

    legal = {
        spec["slug"]: get_or_create_page(
            home,
            StandardPage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            body=spec["body"],
        )
        for spec in LEGAL_PAGES
    }

    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    if not identity.legal_page_id:
        identity.organisation_name = "Cap Numérique"
        identity.tagline = "Le numérique pour tous dans le Boulonnais"
        identity.contact_email = "bdco@boulogne-developpement.com"
        identity.contact_address = "Boulogne-sur-Mer Développement Côte d'Opale\nBoulogne-sur-Mer"
        identity.legal_page = legal["mentions-legales"]
        identity.privacy_page = legal["donnees-personnelles"]
        identity.accessibility_page = legal["accessibilite"]
        identity.accessibility_status = SiteIdentity.AccessibilityStatus.PARTIAL
        identity.save()

    ensure_english_home(home)
    from content import demo_h5p  # imports this module's helpers

    h5p_summary = demo_h5p.load()
    return (
        f"{Organisation.objects.count()} organisations, {StandardPage.objects.count()} pages; "
        f"{h5p_summary}"
    )


def ensure_english_home(home):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = home.get_translation_or_none(english)
    if translation is not None:
        return translation
    translation = home.copy_for_translation(english)
    translation.title = "Digital skills for everyone in the Boulonnais"
    translation.intro = (
        "Create an e-mail address, do your paperwork online, spot a scam, understand artificial "
        "intelligence: learn at your own pace, without an account. Cap Numérique is part of the "
        "Digi-Inclusion URBACT network of nine European cities."
    )
    translation.summary = translation.intro
    translation.entry_points = []
    translation.save_revision().publish()
    return translation
