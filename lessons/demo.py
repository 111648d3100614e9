"""Demo learning paths drawn from the Digi-Inclusion action plan (shared/seeds/000): level 1
« premiers pas » (e-mail, safe browsing, passwords, online procedures) and level 2 « aller plus
loin » (scams, fake news, generative AI, personal data)."""

from content.demo import (
    callout,
    get_home,
    get_or_create_page,
    paragraph,
    terms,
)
from content.models import Audience, Glossary, StandardPage, Theme

from . import demo_guides, demo_reports, demo_school
from .models import LearningIndexPage, LearningPathPage, LessonPage

GLOSSARY = [
    (
        "adresse-e-mail",
        "Adresse e-mail",
        "L'adresse qui permet de recevoir des messages par "
        "Internet, comme une boîte aux lettres. Elle s'écrit nom@fournisseur.fr, "
        "avec une arobase @.",
    ),
    (
        "navigateur",
        "Navigateur",
        "Le logiciel qui sert à aller sur Internet : Chrome, Firefox, Edge ou Safari, par exemple.",
    ),
    (
        "cadenas",
        "Cadenas (HTTPS)",
        "Le petit cadenas à gauche de l'adresse d'un site : les "
        "échanges avec ce site sont chiffrés. Il ne prouve pas que le site est honnête.",
    ),
    (
        "franceconnect",
        "FranceConnect",
        "Un bouton proposé par les sites publics pour se "
        "connecter avec un compte que l'on a déjà (Ameli, impots.gouv, La Poste...).",
    ),
    (
        "hameconnage",
        "Hameçonnage",
        "Un faux message (e-mail, SMS) qui imite une banque ou une "
        "administration pour voler vos codes ou votre argent. On dit aussi « phishing ».",
    ),
    (
        "double-authentification",
        "Double authentification",
        "Une deuxième vérification après le "
        "mot de passe, par exemple un code reçu par SMS : un voleur du mot de passe reste bloqué.",
    ),
    (
        "ia-generative",
        "IA générative",
        "Un programme qui fabrique du texte, des images ou des "
        "voix à partir d'une demande, comme ChatGPT ou Le Chat de Mistral.",
    ),
    (
        "donnees-personnelles",
        "Données personnelles",
        "Toute information qui vous concerne : "
        "nom, adresse, date de naissance, photos, numéro de sécurité sociale...",
    ),
]


def steps(title, *items):
    return ("steps", {"title": title, "steps": [{"text": f"<p>{t}</p>"} for t in items]})


def key_points(*points):
    return ("key_points", {"title": "À retenir", "points": list(points)})


def term(slug):
    return ("glossary_term", {"term": Glossary.objects.get(slug=slug, locale__language_code="fr")})


def question(prompt, answers, explanation, kind="single"):
    """answers: (text, correct, feedback)."""
    return {
        "kind": kind,
        "prompt": prompt,
        "answers": [{"text": a, "correct": c, "feedback": f} for a, c, f in answers],
        "explanation": f"<p>{explanation}</p>",
    }


def quiz(*questions):
    return ("quiz", {"title": "Je vérifie ce que j'ai compris", "questions": list(questions)})


def true_false(prompt, is_true, explanation):
    return question(
        prompt,
        [("Vrai", is_true, ""), ("Faux", not is_true, "")],
        explanation,
        kind="true_false",
    )


