"""Demo explainers (« Comprendre l'IA ») and tool guides for entrepreneurs, drawn from the
Digi-Inclusion action plan (shared/seeds/000): AI information for residents and the CCT2C
entrepreneur breakfasts at the interm@de third place (Canva, visibility on Google, Meta
Business, INPI one-stop shop, securing professional data...).

Prices are marked with the day they were checked; editors re-check them before going live."""

import datetime

from wagtail.models import Page

from content.demo import callout, get_or_create_page, heading, paragraph, rich, terms
from content.models import Audience, Glossary, StandardPage, Theme

from .models import (
    Cost,
    ExplainerIndexPage,
    ExplainerPage,
    GuideIndexPage,
    LessonPage,
    ToolGuidePage,
)

CHECKED = datetime.date(2026, 11, 2)


def term(slug):
    return ("glossary_term", {"term": Glossary.objects.get(slug=slug, locale__language_code="fr")})


def myths(*pairs):
    return (
        "myth_reality",
        {"title": "Idées reçues", "items": [{"myth": m, "reality": rich(r)} for m, r in pairs]},
    )


def faq(*pairs):
    return (
        "faq",
        {
            "title": "Questions fréquentes",
            "questions": [{"question": q, "answer": rich(a)} for q, a in pairs],
        },
    )


def try_it(text, safety):
    return (
        "try_it",
        {"title": "Essayer sans risque", "instructions": rich(text), "safety": safety},
    )


def key_points(*points):
    return ("key_points", {"title": "À retenir", "points": list(points)})


def sources(*items):
    return (
        "sources",
        {
            "title": "Sources",
            "sources": [
                {"title": t, "publisher": p, "url": u, "date": CHECKED} for t, p, u in items
            ],
        },
    )


def checklist(*items):
    return ("checklist", {"title": "Ma liste de vérification", "items": list(items)})


def problems(*pairs):
    return (
        "problems",
        {
            "title": "Problèmes fréquents et solutions",
            "items": [{"problem": p, "fix": rich(f)} for p, f in pairs],
        },
    )


def alternatives(*items):
    return (
        "alternatives",
        {
            "title": "D'autres outils",
            "items": [
                {"name": n, "url": u, "note": note, "free_open": free} for n, u, note, free in items
            ],
        },
    )


def step(name, text, phone_tip=""):
    return (
        "step",
        {"name": name, "text": rich(text), "phone_tip": phone_tip, "screenshot": {}},
    )


CNIL_AI = ("Intelligence artificielle", "CNIL", "https://www.cnil.fr/fr/intelligence-artificielle")
CYBER = (
    "Assistance et prévention du risque numérique",
    "Cybermalveillance.gouv.fr",
    "https://www.cybermalveillance.gouv.fr/",
)

