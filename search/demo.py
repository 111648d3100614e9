"""Search demo content: a few practical French pages (drawn from the seeds' workshop
themes: phishing, e-mail, online tax return, cyberbullying, Canva) so the relevance tests
have something real to find, and the synonym groups residents need."""

from content.demo import callout, french, get_home, get_or_create_page, heading, paragraph
from content.models import StandardPage
from search.models import SynonymGroup

SYNONYMS = [
    ("Courriel", "courriel, mail, e-mail, email, messagerie, mél"),
    ("Arnaques", "arnaque, escroquerie, hameçonnage, phishing, fraude, smishing"),
    ("Impôts", "impôts, impots.gouv, impot, déclaration de revenus"),
    ("Harcèlement en ligne", "cyberharcèlement, harcèlement en ligne, cyber-harcèlement"),
    ("Fausses informations", "fake news, fausses informations, infox, désinformation"),
    ("Mot de passe", "mot de passe, mdp, password"),
    ("Ordiphone", "smartphone, téléphone portable, mobile, portable"),
]

PAGES = [
    (
        "habitants",
        "reconnaitre-hameconnage",
        "Reconnaître un message d'hameçonnage",
        "Faux SMS du colis, faux courriel de la banque : les signes qui doivent vous alerter "
        "avant de cliquer.",
        [
            heading("Les signes qui doivent alerter"),
            paragraph(
                "Un message d'hameçonnage imite votre banque, l'Assurance maladie ou un "
                "transporteur. Il vous presse d'agir et demande vos codes ou votre carte "
                "bancaire. Les arnaques par SMS sont de plus en plus fréquentes.",
                "Ne cliquez jamais sur le lien : ouvrez vous-même le site officiel.",
            ),
            callout("warning", "Aucune administration ne vous demande vos codes par message."),
        ],
    ),
    (
        "habitants",
        "envoyer-un-courriel",
        "Envoyer son premier courriel",
        "Créer une adresse, écrire un message, ajouter une pièce jointe : pas à pas.",
        [
            heading("Écrire et envoyer un message"),
            paragraph(
                "Ouvrez votre messagerie, cliquez sur « Nouveau message », indiquez l'adresse "
                "du destinataire et l'objet. Pour joindre une photo ou un document, utilisez "
                "le trombone. Relisez puis envoyez.",
            ),
        ],
    ),
    (
        "habitants",
        "impots-en-ligne",
        "Déclarer ses impôts en ligne",
        "Se connecter à son espace particulier, vérifier sa déclaration de revenus et la "
        "signer : les ateliers des France Services vous accompagnent.",
        [
            heading("Avant de commencer"),
            paragraph(
                "Munissez-vous de votre numéro fiscal et de votre mot de passe. La "
                "déclaration se fait sur le site officiel des impôts. En cas de difficulté, "
                "les conseillers numériques des France Services vous aident gratuitement.",
            ),
        ],
    ),
    (
        "habitants",
        "creer-un-mot-de-passe",
        "Choisir un mot de passe solide",
        "Une phrase facile à retenir, un mot de passe différent pour chaque compte.",
        [
            paragraph(
                "Un bon mot de passe est long. Utilisez une phrase de passe et activez la "
                "double authentification sur votre messagerie et votre banque.",
            )
        ],
    ),
    (
        "enseignants",
        "cyberharcelement-4e",
        "Prévenir le cyberharcèlement en 4e",
        "Une séance clé en main pour parler du harcèlement en ligne avec les élèves de "
        "quatrième : situations, témoins, recours.",
        [
            heading("Déroulé de la séance"),
            paragraph(
                "Les élèves analysent des situations de harcèlement sur les réseaux sociaux, "
                "identifient le rôle des témoins et apprennent à signaler. Le numéro 3018 "
                "est présenté aux jeunes et aux parents.",
            ),
        ],
    ),
    (
        "enseignants",
        "fausses-informations",
        "Démêler le vrai du faux : les fausses informations",
        "Vérifier une source, une image, une vidéo : une séance sur l'esprit critique.",
        [
            paragraph(
                "Les fausses informations circulent vite. Les élèves apprennent à vérifier "
                "l'auteur, la date et la source d'une publication avant de la partager.",
            )
        ],
    ),
    (
        "entrepreneurs",
        "atelier-canva",
        "Créer ses visuels avec Canva",
        "Affiches, publications pour les réseaux sociaux, cartes de visite : prendre en main "
        "Canva pour son commerce.",
        [
            paragraph(
                "Canva est un outil de création graphique en ligne. Les ateliers entrepreneurs "
                "montrent comment choisir un modèle, ajouter son logo et exporter un visuel.",
            )
        ],
    ),
    (
        "entrepreneurs",
        "proteger-son-entreprise",
        "Protéger son entreprise des escroqueries",
        "Fraude au président, faux fournisseurs, rançongiciels : les bons réflexes pour "
        "les commerçants et artisans.",
        [
            paragraph(
                "Les escroqueries visent aussi les petites entreprises. Vérifiez toujours un "
                "changement de coordonnées bancaires par téléphone et sauvegardez vos données.",
            )
        ],
    ),
]


def load():
    home = get_home()
    locale = french()
    groups = 0
    for name, terms in SYNONYMS:
        _group, created = SynonymGroup.objects.get_or_create(
            name=name, locale=locale, defaults={"terms": terms}
        )
        groups += created
    created_pages = 0
    for hub_slug, slug, title, summary, body in PAGES:
        hub = StandardPage.objects.child_of(home).filter(slug=hub_slug).first() or home
        before = StandardPage.objects.filter(slug=slug).exists()
        get_or_create_page(hub, StandardPage, slug, title=title, summary=summary, body=body)
        created_pages += not before
    return f"{created_pages} pages de démonstration, {groups} groupes de synonymes"