PATHS = [
    {
        "slug": "premiers-pas",
        "title": "Premiers pas : mes outils du quotidien",
        "level": 1,
        "summary": "Créer son adresse e-mail, naviguer en sécurité, choisir ses mots de passe et "
        "créer ses comptes pour les démarches en ligne.",
        "objectives": "envoyer et recevoir des e-mails\nreconnaître un site sécurisé\n"
        "choisir des mots de passe solides\nme connecter à Ameli et impots.gouv avec FranceConnect",
        "prerequisites": "",
        "audiences": ["habitants", "seniors", "demandeurs-emploi"],
        "themes": ["courriel", "navigation", "mots-de-passe", "demarches"],
        "competences": ["2.1", "4.1", "4.2", "2.4"],
        "lessons": [
            {
                "slug": "creer-une-adresse-e-mail",
                "title": "Créer mon adresse e-mail",
                "summary": "Une adresse e-mail est indispensable pour les démarches en ligne. "
                "On la crée en quelques minutes, gratuitement.",
                "objectives": "créer une adresse e-mail gratuite\nme connecter à ma messagerie",
                "duration": 15,
                "body": lambda: [
                    paragraph(
                        "Une adresse e-mail, c'est comme une boîte aux lettres sur "
                        "Internet. Elle est demandée pour Ameli, les impôts, Pôle emploi, "
                        "la CAF..."
                    ),
                    term("adresse-e-mail"),
                    steps(
                        "Créer mon adresse en 5 étapes",
                        "Ouvrez le navigateur et allez sur le site d'un fournisseur gratuit, "
                        "par exemple laposte.net ou gmail.com.",
                        "Cliquez sur « Créer un compte ».",
                        "Tapez votre prénom et votre nom, puis choisissez le début de votre "
                        "adresse, par exemple marie.dupont62.",
                        "Choisissez un mot de passe solide (voir la leçon sur les mots de "
                        "passe) et notez-le dans un endroit sûr.",
                        "Ajoutez un numéro de téléphone de secours : il servira si vous "
                        "oubliez votre mot de passe.",
                    ),
                    callout(
                        "tip",
                        "Choisissez une adresse simple, avec votre nom : elle "
                        "servira pour les démarches officielles.",
                    ),
                    key_points(
                        "Une adresse e-mail s'écrit nom@fournisseur.fr.",
                        "Le mot de passe ne se donne à personne.",
                        "Le numéro de secours permet de récupérer le compte.",
                    ),
                    quiz(
                        question(
                            "Laquelle est une adresse e-mail ?",
                            [
                                (
                                    "marie.dupont62@laposte.net",
                                    True,
                                    "Oui : un nom, une arobase @ et le fournisseur.",
                                ),
                                (
                                    "www.laposte.net",
                                    False,
                                    "C'est l'adresse d'un site, pas d'une boîte aux lettres.",
                                ),
                                ("06 12 34 56 78", False, "C'est un numéro de téléphone."),
                            ],
                            "Une adresse e-mail contient toujours une arobase @.",
                        ),
                        true_false(
                            "Je peux donner mon mot de passe à un conseiller qui m'appelle.",
                            False,
                            "Aucun conseiller ne demande votre mot de passe.",
                        ),
                    ),
                ],
            },
            {
                "slug": "reconnaitre-un-site-securise",
                "title": "Reconnaître un site sécurisé",
                "summary": "Avant de payer ou de se connecter, quelques vérifications simples.",
                "objectives": "vérifier l'adresse d'un site\nrepérer le cadenas",
                "duration": 10,
                "body": lambda: [
                    paragraph(
                        "Les faux sites imitent les vrais. Regarder l'adresse prend "
                        "cinq secondes et évite bien des ennuis."
                    ),
                    term("cadenas"),
                    steps(
                        "Vérifier un site avant de me connecter",
                        "Regardez la barre d'adresse, en haut du navigateur.",
                        "Vérifiez que l'adresse commence par https:// et qu'un cadenas est "
                        "affiché.",
                        "Lisez le nom du site juste avant le premier « / » : pour les impôts, "
                        "c'est impots.gouv.fr, rien d'autre.",
                        "En cas de doute, fermez la page et tapez vous-même l'adresse.",
                    ),
                    key_points(
                        "Le cadenas est nécessaire, mais il ne suffit pas.",
                        "Les sites publics finissent par .gouv.fr ou .fr connus.",
                    ),
                    quiz(
                        question(
                            "Quelle adresse est la vraie adresse des impôts ?",
                            [
                                (
                                    "https://www.impots.gouv.fr",
                                    True,
                                    "Exact, elle finit par gouv.fr.",
                                ),
                                (
                                    "https://impots-gouv-remboursement.com",
                                    False,
                                    "Un faux site : le nom finit par .com.",
                                ),
                            ],
                            "Le nom du site est juste avant le premier « / ».",
                        ),
                    ),
                ],
            },
            {
                "slug": "mots-de-passe-solides",
                "title": "Choisir des mots de passe solides",
                "summary": "Un bon mot de passe est long, et différent pour chaque compte.",
                "objectives": "créer un mot de passe facile à retenir et difficile à deviner",
                "duration": 10,
                "body": lambda: [
                    paragraph(
                        "Un voleur essaie d'abord les mots de passe courants : 123456, "
                        "azerty, une date de naissance."
                    ),
                    steps(
                        "Fabriquer un mot de passe avec une phrase",
                        "Pensez à une phrase facile à retenir : « Mon chat Tigrou mange 2 "
                        "croquettes ! ».",
                        "Gardez les premières lettres, les chiffres et la ponctuation : MctM2c!.",
                        "Ajoutez un repère pour chaque site, par exemple Am pour Ameli.",
                        "Activez la double authentification quand le site la propose.",
                    ),
                    term("double-authentification"),
                    key_points(
                        "Au moins 12 caractères.",
                        "Un mot de passe par compte.",
                        "Jamais de date de naissance ni de prénom.",
                    ),
                    quiz(
                        question(
                            "Quels mots de passe sont solides ?",
                            [
                                ("MctM2c!Am-2026", True, "Long, varié, sans mot du dictionnaire."),
                                (
                                    "123456",
                                    False,
                                    "Le plus utilisé au monde : deviné en une seconde.",
                                ),
                                (
                                    "J'aime la mer à Boulogne 62 !",
                                    True,
                                    "Une phrase longue, c'est très solide.",
                                ),
                            ],
                            "Longueur et variété comptent plus que la complexité.",
                            kind="multiple",
                        ),
                    ),
                ],
            },
            {
                "slug": "ameli-impots-franceconnect",
                "title": "Me connecter à Ameli et impots.gouv avec FranceConnect",
                "summary": "Un seul identifiant pour de nombreux sites publics.",
                "objectives": "créer mon compte Ameli\nutiliser FranceConnect",
                "duration": 20,
                "body": lambda: [
                    paragraph(
                        "Pour créer votre compte Ameli, gardez à portée de main votre "
                        "carte Vitale et un relevé d'identité bancaire (RIB)."
                    ),
                    term("franceconnect"),
                    steps(
                        "Me connecter avec FranceConnect",
                        "Allez sur impots.gouv.fr et cliquez sur « Votre espace particulier ».",
                        "Cliquez sur le bouton « S'identifier avec FranceConnect ».",
                        "Choisissez un compte que vous avez déjà, par exemple Ameli.",
                        "Tapez l'identifiant et le mot de passe de ce compte.",
                        "Vous voilà connecté : vérifiez votre nom en haut de la page.",
                    ),
                    callout(
                        "info",
                        "Besoin d'aide ? Les Maisons France Services vous "
                        "accompagnent gratuitement, sur rendez-vous.",
                    ),
                    key_points(
                        "FranceConnect évite de retenir un mot de passe par site.",
                        "Le bouton FranceConnect est toujours bleu, sur un site .gouv.fr.",
                    ),
                    quiz(
                        true_false(
                            "FranceConnect demande de créer un nouveau mot de passe.",
                            False,
                            "Il réutilise un compte que vous avez déjà.",
                        )
                    ),
                ],
            },
        ],
    },
    {
        "slug": "aller-plus-loin",
        "title": "Aller plus loin : déjouer les pièges en ligne",
        "level": 2,
        "summary": "Repérer les arnaques, vérifier une information, comprendre l'intelligence "
        "artificielle et protéger ses données.",
        "objectives": "repérer un SMS ou un e-mail d'hameçonnage\nvérifier une information\n"
        "expliquer ce qu'est une IA générative\nprotéger mes données personnelles",
        "prerequisites": "Savoir utiliser sa messagerie et naviguer sur Internet (niveau 1).",
        "audiences": ["habitants", "seniors", "parents"],
        "themes": ["arnaques", "fausses-informations", "ia", "donnees-personnelles"],
        "competences": ["1.1", "4.1", "4.2", "2.4"],
        "lessons": [
            {
                "slug": "reconnaitre-un-sms-hameconnage",
                "title": "Reconnaître un faux SMS",
                "summary": "Colis en attente, amende, carte Vitale à renouveler : les faux SMS "
                "se ressemblent tous.",
                "objectives": "repérer les signes d'un faux SMS\nsignaler au 33700",
                "duration": 10,
                "body": lambda: [
                    term("hameconnage"),
                    steps(
                        "Face à un SMS suspect",
                        "Ne cliquez pas sur le lien.",
                        "Regardez s'il vous presse (« dernier délai », « votre compte sera "
                        "bloqué ») : c'est un signe d'arnaque.",
                        "Transférez le SMS au 33700, le numéro officiel de signalement.",
                        "Supprimez-le.",
                    ),
                    key_points(
                        "L'administration ne demande jamais votre code de carte par SMS.",
                        "L'urgence est l'arme des escrocs.",
                        "Signalez au 33700.",
                    ),
                    quiz(
                        question(
                            "« Votre colis est bloqué, payez 1,99 € ici ». Que faire ?",
                            [
                                (
                                    "Cliquer pour payer, ce n'est pas cher",
                                    False,
                                    "C'est ainsi qu'on vole les numéros de carte.",
                                ),
                                ("Transférer au 33700 puis supprimer", True, "Parfait."),
                            ],
                            "Les livreurs ne demandent pas de payer par SMS.",
                        )
                    ),
                ],
            },
            {
                "slug": "verifier-une-information",
                "title": "Vérifier une information",
                "summary": "Trois questions à se poser avant de partager.",
                "objectives": "trouver la source d'une information\nrepérer une fausse image",
                "duration": 15,
                "body": lambda: [
                    steps(
                        "Avant de partager",
                        "Qui a publié ? Cherchez le nom du site ou du compte.",
                        "Quand ? Une vieille information peut ressortir des années après.",
                        "D'autres médias connus en parlent-ils ? Tapez le sujet dans un moteur "
                        "de recherche.",
                    ),
                    key_points(
                        "Une information qui fait très peur ou très plaisir mérite une "
                        "vérification.",
                        "Dans le doute, je ne partage pas.",
                    ),
                    quiz(
                        true_false(
                            "Si beaucoup de personnes partagent une information, elle est vraie.",
                            False,
                            "Le nombre de partages ne prouve rien.",
                        )
                    ),
                ],
            },
            {
                "slug": "comprendre-l-ia-generative",
                "title": "Comprendre l'intelligence artificielle générative",
                "summary": "Ce que font ChatGPT et les autres, et leurs limites.",
                "objectives": "expliquer ce qu'est une IA générative\nconnaître ses limites",
                "duration": 15,
                "body": lambda: [
                    term("ia-generative"),
                    paragraph(
                        "Une IA générative écrit des phrases très convaincantes, mais elle "
                        "peut se tromper ou inventer."
                    ),
                    steps(
                        "Utiliser une IA avec prudence",
                        "Posez une question précise.",
                        "Vérifiez les chiffres et les noms ailleurs.",
                        "N'y tapez jamais d'information personnelle ou de mot de passe.",
                    ),
                    key_points(
                        "Une IA peut inventer.", "Jamais de données personnelles dans une IA."
                    ),
                    quiz(
                        true_false(
                            "Une IA générative dit toujours vrai.",
                            False,
                            "Elle peut inventer des faits avec assurance.",
                        )
                    ),
                ],
            },
            {
                "slug": "proteger-mes-donnees",
                "title": "Protéger mes données personnelles",
                "summary": "Ce que je partage en ligne, et comment le limiter.",
                "objectives": "limiter ce que je partage\nrégler la confidentialité d'un compte",
                "duration": 15,
                "body": lambda: [
                    term("donnees-personnelles"),
                    steps(
                        "Faire le point sur mes comptes",
                        "Ouvrez les paramètres de confidentialité de votre réseau social.",
                        "Réservez vos publications à vos amis.",
                        "Retirez votre date de naissance et votre numéro de téléphone du profil.",
                    ),
                    key_points(
                        "Moins je partage, moins on peut m'arnaquer.",
                        "La CNIL aide à faire valoir ses droits.",
                    ),
                    quiz(
                        question(
                            "Quelles informations éviter de publier ?",
                            [
                                (
                                    "Ma date de naissance",
                                    True,
                                    "Elle sert souvent à vérifier l'identité.",
                                ),
                                ("La photo de ma carte d'identité", True, "Jamais en ligne."),
                                ("Une photo de coucher de soleil", False, "Pas de risque ici."),
                            ],
                            "Ce qui sert à prouver votre identité reste privé.",
                            kind="multiple",
                        )
                    ),
                ],
            },
        ],
    },
]