EXPLAINERS = [
    {
        "slug": "qu-est-ce-que-l-ia-generative",
        "title": "Qu'est-ce que l'IA générative ?",
        "summary": "Ce que font ChatGPT, Le Chat ou Gemini, ce qu'ils font bien et où ils se "
        "trompent.",
        "short_answer": "Une IA générative est un programme qui fabrique du texte, des images ou "
        "des voix à partir d'une demande écrite. Elle ne « sait » rien : elle calcule la suite "
        "la plus probable à partir de très nombreux exemples. Elle rend service pour un premier "
        "jet, mais elle peut se tromper avec beaucoup d'assurance.",
        "audiences": ["habitants", "entrepreneurs"],
        "themes": ["ia"],
        "events": ["atelier-intelligence-artificielle-2025"],
        "lessons": ["comprendre-l-ia-generative"],
        "body": lambda: [
            term("ia-generative"),
            heading("Comment ça marche, en deux mots"),
            paragraph(
                "Le programme a été entraîné sur d'énormes quantités de textes et d'images. "
                "Quand vous lui écrivez une demande (on dit un « prompt »), il produit mot après "
                "mot la réponse qui ressemble le plus à ce qu'il a vu.",
                "C'est pour cela qu'il écrit bien, mais qu'il peut inventer un chiffre, une "
                "date ou une loi qui n'existe pas : il n'a pas vérifié, il a seulement complété.",
            ),
            myths(
                (
                    "L'IA comprend ce qu'elle écrit.",
                    "Elle assemble des mots probables. Elle peut écrire une phrase juste sans la "
                    "comprendre, et une phrase fausse sans s'en rendre compte.",
                ),
                (
                    "Si l'IA le dit avec assurance, c'est vrai.",
                    "Le ton est toujours assuré, même quand la réponse est inventée. Vérifiez "
                    "les chiffres, les noms et les dates sur un site officiel.",
                ),
                (
                    "L'IA va remplacer tous les métiers.",
                    "Elle change des tâches (rédiger, résumer, traduire) plus qu'elle ne "
                    "remplace des personnes. Savoir l'utiliser et la vérifier devient utile au "
                    "travail.",
                ),
            ),
            heading("En pratique"),
            paragraph(
                "Une commerçante de Marquise demande : « Écris trois phrases pour présenter ma "
                "boulangerie, qui fait du pain au levain ». Elle obtient un premier jet qu'elle "
                "corrige avec ses mots.",
                "Un habitant colle un courrier administratif et demande : « Explique-moi ce "
                "courrier simplement ». Attention : il enlève d'abord son nom, son adresse et "
                "son numéro de dossier.",
            ),
            heading("Risques et bons réflexes"),
            key_points(
                "Une IA peut inventer : vérifiez ailleurs ce qui compte.",
                "N'y tapez jamais de mot de passe, de numéro de carte ou de sécurité sociale.",
                "Relisez et réécrivez avec vos mots avant de publier.",
                "Dites quand un texte ou une image a été fait avec une IA.",
            ),
            try_it(
                "Ouvrez un assistant (par exemple Le Chat de Mistral, sans créer de compte si "
                "c'est possible) et demandez : « Propose-moi un menu de la semaine avec des "
                "légumes de saison ». Puis demandez : « Quelle est la population de Marquise ? "
                "» et comparez avec le site de l'Insee.",
                "N'écrivez ni votre nom, ni votre adresse, ni rien de personnel.",
            ),
            faq(
                (
                    "Est-ce que c'est payant ?",
                    "La plupart des assistants ont une version gratuite, limitée en nombre de "
                    "demandes. Les versions payantes vont plus vite et acceptent plus de "
                    "documents.",
                ),
                (
                    "Où trouver de l'aide pour essayer ?",
                    "Les conseillers numériques et le tiers-lieu interm@de proposent des ateliers "
                    "sur l'IA : consultez l'agenda.",
                ),
            ),
            sources(
                CNIL_AI,
                (
                    "Le règlement européen sur l'intelligence artificielle",
                    "Commission européenne",
                    "https://digital-strategy.ec.europa.eu/fr/policies/regulatory-framework-ai",
                ),
            ),
        ],
    },
    {
        "slug": "reconnaitre-une-image-ou-un-texte-fait-par-une-ia",
        "title": "Comment savoir si une image ou un texte a été fait par une IA ?",
        "summary": "Des indices à repérer et des vérifications simples, sans outil magique.",
        "short_answer": "Il n'existe pas d'outil fiable à 100 % pour le savoir. Le meilleur "
        "réflexe est de chercher d'où vient l'image ou le texte : qui l'a publié en premier, et "
        "d'autres sources sérieuses en parlent-elles ? Quelques indices visuels aident, mais ils "
        "disparaissent à mesure que les outils progressent.",
        "audiences": ["habitants", "parents", "jeunes"],
        "themes": ["ia", "fausses-informations"],
        "lessons": ["verifier-une-information", "comprendre-l-ia-generative"],
        "body": lambda: [
            heading("Les indices dans une image"),
            paragraph(
                "Regardez les mains, les oreilles, les dents et les bijoux ; les textes écrits "
                "dans l'image (panneaux, étiquettes) qui ne veulent rien dire ; les reflets et "
                "les ombres qui ne vont pas dans le même sens ; une peau trop lisse."
            ),
            heading("Les indices dans un texte"),
            paragraph(
                "Un texte très général, sans source ni date, avec des phrases toutes construites "
                "de la même façon ; des références (livres, lois, études) introuvables quand on "
                "les cherche."
            ),
            myths(
                (
                    "Un détecteur d'IA en ligne donne la réponse.",
                    "Ces détecteurs se trompent souvent, dans les deux sens : ils accusent des "
                    "textes écrits par des personnes et laissent passer des textes d'IA.",
                ),
                (
                    "Une photo ne peut pas mentir.",
                    "Une image réaliste se fabrique aujourd'hui en quelques secondes. Une vraie "
                    "photo peut aussi être sortie de son contexte.",
                ),
            ),
            heading("En pratique : vérifier en trois gestes"),
            (
                "steps",
                {
                    "title": "Vérifier une image qui circule",
                    "steps": [
                        {"text": rich("Cherchez qui l'a publiée en premier, et quand.")},
                        {
                            "text": rich(
                                "Faites une recherche par image : appui long sur l'image dans "
                                "votre navigateur, puis « Rechercher l'image »."
                            )
                        },
                        {
                            "text": rich(
                                "Cherchez si des médias sérieux ou des sites officiels en "
                                "parlent. Sinon, ne la partagez pas."
                            )
                        },
                    ],
                },
            ),
            callout(
                "info",
                "Le règlement européen sur l'IA demande que les images, sons et vidéos "
                "truqués réalistes (« hypertrucages ») soient signalés comme tels. Une mention "
                "« généré par IA » est un indice, son absence ne prouve rien.",
                title="Ce que dit la loi",
            ),
            heading("Risques et bons réflexes"),
            key_points(
                "Avant de partager : d'où vient cette image ?",
                "Aucun détecteur n'est fiable à 100 %.",
                "En cas de doute, on ne partage pas.",
            ),
            try_it(
                "Prenez une photo de paysage connue (le phare de Boulogne-sur-Mer, par exemple) "
                "et faites une recherche par image : vous verrez où elle a déjà été publiée.",
                "N'utilisez pas de photo de personne, ni de photo privée.",
            ),
            (
                "quiz",
                {
                    "title": "Je vérifie ce que j'ai compris",
                    "questions": [
                        {
                            "kind": "true_false",
                            "prompt": "Un détecteur d'IA en ligne dit toujours si un texte a été "
                            "écrit par une IA.",
                            "answers": [
                                {"text": "Vrai", "correct": False, "feedback": ""},
                                {"text": "Faux", "correct": True, "feedback": ""},
                            ],
                            "explanation": rich(
                                "Ces outils se trompent souvent : cherchez plutôt d'où vient "
                                "le contenu."
                            ),
                        }
                    ],
                },
            ),
            sources(
                CNIL_AI,
                (
                    "Fausses informations : comment les repérer",
                    "Clemi",
                    "https://www.clemi.fr/",
                ),
            ),
        ],
    },
    {
        "slug": "l-ia-et-mes-donnees-personnelles",
        "title": "L'IA et mes données personnelles : que dois-je savoir ?",
        "summary": "Ce que deviennent vos questions, et comment protéger vos données et celles "
        "de vos clients.",
        "short_answer": "Ce que vous tapez dans un assistant d'IA est envoyé à l'entreprise qui "
        "le fait fonctionner, et peut servir à l'améliorer. N'y mettez donc rien de personnel, ni "
        "sur vous ni sur vos clients. Le RGPD s'applique : vous pouvez demander l'accès à vos "
        "données et vous opposer à leur utilisation.",
        "audiences": ["habitants", "entrepreneurs"],
        "themes": ["ia", "donnees-personnelles"],
        "lessons": ["proteger-mes-donnees"],
        "body": lambda: [
            term("donnees-personnelles"),
            heading("Où vont mes questions ?"),
            paragraph(
                "Vos messages partent sur les serveurs de l'entreprise qui fournit l'assistant, "
                "souvent hors d'Europe. Ils peuvent être conservés, relus par des personnes pour "
                "contrôler la qualité, et servir à entraîner les prochaines versions, sauf si "
                "vous le refusez dans les réglages."
            ),
            myths(
                (
                    "Ma conversation est privée, comme un brouillon.",
                    "Elle est enregistrée chez le fournisseur. Considérez-la comme un message "
                    "envoyé à une entreprise.",
                ),
                (
                    "Si j'efface la conversation, tout disparaît.",
                    "L'effacement dans l'application ne supprime pas toujours les copies tout de "
                    "suite : lisez la politique de confidentialité.",
                ),
            ),
            heading("En pratique, pour une entreprise"),
            paragraph(
                "Pour rédiger une relance de facture, remplacez le nom du client par « Client "
                "A » et le montant par un montant fictif. Ne collez jamais un fichier clients, "
                "un contrat ou une fiche de paie dans un assistant grand public."
            ),
            heading("Risques et bons réflexes"),
            key_points(
                "Rien de personnel dans un assistant d'IA : ni nom, ni adresse, ni santé.",
                "Désactivez l'utilisation de vos conversations pour l'entraînement.",
                "Les données de vos clients sont sous votre responsabilité (RGPD).",
            ),
            try_it(
                "Ouvrez les réglages de l'assistant que vous utilisez et cherchez la rubrique "
                "« Contrôle des données » ou « Confidentialité ». Repérez l'option qui autorise "
                "l'usage de vos conversations pour améliorer le modèle, et désactivez-la.",
                "Ne testez pas avec un vrai document : utilisez un texte inventé.",
            ),
            faq(
                (
                    "Ai-je le droit de savoir ce qu'une IA a gardé sur moi ?",
                    "Oui. Le RGPD vous donne un droit d'accès, de rectification et "
                    "d'effacement. Écrivez au fournisseur ; sans réponse sous un mois, vous "
                    "pouvez saisir la CNIL.",
                ),
                (
                    "Puis-je utiliser une IA pour répondre à mes clients ?",
                    "Oui, si vous n'y transmettez pas leurs données personnelles et si vous "
                    "relisez les réponses. Prévenez vos clients quand ils échangent avec un "
                    "robot.",
                ),
                (
                    "Où me faire aider ?",
                    "La CNIL publie des fiches pratiques ; Cybermalveillance.gouv.fr aide en "
                    "cas de piratage.",
                ),
            ),
            sources(
                CNIL_AI,
                (
                    "Comprendre mes droits",
                    "CNIL",
                    "https://www.cnil.fr/fr/passer-a-laction/les-droits-pour-maitriser-vos-donnees-personnelles",
                ),
                CYBER,
            ),
        ],
    },
]

