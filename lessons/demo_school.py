"""Demo school modules drawn from the Bellidée social centre's interventions in collèges and
lycées (shared/seeds/000): cyber-malice with the 6e, cyberbullying from the 4e, social networks
« jeunes et parents » with the 5e (with its parents' version), fake news at the lycée."""

from content.blocks import HELP_SERVICES
from content.demo import get_home, get_or_create_page, heading, paragraph, rich, terms
from content.models import Audience, Theme

from .models import ParentsVersionPage, SchoolIndexPage, SchoolModulePage

INDEX_SLUG = "interventions-scolaires"
ALL_HELP = [
    (
        "help_numbers",
        {"title": "Besoin d'aide ? Les numéros utiles", "services": list(HELP_SERVICES)},
    )
]

SAFEGUARDING = rich(
    "<b>Écouter sans juger</b>, à l'écart du groupe, et remercier l'élève d'en avoir parlé.",
    "<b>Ne pas promettre le secret</b> : expliquer que vous allez en parler à des adultes qui "
    "peuvent l'aider (CPE, infirmière, chef d'établissement).",
    "<b>Ne pas enquêter ni confronter</b> les élèves mis en cause pendant la séance.",
    "<b>Prévenir le jour même</b> le référent harcèlement de l'établissement ; en cas de danger, "
    "le 17 ou le 119.",
    "<b>Donner les numéros</b> : 3018 (gratuit, anonyme, aussi par l'application 3018).",
)


def step(title, minutes, does, says="", prompts=(), expected="", pitfalls=""):
    return (
        "step",
        {
            "title": title,
            "duration_minutes": minutes,
            "does": rich(does),
            "says": says,
            "prompts": list(prompts),
            "expected": expected,
            "pitfalls": pitfalls,
        },
    )


def post(author, handle, text, stats, verdict, explanation):
    return (
        "post",
        {
            "author": author,
            "handle": handle,
            "network": "réseau social",
            "text": text,
            "stats": stats,
            "verdict": verdict,
            "explanation": rich(explanation),
        },
    )


def scenario(title, situation, questions, answer):
    return (
        "scenario",
        {"title": title, "situation": situation, "questions": questions, "answer": rich(answer)},
    )


def quiz(title, *questions):
    return (
        "quiz",
        {
            "title": title,
            "questions": [
                {
                    "kind": "single",
                    "prompt": prompt,
                    "answers": [{"text": t, "correct": c, "feedback": ""} for t, c in answers],
                    "explanation": rich(explanation),
                }
                for prompt, answers, explanation in questions
            ],
        },
    )