SMS_LESSON_SLUG = "reconnaitre-un-sms-hameconnage"


def load():
    home = get_home()
    for slug, name, definition in GLOSSARY:
        Glossary.objects.get_or_create(
            slug=slug, locale=home.locale, defaults={"term": name, "definition": definition}
        )
    index = get_or_create_page(
        home,
        LearningIndexPage,
        "se-former",
        title="Se former",
        summary="Des parcours courts pour apprendre à son rythme, sans compte à créer.",
        intro="Deux niveaux : « Premiers pas » pour débuter, « Aller plus loin » pour déjouer les "
        "pièges. Votre progression reste dans votre navigateur.",
        show_in_menus=True,
    )
    lesson_count = 0
    for spec in PATHS:
        learning_path = get_or_create_page(
            index,
            LearningPathPage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            level=spec["level"],
            objectives=spec["objectives"],
            prerequisites=spec["prerequisites"],
            competences=spec["competences"],
        )
        if not learning_path.audiences.exists():
            learning_path.audiences.set(terms(Audience, *spec["audiences"]))
            learning_path.themes.set(terms(Theme, *spec["themes"]))
            learning_path.save_revision().publish()
        for lesson in spec["lessons"]:
            get_or_create_page(
                learning_path,
                LessonPage,
                lesson["slug"],
                title=lesson["title"],
                summary=lesson["summary"],
                objectives=lesson["objectives"],
                duration_minutes=lesson["duration"],
                body=lesson["body"](),
            )
            lesson_count += 1
    add_demo_activity(index)
    first_path = LearningPathPage.objects.child_of(index).get(slug="premiers-pas")
    original = LessonPage.objects.child_of(first_path).get(slug="creer-une-adresse-e-mail")
    get_or_create_page(
        first_path,
        LessonPage,
        "creer-une-adresse-e-mail-falc",
        title="Créer mon adresse e-mail (facile à lire)",
        summary="Une adresse e-mail, c'est une boîte aux lettres sur Internet.",
        duration_minutes=10,
        easy_read_of=original,
        body=[
            paragraph("Une adresse e-mail sert à recevoir des messages."),
            steps(
                "Les étapes",
                "J'ouvre le site laposte.net.",
                "Je clique sur « Créer un compte ».",
                "J'écris mon nom et mon prénom.",
                "Je choisis un mot de passe. Je le garde secret.",
            ),
        ],
    )
    hub = StandardPage.objects.child_of(home).filter(slug="habitants").first()
    if hub and not any(block.block_type == "call_to_action" for block in hub.body):
        hub.body.append(
            (
                "call_to_action",
                {
                    "text": "Deux parcours, des leçons courtes et un quiz pour trouver par où "
                    "commencer.",
                    "page": index,
                    "url": "",
                    "label": "Voir les parcours « Se former »",
                },
            )
        )
        hub.save_revision().publish()
    demo_school.load()
    demo_reports.load()
    demo_guides.load()  # explainers and tool guides (lessons/demo_guides.py)
    return f"{len(PATHS)} parcours, {lesson_count} leçons + 1 version FALC, {len(GLOSSARY)} termes"


def add_demo_activity(index):
    """The demo H5P scams quiz, played inside the lesson on fake SMS."""
    from content.demo_h5p import ensure_activity

    lesson = LessonPage.objects.descendant_of(index).filter(slug=SMS_LESSON_SLUG).first()
    if lesson is None or any(block.block_type == "h5p_activity" for block in lesson.body):
        return
    lesson.body.append(
        (
            "h5p_activity",
            {
                "activity": ensure_activity(),
                "introduction": "Entraînez-vous : que faites-vous face à ce SMS d'amende ?",
            },
        )
    )
    lesson.save_revision().publish()
