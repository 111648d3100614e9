"""Blocks specific to school modules: timed session steps for the facilitator, and the pupils'
true-or-false posts and scenario cards (each one a projector slide and a printable handout)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from content.blocks import GlossaryTermBlock, H5PActivityBlock, QuizBlock, RichTextBlock
from content.blocks.base import BaseStructBlock, TextOnlySearchMixin


class SessionStepBlock(BaseStructBlock):
    title = blocks.CharBlock(max_length=120, label=_("titre de l'étape"))
    duration_minutes = blocks.IntegerBlock(min_value=1, max_value=120, label=_("durée (minutes)"))
    does = RichTextBlock(label=_("ce que fait l'animateur"))
    says = blocks.TextBlock(
        required=False,
        label=_("ce qu'il dit"),
        help_text=_("Les phrases à dire, telles quelles, pour lancer l'étape."),
    )
    prompts = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=_("question")),
        required=False,
        default=[],
        label=_("questions pour lancer la discussion"),
    )
    expected = blocks.TextBlock(required=False, label=_("réponses attendues"))
    pitfalls = blocks.TextBlock(
        required=False,
        label=_("pièges à éviter"),
        help_text=_("Ce qui peut mal tourner, et comment réagir."),
    )

    class Meta:
        icon = "time"
        label = _("Étape de la séance")
        template = "lessons/blocks/session_step.html"
        help_text = _(
            "Une étape minutée : ce que fait et dit l'animateur, les questions, les pièges."
        )
        preview_value = {
            "title": "Brise-glace",
            "duration_minutes": 5,
            "does": "<p>Faites lever la main de ceux qui ont un compte sur un réseau social.</p>",
            "says": "Qui a déjà reçu un message d'un inconnu ?",
            "prompts": ["Qu'avez-vous fait ?"],
            "expected": "Bloquer, ne pas répondre, en parler.",
            "pitfalls": "Ne pas demander de noms.",
        }


class SocialPostBlock(TextOnlySearchMixin, BaseStructBlock):
    """A real-looking post to judge: true, false or misleading. The answer hides in a
    disclosure, so it works on a projector, on paper (printed under the post) and without JS."""

    TRUE = "vrai"
    FALSE = "faux"
    MISLEADING = "trompeur"

    author = blocks.CharBlock(max_length=60, label=_("nom affiché"))
    handle = blocks.CharBlock(
        max_length=60,
        required=False,
        label=_("identifiant"),
        help_text=_("Par exemple @infos_du_jour."),
    )
    network = blocks.CharBlock(
        max_length=40,
        required=False,
        label=_("réseau"),
        help_text=_("Par exemple « réseau social »"),
    )
    text = blocks.TextBlock(max_length=600, label=_("texte de la publication"))
    stats = blocks.CharBlock(
        max_length=80,
        required=False,
        label=_("réactions"),
        help_text=_("Par exemple « 12 k partages · 3 400 j'aime »."),
    )
    VERDICTS = [(TRUE, _("Vrai")), (FALSE, _("Faux")), (MISLEADING, _("Trompeur"))]

    verdict = blocks.ChoiceBlock(
        choices=VERDICTS,
        default=FALSE,
        label=_("réponse"),
    )
    explanation = RichTextBlock(label=_("explication et indices"))

    class Meta:
        icon = "comment"
        label = _("Vrai ou faux : une publication")
        template = "lessons/blocks/social_post.html"
        help_text = _(
            "Une publication fictive mais réaliste : les élèves disent si elle est vraie, fausse "
            "ou trompeuse, puis on dévoile la réponse."
        )
        preview_value = {
            "author": "Infos Choc",
            "handle": "@infos_choc",
            "network": "réseau social",
            "text": "URGENT : le collège ferme demain à cause d'une alerte, partagez !",
            "stats": "2 300 partages",
            "verdict": "faux",
            "explanation": "<p>Aucune source officielle, un ton alarmiste.</p>",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["verdict_label"] = dict(self.VERDICTS).get(value.get("verdict"), "")
        return context


class ScenarioCardBlock(BaseStructBlock):
    title = blocks.CharBlock(max_length=120, label=_("titre de la carte"))
    situation = blocks.TextBlock(max_length=800, label=_("la situation"))
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=_("question")),
        min_num=1,
        label=_("questions au groupe"),
    )
    answer = RichTextBlock(
        required=False,
        label=_("pistes de réponse"),
        help_text=_("Dévoilées après la discussion."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Carte scénario")
        template = "lessons/blocks/scenario_card.html"
        help_text = _("Une situation à discuter en petit groupe, avec des questions.")
        preview_value = {
            "title": "La photo de groupe",
            "situation": "Lina découvre qu'une photo d'elle circule avec des moqueries.",
            "questions": ["Que peut faire Lina ?", "Et ceux qui ont reçu la photo ?"],
            "answer": "<p>En parler à un adulte, ne pas partager, signaler, appeler le 3018.</p>",
        }


class SessionPlanBlock(blocks.StreamBlock):
    step = SessionStepBlock()


class PupilActivitiesBlock(blocks.StreamBlock):
    quiz = QuizBlock()
    post = SocialPostBlock()
    scenario = ScenarioCardBlock()
    glossary_term = GlossaryTermBlock()
    h5p_activity = H5PActivityBlock()