MODULES = [
    {
        "slug": "dangers-d-internet-6e",
        "themes": ["arnaques", "mots-de-passe"],
        "title": "Les dangers d'Internet et la cybermalveillance en 6e",
        "summary": "Mots de passe, faux messages, inconnus en ligne : une séance pour entrer au "
        "collège avec les bons réflexes.",
        "topic": "cybersecurite",
        "class_levels": ["6e", "5e"],
        "duration": 55,
        "group_size": "Une classe (25 à 30 élèves), avec le professeur",
        "objectives": "reconnaître un message d'hameçonnage\nchoisir un mot de passe solide et "
        "ne pas le prêter\nsavoir à qui en parler en cas de problème",
        "materials": "Vidéoprojecteur et ordinateur (mode classe)\nLes fiches élèves imprimées "
        "(une par binôme)\nUn tableau pour noter les idées",
        "prerequisites": "Aucun. Demander au professeur si la classe a déjà travaillé sur les "
        "réseaux sociaux.",
        "plan": [
            step(
                "Brise-glace : nos écrans",
                5,
                "Faites lever la main : qui a un téléphone ? un jeu en ligne ? un compte sur un "
                "réseau social ?",
                "Aujourd'hui, on ne va pas vous faire peur : on va apprendre à repérer les pièges.",
                ["Qu'est-ce que vous faites le plus sur Internet ?"],
                "Jeux, vidéos, messages avec les copains.",
                "Ne jugez pas les usages (même avant l'âge légal) : sinon les élèves se taisent.",
            ),
            step(
                "Le quiz des pièges",
                15,
                "Projetez le quiz en mode classe ; les élèves votent à main levée puis on dévoile.",
                prompts=["Pourquoi ce message est-il suspect ?"],
                expected="Urgence, récompense trop belle, demande de code ou de mot de passe.",
            ),
            step(
                "Carte scénario en binômes",
                20,
                "Distribuez la fiche « Le compte piraté » ; chaque binôme répond aux questions.",
                "Vous avez dix minutes, ensuite chaque binôme donne une idée.",
                ["Que doit faire Yanis en premier ?", "À qui peut-il en parler ?"],
                "Changer son mot de passe, prévenir un adulte, signaler le compte.",
                "Un élève raconte un piratage vécu : écoutez, puis rappelez qu'on peut en parler "
                "après la séance.",
            ),
            step(
                "À retenir et numéros utiles",
                15,
                "Faites formuler trois règles par la classe ; affichez les numéros d'aide.",
                prompts=["Quelle règle allez-vous appliquer dès ce soir ?"],
                expected="Un mot de passe par compte, ne jamais donner un code reçu par SMS, en "
                "parler à un adulte.",
            ),
        ],
        "activities": [
            quiz(
                "Le quiz des pièges",
                (
                    "Un message dit : « Tu as gagné 1 000 V-bucks, clique vite ! » Que fais-tu ?",
                    [
                        ("Je clique pour voir", False),
                        ("Je supprime et je n'ouvre pas le lien", True),
                    ],
                    "Les cadeaux trop beaux et l'urgence sont les deux signes d'un piège.",
                ),
                (
                    "Un copain te demande ton mot de passe pour t'aider dans le jeu.",
                    [("Je le donne, c'est un ami", False), ("Je ne le donne à personne", True)],
                    "Un mot de passe est comme une brosse à dents : on ne le prête pas.",
                ),
            ),
            post(
                "Jeux Gratuits Officiel",
                "@jeux_gratuits_off1ciel",
                "CADEAU : les 500 premiers à donner leur identifiant et leur mot de passe "
                "reçoivent un skin rare ! Offre valable 1 heure seulement.",
                "8 400 partages",
                "faux",
                "Un « 1 » à la place du « i » dans le nom, l'urgence, et surtout la demande de "
                "mot de passe : aucun vrai éditeur de jeu ne la fait.",
            ),
            scenario(
                "Le compte piraté",
                "Yanis ne peut plus se connecter à son jeu. Ses amis reçoivent des messages "
                "bizarres envoyés depuis son compte.",
                ["Que doit faire Yanis en premier ?", "À qui peut-il en parler ?"],
                "Prévenir un adulte, changer le mot de passe depuis le site officiel, prévenir "
                "ses amis, demander de l'aide sur cybermalveillance.gouv.fr.",
            ),
        ],
    },
    {
        "slug": "reseaux-sociaux-jeunes-et-parents-5e",
        "themes": ["reseaux-sociaux", "donnees-personnelles"],
        "title": "Réseaux sociaux « jeunes et parents » en 5e",
        "summary": "Âge légal, vie privée, temps d'écran : une séance pour les élèves de 5e, "
        "prolongée par une soirée avec les parents.",
        "topic": "reseaux-sociaux",
        "class_levels": ["5e"],
        "duration": 55,
        "group_size": "Une classe, puis un groupe de parents en soirée",
        "objectives": "régler la confidentialité d'un compte\nsavoir ce qu'on peut publier ou "
        "non\nen parler en famille",
        "materials": "Vidéoprojecteur\nFiches « Vrai ou faux » imprimées\nInvitation pour la "
        "soirée parents",
        "prerequisites": "Prévenir les familles de la soirée « jeunes et parents » au moins deux "
        "semaines avant.",
        "plan": [
            step(
                "Qui est sur quoi ?",
                10,
                "Listez au tableau les réseaux cités par les élèves et l'âge minimum de chacun.",
                "La plupart des réseaux demandent d'avoir 13 ans, et en France il faut l'accord "
                "des parents avant 15 ans.",
                ["Quel réseau utilisez-vous le plus ?"],
            ),
            step(
                "Vrai ou faux sur le fil d'actualité",
                20,
                "Projetez les publications une par une ; vote à main levée, puis dévoilez.",
                prompts=["Qu'est-ce qui vous a mis la puce à l'oreille ?"],
                pitfalls="Une publication peut viser un élève de la classe : coupez court et "
                "reprenez en privé.",
            ),
            step(
                "Carte scénario : la photo de groupe",
                15,
                "Lecture de la carte, discussion par petits groupes, mise en commun.",
                expected="Demander avant de publier, retirer la photo, ne pas partager.",
            ),
            step(
                "Préparer la soirée avec les parents",
                10,
                "Chaque élève note une question qu'il aimerait poser à ses parents.",
            ),
        ],
        "activities": [
            post(
                "Collège Info",
                "@college_info_62",
                "Les comptes privés sont vraiment privés : personne d'autre que vos abonnés ne "
                "peut voir vos photos, jamais.",
                "1 200 j'aime",
                "trompeur",
                "Un abonné peut faire une capture d'écran et la partager : privé ne veut pas dire "
                "secret.",
            ),
            scenario(
                "La photo de groupe",
                "Après la sortie scolaire, Emma publie une photo de groupe. Sur la photo, Léo "
                "a les yeux fermés ; les commentaires se moquent de lui.",
                ["Que ressent Léo ?", "Que peut faire Emma ?", "Et ceux qui lisent ?"],
                "Emma retire la photo ; on demande toujours avant de publier quelqu'un ; on ne "
                "like pas une moquerie et on la signale.",
            ),
        ],
        "parents": {
            "slug": "version-parents",
            "title": "Réseaux sociaux : la soirée « jeunes et parents »",
            "summary": "Une soirée d'une heure dans une maison de quartier pour parler réseaux "
            "sociaux en famille, sans jugement.",
            "body": [
                paragraph(
                    "En 2025, 25 parents sont venus aux ateliers du centre social Bellidée. "
                    "Cette version sert aux soirées dans les collèges et les maisons de quartier."
                ),
                heading("Le déroulé de la soirée"),
                (
                    "steps",
                    {
                        "title": "Une heure en famille",
                        "steps": [
                            {"text": "<p>Accueil : chaque jeune présente son réseau préféré.</p>"},
                            {"text": "<p>Ensemble, régler la confidentialité d'un compte.</p>"},
                            {"text": "<p>Les questions préparées en classe par les élèves.</p>"},
                            {"text": "<p>Signer une charte familiale des écrans.</p>"},
                        ],
                    },
                ),
                (
                    "key_points",
                    {
                        "title": "À retenir",
                        "points": [
                            "Avant 15 ans, l'inscription sur un réseau social demande l'accord "
                            "des parents.",
                            "Parler de ce qu'on voit en ligne vaut mieux qu'interdire.",
                            "En cas de cyberharcèlement : le 3018, gratuit et anonyme.",
                        ],
                    },
                ),
                *ALL_HELP,
            ],
        },
    },
    {
        "slug": "cyberharcelement-4e",
        "themes": ["cyberharcelement"],
        "title": "Le cyberharcèlement, à partir de la 4e",
        "summary": "Comprendre le cyberharcèlement, le rôle des témoins et savoir demander de "
        "l'aide ; pour la journée nationale contre le harcèlement.",
        "topic": "cyberharcelement",
        "class_levels": ["4e", "3e"],
        "duration": 55,
        "group_size": "Une classe ou un demi-groupe",
        "objectives": "reconnaître une situation de cyberharcèlement\nagir en témoin\nconnaître "
        "le 3018",
        "materials": "Vidéoprojecteur\nCartes scénario imprimées (une par groupe de quatre)",
        "prerequisites": "Prévenir le CPE et l'infirmière de la date de la séance : des élèves "
        "peuvent venir les voir après.",
        "plan": [
            step(
                "Définir ensemble",
                10,
                "Notez au tableau les mots des élèves, puis la définition : des propos ou "
                "comportements répétés, en ligne, qui dégradent la vie de la victime.",
                "Le harcèlement est un délit, y compris entre élèves et en ligne.",
                ["Quelle différence entre une blague et du harcèlement ?"],
                "La répétition, le groupe, la souffrance de la victime.",
            ),
            step(
                "Cartes scénario par groupes",
                25,
                "Chaque groupe reçoit une carte ; dix minutes de discussion, puis mise en commun.",
                prompts=["Qui sont les témoins ?", "Que peuvent-ils faire ?"],
                expected="Ne pas relayer, soutenir la victime, signaler, prévenir un adulte.",
                pitfalls="Ne jamais faire jouer le rôle de la victime à un élève.",
            ),
            step(
                "Le quiz du témoin",
                10,
                "Quiz projeté en mode classe, réponses à main levée.",
            ),
            step(
                "Où trouver de l'aide",
                10,
                "Présentez le 3018 et son application ; rappelez les adultes de l'établissement.",
                "Si vous ou un ami êtes concernés, vous pouvez venir me voir à la fin.",
            ),
        ],
        "activities": [
            scenario(
                "Le groupe de classe",
                "Dans le groupe de messagerie de la classe, des élèves se moquent tous les "
                "soirs de Sarah, qui n'est pas dans le groupe. Tu es dans le groupe.",
                ["Est-ce du harcèlement ?", "Que peux-tu faire, seul ou à plusieurs ?"],
                "Oui : c'est répété et à plusieurs. Ne pas relayer, dire que ce n'est pas drôle, "
                "faire des captures d'écran, prévenir un adulte, appeler le 3018.",
            ),
            quiz(
                "Le quiz du témoin",
                (
                    "Une vidéo humiliante d'un élève circule. Que fais-tu ?",
                    [("Je la transfère", False), ("Je ne la partage pas et je la signale", True)],
                    "Partager, c'est participer au harcèlement.",
                ),
                (
                    "Le 3018, c'est :",
                    [
                        (
                            "Le numéro pour les victimes de cyberharcèlement, gratuit et anonyme",
                            True,
                        ),
                        ("Un numéro payant", False),
                    ],
                    "Le 3018 peut aussi faire supprimer des contenus auprès des réseaux sociaux.",
                ),
            ),
        ],
    },
    {
        "slug": "fake-news-lycee",
        "themes": ["fausses-informations", "ia"],
        "title": "Vrai ou faux ? S'informer à l'heure des fake news au lycée",
        "summary": "Vérifier une information, repérer une image détournée ou générée par IA : "
        "une séance d'éducation aux médias pour les 2nde.",
        "topic": "emi",
        "class_levels": ["2nde", "1re", "terminale"],
        "duration": 55,
        "group_size": "Une classe, en îlots de quatre",
        "objectives": "vérifier la source d'une information\nrepérer une image détournée\n"
        "réfléchir avant de partager",
        "materials": "Vidéoprojecteur\nFiches « Vrai ou faux » imprimées\nUn téléphone par "
        "îlot (facultatif)",
        "prerequisites": "Aucun. Séance proposée lors du forum « Bien vivre au lycée ».",
        "plan": [
            step(
                "Où vous informez-vous ?",
                10,
                "Sondage à main levée : réseaux sociaux, télévision, sites d'information.",
                prompts=["Avez-vous déjà partagé une information fausse ?"],
            ),
            step(
                "Vrai ou faux : le fil d'actualité",
                25,
                "Projetez chaque publication ; les îlots votent puis justifient.",
                expected="Source inconnue, absence de date, émotion forte, image sortie de son "
                "contexte.",
                pitfalls="Éviter les sujets politiques locaux brûlants : prendre des exemples "
                "neutres.",
            ),
            step(
                "La méthode en trois questions",
                20,
                "Qui parle ? D'où vient l'image ? Qu'en disent d'autres sources ?",
                "Avant de partager, posez-vous ces trois questions.",
            ),
        ],
        "activities": [
            post(
                "Actu Express",
                "@actu_express_fr",
                "INCROYABLE : un requin photographié dans le port de Boulogne-sur-Mer ce matin ! "
                "Partagez avant que la vidéo soit supprimée !!",
                "23 k partages",
                "faux",
                "La photo circule depuis des années après chaque tempête ; aucun média local "
                "n'en parle ; l'appel à partager vite est un signal d'alerte.",
            ),
            post(
                "Nausicaá",
                "@nausicaa",
                "Le Centre national de la mer à Boulogne-sur-Mer accueille des requins dans son "
                "grand bassin.",
                "450 j'aime",
                "vrai",
                "Information vérifiable sur le site officiel de Nausicaá, compte officiel.",
            ),
            scenario(
                "L'image trop parfaite",
                "Une image d'une personnalité en train de faire un geste choquant circule. Les "
                "mains ont six doigts et le texte du décor est illisible.",
                ["Qu'est-ce qui vous fait douter ?", "Comment vérifier ?"],
                "Détails incohérents typiques d'une image générée par IA ; recherche d'image "
                "inversée ; consulter des médias fiables.",
            ),
        ],
    },
]