GUIDES = [
    {
        "slug": "creer-une-affiche-avec-canva",
        "title": "Créer une affiche pour son commerce avec Canva",
        "summary": "Une affiche ou un visuel pour les réseaux sociaux en partant d'un modèle, "
        "depuis un ordinateur ou un téléphone.",
        "tool_name": "Canva",
        "tool_url": "https://www.canva.com/fr_fr/",
        "purpose": "Créer des affiches, flyers, cartes de visite et visuels pour les réseaux "
        "sociaux à partir de modèles déjà mis en page.",
        "suits": "Commerçants, artisans et associations sans graphiste. Pour un logo "
        "professionnel ou une identité visuelle complète, mieux vaut un graphiste.",
        "cost": Cost.FREEMIUM,
        "cost_details": "La version gratuite suffit pour une affiche ; Canva Pro est payant "
        "(prix affiché sur canva.com). Les associations peuvent demander Canva Pro gratuitement.",
        "duration": 45,
        "prerequisites": "Une adresse e-mail\nLe texte de l'affiche (titre, date, adresse)\n"
        "Une ou deux photos de vos produits, dont vous avez les droits\nVotre logo, si vous en "
        "avez un",
        "audiences": ["entrepreneurs", "communicants"],
        "themes": ["outils-pro", "reseaux-sociaux"],
        "events": ["ateliers-canva-2025"],
        "steps": [
            step(
                "Créer un compte",
                "Allez sur canva.com et choisissez « S'inscrire » avec votre adresse e-mail. "
                "Ouvrez le message reçu et recopiez le code de confirmation.",
                "Installez l'application Canva depuis le magasin d'applications, ou utilisez "
                "le site dans le navigateur.",
            ),
            step(
                "Choisir un modèle",
                "Dans la barre de recherche, tapez « affiche » ou « publication Instagram ». "
                "Choisissez un modèle proche de ce que vous voulez : tout se modifie.",
            ),
            step(
                "Changer les textes",
                "Cliquez sur un texte pour le remplacer par le vôtre. Gardez peu de mots : un "
                "titre, une date, une adresse.",
                "Touchez deux fois le texte pour faire apparaître le clavier.",
            ),
            step(
                "Mettre vos photos",
                "Choisissez « Importer », puis vos photos. Faites glisser une photo sur celle "
                "du modèle pour la remplacer.",
                "« Importer » est dans le menu du bas, icône « + ».",
            ),
            step(
                "Vérifier la lisibilité",
                "Éloignez-vous de l'écran : le titre se lit-il de loin ? Le texte ressort-il "
                "bien sur le fond ? Évitez le texte clair sur une photo claire.",
            ),
            step(
                "Télécharger",
                "Cliquez sur « Partager », puis « Télécharger ». Choisissez « PDF pour "
                "l'impression » pour l'imprimeur, « PNG » pour les réseaux sociaux.",
                "Le bouton « Partager » est en haut à droite (flèche vers le haut).",
            ),
        ],
        "body": lambda: [
            checklist(
                "Le titre se lit à trois mètres.",
                "La date, l'heure et l'adresse sont justes.",
                "J'ai le droit d'utiliser chaque photo.",
                "J'ai gardé une copie PDF et une copie PNG.",
            ),
            problems(
                (
                    "Un élément du modèle porte une couronne.",
                    "Il est réservé à Canva Pro. Remplacez-le par un élément sans couronne, "
                    "sinon le téléchargement sera payant ou marqué.",
                ),
                (
                    "L'affiche imprimée est floue.",
                    "Téléchargez en « PDF pour l'impression » et utilisez des photos d'au moins "
                    "1 500 pixels de large.",
                ),
            ),
            alternatives(
                (
                    "Inkscape",
                    "https://inkscape.org/fr/",
                    "Logiciel libre de dessin, plus complet, à installer sur ordinateur.",
                    True,
                ),
                (
                    "Scribus",
                    "https://www.scribus.net/",
                    "Logiciel libre de mise en page pour les documents à imprimer.",
                    True,
                ),
                (
                    "LibreOffice Draw",
                    "https://fr.libreoffice.org/",
                    "Gratuit, pour une affiche simple sans modèle en ligne.",
                    True,
                ),
            ),
        ],
    },
    {
        "slug": "apparaitre-sur-google-fiche-etablissement",
        "title": "Apparaître sur Google et Google Maps avec sa fiche d'établissement",
        "summary": "Créer ou reprendre la fiche de son commerce pour afficher horaires, "
        "adresse, téléphone et photos.",
        "tool_name": "Fiche d'établissement Google (Google Business Profile)",
        "tool_url": "https://www.google.com/intl/fr_fr/business/",
        "purpose": "Afficher votre commerce dans les résultats de Google et sur Google Maps, "
        "avec vos horaires, votre téléphone, votre site et les avis des clients.",
        "suits": "Tout commerce ou artisan qui reçoit des clients ou se déplace chez eux.",
        "cost": Cost.FREE,
        "cost_details": "Gratuit. Méfiez-vous des démarcheurs qui font payer la création de "
        "la fiche.",
        "duration": 30,
        "prerequisites": "Un compte Google (une adresse Gmail) réservé à l'entreprise si "
        "possible\nL'adresse exacte et le numéro de téléphone de l'entreprise\nVos horaires\n"
        "Trois photos : devanture, intérieur, produits",
        "audiences": ["entrepreneurs"],
        "themes": ["outils-pro"],
        "events": ["petit-dej-visibilite-google-2025"],
        "steps": [
            step(
                "Chercher si la fiche existe",
                "Tapez le nom de votre commerce et votre commune dans Google Maps. Si une fiche "
                "apparaît, choisissez « Vous êtes le propriétaire de cet établissement ? ».",
            ),
            step(
                "Créer ou revendiquer la fiche",
                "Sinon, allez sur google.com/business et choisissez « Gérer maintenant ». "
                "Indiquez le nom exact de l'entreprise et sa catégorie (ex. « Boulangerie »).",
            ),
            step(
                "Donner l'adresse et le téléphone",
                "Indiquez l'adresse où vous recevez les clients. Si vous vous déplacez (artisan "
                "à domicile), indiquez plutôt la zone desservie et masquez l'adresse.",
            ),
            step(
                "Valider la fiche",
                "Google vous demande de prouver que vous êtes bien l'entreprise : par vidéo, par "
                "téléphone ou par courrier selon les cas. Suivez la méthode proposée.",
                "La validation par vidéo se fait directement avec l'appareil photo du téléphone.",
            ),
            step(
                "Compléter horaires et photos",
                "Ajoutez vos horaires (et les horaires exceptionnels des jours fériés), puis "
                "vos photos. Une fiche complète apparaît plus souvent.",
            ),
        ],
        "body": lambda: [
            checklist(
                "Le nom, l'adresse et le téléphone sont identiques partout (site, Facebook).",
                "Les horaires des jours fériés sont indiqués.",
                "J'ai répondu poliment aux avis, même négatifs.",
            ),
            problems(
                (
                    "Quelqu'un d'autre gère déjà la fiche.",
                    "Demandez l'accès depuis la fiche ; sans réponse, Google propose une "
                    "procédure de récupération.",
                ),
                (
                    "Un démarcheur m'appelle pour « référencer » ma fiche.",
                    "Raccrochez : la fiche est gratuite et Google ne démarche pas par téléphone "
                    "pour la faire payer.",
                ),
            ),
            alternatives(
                (
                    "Plans d'Apple (Apple Business Connect)",
                    "https://businessconnect.apple.com/",
                    "La même chose pour les utilisateurs d'iPhone, gratuit.",
                    True,
                ),
                (
                    "OpenStreetMap",
                    "https://www.openstreetmap.org/",
                    "Carte libre et gratuite, utilisée par de nombreuses applications.",
                    True,
                ),
            ),
        ],
    },
    {
        "slug": "guichet-unique-inpi-modifier-son-entreprise",
        "title": "Déclarer une modification de son entreprise sur le guichet unique",
        "summary": "Changement d'adresse, d'activité ou cessation : la démarche en ligne sur "
        "le guichet unique des formalités d'entreprises, géré par l'INPI.",
        "tool_name": "Guichet unique des formalités d'entreprises (INPI)",
        "tool_url": "https://formalites.entreprises.gouv.fr/",
        "purpose": "Toutes les formalités d'entreprise (création, modification, cessation) se "
        "font en ligne sur ce site officiel, quel que soit le statut.",
        "suits": "Micro-entrepreneurs, artisans, commerçants et sociétés. Les chambres de "
        "commerce et de métiers peuvent vous accompagner si la démarche vous bloque.",
        "cost": Cost.FREEMIUM,
        "cost_details": "Le site est gratuit. Certaines formalités ont des frais (greffe, "
        "annonce légale) : ils sont affichés avant le paiement.",
        "duration": 60,
        "prerequisites": "Votre numéro SIREN (9 chiffres)\nUne adresse e-mail que vous "
        "consultez\nLes justificatifs en PDF (justificatif de domicile, pièce d'identité...)\n"
        "Une carte bancaire si la formalité est payante",
        "audiences": ["entrepreneurs"],
        "themes": ["outils-pro", "demarches"],
        "events": ["atelier-inpi-guichet-unique-2025"],
        "steps": [
            step(
                "Aller sur le site officiel",
                "Tapez formalites.entreprises.gouv.fr dans la barre d'adresse. N'utilisez pas "
                "un lien reçu par e-mail ou SMS : des sites payants imitent le guichet unique.",
            ),
            step(
                "Créer son compte",
                "Choisissez « Créer un compte », indiquez votre adresse e-mail et un mot de "
                "passe solide, puis cliquez sur le lien reçu par e-mail pour l'activer.",
            ),
            step(
                "Commencer la formalité",
                "Dans votre espace, choisissez « Nouvelle formalité », puis « Modification », "
                "et indiquez votre numéro SIREN.",
            ),
            step(
                "Remplir le formulaire",
                "Répondez aux questions de chaque rubrique. Vous pouvez enregistrer et revenir "
                "plus tard : le dossier reste en brouillon.",
                "Tournez le téléphone en mode paysage pour les tableaux.",
            ),
            step(
                "Joindre les justificatifs",
                "Ajoutez les pièces demandées en PDF. Vérifiez qu'elles sont lisibles et "
                "complètes (recto et verso).",
                "Une application de numérisation (scanner) transforme une photo en PDF.",
            ),
            step(
                "Signer et envoyer",
                "Vérifiez le récapitulatif, signez électroniquement, payez les frais s'il y en "
                "a, puis envoyez. Suivez l'état du dossier dans « Mes formalités ».",
            ),
        ],
        "body": lambda: [
            callout(
                "warning",
                "Des sites privés font payer des formalités gratuites en imitant le site "
                "officiel. L'adresse officielle se termine par « .gouv.fr ».",
                title="Sites imitateurs",
            ),
            checklist(
                "J'ai reçu un accusé de réception par e-mail.",
                "J'ai téléchargé le récapitulatif de ma formalité.",
                "Je surveille « Mes formalités » jusqu'à la validation.",
            ),
            problems(
                (
                    "Mon dossier est « en attente de régularisation ».",
                    "L'organisme demande une correction : ouvrez le dossier, lisez le message "
                    "et modifiez ou ajoutez la pièce demandée.",
                ),
                (
                    "Je ne retrouve pas mon numéro SIREN.",
                    "Il figure sur vos factures et sur l'annuaire-entreprises.data.gouv.fr.",
                ),
            ),
            alternatives(
                (
                    "Accompagnement de la CCI ou de la CMA",
                    "https://www.cci.fr/",
                    "Les chambres consulaires aident à remplir la formalité (parfois payant).",
                    False,
                ),
            ),
            sources(
                (
                    "Guichet unique des formalités d'entreprises",
                    "INPI",
                    "https://formalites.entreprises.gouv.fr/",
                ),
            ),
        ],
    },
    {
        "slug": "securiser-sa-messagerie-professionnelle",
        "title": "Sécuriser sa messagerie professionnelle avec la double authentification",
        "summary": "Le geste qui bloque la plupart des piratages de compte, en dix minutes.",
        "tool_name": "Messagerie professionnelle (Gmail, Outlook...)",
        "tool_url": "",
        "purpose": "Empêcher un pirate d'entrer dans votre messagerie même s'il a volé votre "
        "mot de passe : un code sur votre téléphone est demandé en plus.",
        "suits": "Toute entreprise, surtout si la messagerie sert à recevoir des commandes, "
        "des factures ou à réinitialiser d'autres comptes.",
        "cost": Cost.FREE,
        "cost_details": "Gratuit : la double authentification est incluse dans les messageries.",
        "duration": 15,
        "prerequisites": "Votre téléphone, chargé\nLe mot de passe actuel de la messagerie\nUn "
        "papier pour noter les codes de secours, à ranger en lieu sûr",
        "audiences": ["entrepreneurs"],
        "themes": ["outils-pro", "mots-de-passe", "arnaques"],
        "events": ["petit-dej-securite-donnees-2025", "petit-dej-entrepreneurs-cybersecurite"],
        "steps": [
            step(
                "Ouvrir les réglages de sécurité",
                "Connectez-vous à votre messagerie et ouvrez les paramètres du compte, "
                "rubrique « Sécurité » (chez Google : « Gérer votre compte Google », puis "
                "« Sécurité »).",
                "Touchez votre photo ou votre initiale en haut à droite pour trouver le compte.",
            ),
            step(
                "Activer la validation en deux étapes",
                "Choisissez « Validation en deux étapes » (ou « Authentification à deux "
                "facteurs ») et suivez l'assistant.",
            ),
            step(
                "Choisir la méthode",
                "Préférez une application d'authentification ou la notification sur le "
                "téléphone. Le code par SMS reste mieux que rien.",
            ),
            step(
                "Noter les codes de secours",
                "Imprimez ou recopiez les codes de secours et rangez-les hors de l'ordinateur : "
                "ils servent si vous perdez votre téléphone.",
            ),
            step(
                "Vérifier les appareils connectés",
                "Dans la même rubrique, regardez la liste des appareils connectés et "
                "déconnectez ceux que vous ne reconnaissez pas.",
            ),
        ],
        "body": lambda: [
            term("double-authentification"),
            checklist(
                "La double authentification est active.",
                "Mes codes de secours sont rangés en lieu sûr.",
                "Le mot de passe de la messagerie n'est utilisé nulle part ailleurs.",
                "Mes fichiers importants sont sauvegardés sur un support débranché.",
            ),
            problems(
                (
                    "J'ai changé de téléphone et je ne reçois plus le code.",
                    "Utilisez un code de secours, puis enregistrez le nouveau téléphone dans "
                    "les réglages de sécurité.",
                ),
                (
                    "Je reçois un code que je n'ai pas demandé.",
                    "Quelqu'un connaît votre mot de passe : ne donnez le code à personne et "
                    "changez le mot de passe tout de suite.",
                ),
            ),
            alternatives(
                (
                    "Un gestionnaire de mots de passe libre (KeePassXC)",
                    "https://keepassxc.org/",
                    "Pour avoir un mot de passe différent par compte sans les retenir.",
                    True,
                ),
            ),
            sources(CYBER),
        ],
    },
    {
        "slug": "page-facebook-et-instagram-avec-meta-business-suite",
        "title": "Gérer la page Facebook et le compte Instagram de son commerce avec Meta "
        "Business Suite",
        "summary": "Relier Facebook et Instagram, programmer ses publications et répondre aux "
        "messages depuis un seul endroit.",
        "tool_name": "Meta Business Suite",
        "tool_url": "https://business.facebook.com/",
        "purpose": "Publier sur Facebook et Instagram en même temps, programmer les "
        "publications à l'avance et répondre aux messages des clients au même endroit.",
        "suits": "Les commerces qui publient déjà, ou veulent publier, une à trois fois par "
        "semaine. Inutile si vous n'avez pas le temps de faire vivre les comptes.",
        "cost": Cost.FREE,
        "cost_details": "Gratuit ; seules les publicités (« booster une publication ») sont "
        "payantes.",
        "duration": 40,
        "prerequisites": "Un compte Facebook personnel (il reste invisible des clients)\nLe "
        "logo et une photo de couverture\nUn compte Instagram professionnel, si vous en avez "
        "un, avec son mot de passe",
        "audiences": ["entrepreneurs", "communicants"],
        "themes": ["outils-pro", "reseaux-sociaux"],
        "events": ["atelier-meta-business-2025"],
        "steps": [
            step(
                "Créer la page Facebook",
                "Depuis Facebook, menu « Pages », puis « Créer une page ». Indiquez le nom du "
                "commerce, sa catégorie et une courte présentation.",
            ),
            step(
                "Ouvrir Meta Business Suite",
                "Allez sur business.facebook.com : votre page apparaît en haut à gauche.",
                "Installez l'application « Meta Business Suite ».",
            ),
            step(
                "Relier Instagram",
                "Dans « Paramètres », puis « Comptes Instagram », choisissez « Connecter » et "
                "connectez-vous au compte Instagram du commerce.",
            ),
            step(
                "Programmer une publication",
                "Choisissez « Créer une publication », cochez Facebook et Instagram, ajoutez un "
                "texte et une photo, puis « Programmer » pour choisir le jour et l'heure.",
            ),
            step(
                "Ajouter un deuxième administrateur",
                "Dans « Paramètres », puis « Personnes », ajoutez une personne de confiance : "
                "si vous perdez l'accès à votre compte, la page n'est pas perdue.",
            ),
        ],
        "body": lambda: [
            checklist(
                "La page affiche horaires, adresse et téléphone.",
                "Instagram et Facebook sont reliés.",
                "Deux personnes administrent la page.",
                "La double authentification est activée sur mon compte Facebook.",
            ),
            problems(
                (
                    "Je reçois un message « votre page va être supprimée ».",
                    "C'est une arnaque courante : ne cliquez pas. Meta ne prévient pas par "
                    "message privé ; vérifiez dans « Qualité du compte ».",
                ),
                (
                    "Mon compte Instagram n'apparaît pas.",
                    "Passez-le en compte professionnel dans les réglages d'Instagram, puis "
                    "recommencez la liaison.",
                ),
            ),
            alternatives(
                (
                    "Publier directement depuis chaque application",
                    "",
                    "Plus simple si vous publiez rarement.",
                    True,
                ),
                (
                    "Mastodon",
                    "https://joinmastodon.org/fr",
                    "Réseau social libre et décentralisé, sans publicité.",
                    True,
                ),
            ),
        ],
    },
]