def load():
    home = get_home()
    index = get_or_create_page(
        home,
        SchoolIndexPage,
        INDEX_SLUG,
        title="Interventions en milieu scolaire",
        summary="Des kits prêts à l'emploi pour animer une séance sur les risques du numérique "
        "au collège et au lycée.",
        intro="Chaque module se prépare en dix minutes : objectifs, déroulé minuté, activités à "
        "projeter en mode classe ou à imprimer, et la conduite à tenir si un élève se confie.",
        show_in_menus=True,
    )
    for spec in MODULES:
        module = get_or_create_page(
            index,
            SchoolModulePage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            topic=spec["topic"],
            class_levels=spec["class_levels"],
            duration_minutes=spec["duration"],
            group_size=spec["group_size"],
            objectives=spec["objectives"],
            materials=spec["materials"],
            prerequisites=spec["prerequisites"],
            session_plan=spec["plan"],
            safeguarding=SAFEGUARDING,
            help_numbers=ALL_HELP,
            activities=spec["activities"],
        )
        if not module.audiences.exists():
            audiences = ["enseignants", "jeunes"] + (["parents"] if spec.get("parents") else [])
            module.audiences.set(terms(Audience, *audiences))
            module.themes.set(terms(Theme, *spec["themes"]))
            module.save_revision().publish()
        parents = spec.get("parents")
        if parents:
            get_or_create_page(
                module,
                ParentsVersionPage,
                parents["slug"],
                title=parents["title"],
                summary=parents["summary"],
                body=parents["body"],
            )
    return f"{len(MODULES)} modules d'intervention scolaire"