def link_related(page, lessons=(), events=()):
    """Related lessons, and the entrepreneur workshops once the agenda has them (the campaigns
    demo runs after this one, so a second `load_demo` adds the event link)."""
    related = [(child.block_type, child.value) for child in page.related if child.value]
    wanted = [("lesson", p) for p in LessonPage.objects.filter(slug__in=lessons).live()]
    for event_page in Page.objects.filter(slug__in=events, content_type__model="eventpage"):
        wanted.append(("event", event_page))
    known = {(kind, p.pk) for kind, p in related}
    missing = [(kind, p) for kind, p in wanted if (kind, p.pk) not in known]
    if not missing:
        return
    page.related = related + missing
    page.save_revision().publish()


def load():
    from content.demo import get_home

    home = get_home()
    explainer_index = get_or_create_page(
        home,
        ExplainerIndexPage,
        "comprendre-l-ia",
        title="Comprendre l'IA",
        summary="Des réponses courtes et vérifiées aux questions sur l'intelligence artificielle.",
        intro="Chaque explication commence par la réponse courte, puis le détail, les idées "
        "reçues et un essai sans risque. La date de vérification est indiquée.",
        show_in_menus=True,
    )
    guide_index = get_or_create_page(
        home,
        GuideIndexPage,
        "guides-pratiques",
        title="Guides pratiques pour les professionnels",
        summary="Les outils des petits déjeuners entrepreneurs, pas à pas.",
        intro="Les outils présentés aux petits déjeuners et ateliers entrepreneurs de la Terre "
        "des Deux Caps, expliqués étape par étape, faisables sur un téléphone.",
        show_in_menus=True,
    )
    for spec in EXPLAINERS:
        page = get_or_create_page(
            explainer_index,
            ExplainerPage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            short_answer=spec["short_answer"],
            checked_at=CHECKED,
            body=spec["body"](),
        )
        if not page.themes.exists():
            page.audiences.set(terms(Audience, *spec["audiences"]))
            page.themes.set(terms(Theme, *spec["themes"]))
            page.save_revision().publish()
        link_related(page, lessons=spec["lessons"], events=spec.get("events", ()))
    for spec in GUIDES:
        page = get_or_create_page(
            guide_index,
            ToolGuidePage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            tool_name=spec["tool_name"],
            tool_url=spec["tool_url"],
            purpose=spec["purpose"],
            suits=spec["suits"],
            cost=spec["cost"],
            cost_details=spec["cost_details"],
            price_checked_at=CHECKED,
            duration_minutes=spec["duration"],
            prerequisites=spec["prerequisites"],
            steps=spec["steps"],
            body=spec["body"](),
        )
        if not page.themes.exists():
            page.audiences.set(terms(Audience, *spec["audiences"]))
            page.themes.set(terms(Theme, *spec["themes"]))
            page.save_revision().publish()
        link_related(page, events=spec.get("events", ()))
    hub = StandardPage.objects.child_of(home).filter(slug="entrepreneurs").first()
    if hub and not any(block.block_type == "call_to_action" for block in hub.body):
        hub.body.append(
            (
                "call_to_action",
                {
                    "text": "Les outils des ateliers, expliqués étape par étape et faisables "
                    "sur un téléphone.",
                    "page": guide_index,
                    "url": "",
                    "label": "Voir les guides pratiques",
                },
            )
        )
        hub.save_revision().publish()
    return (
        f"{ExplainerPage.objects.child_of(explainer_index).count()} explainers, "
        f"{ToolGuidePage.objects.child_of(guide_index).count()} tool guides"
    )
