"""Learning blocks shared by lessons, school modules and tool guides: numbered steps, key
points ("À retenir"), practice quizzes and glossary terms."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .base import BaseStructBlock, TextOnlySearchMixin
from .media import ImageBlock
from .text import RichTextBlock


class OptionalImageBlock(ImageBlock):
    """ImageBlock whose image may be left empty; when set, the alternative text rules apply."""

    image = ImageChooserBlock(required=False, label=_("capture d'écran"))

    class Meta:
        icon = "image"
        label = _("Capture d'écran (facultative)")
        # WebP at the two widths a step shows (content/pictures.py).
        template = "content/blocks/screenshot.html"

    def clean(self, value):
        if not value.get("image"):
            return blocks.StructBlock.clean(self, value)
        return super().clean(value)


class StepBlock(BaseStructBlock):
    text = RichTextBlock(label=_("ce qu'il faut faire"))
    screenshot = OptionalImageBlock(required=False)

    class Meta:
        icon = "list-ol"
        label = _("Étape")


class StepsBlock(BaseStructBlock):
    title = blocks.CharBlock(
        required=False,
        max_length=160,
        label=_("titre (facultatif)"),
        help_text=_("Par exemple « Créer mon adresse en 5 étapes »."),
    )
    steps = blocks.ListBlock(StepBlock(), min_num=1, label=_("étapes"))

    class Meta:
        icon = "list-ol"
        label = _("Étapes numérotées")
        template = "content/blocks/steps.html"
        help_text = _("Une action par étape, avec une capture d'écran si elle aide.")
        description = _("Des instructions pas à pas, numérotées, avec captures d'écran.")
        preview_value = {
            "title": "Ouvrir sa messagerie",
            "steps": [
                {"text": "<p>Ouvrez votre navigateur.</p>"},
                {"text": "<p>Tapez l'adresse de votre messagerie.</p>"},
            ],
        }


class KeyPointsBlock(BaseStructBlock):
    title = blocks.CharBlock(default="À retenir", max_length=80, label=_("titre"))
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=_("point")), min_num=1, label=_("points clés")
    )

    class Meta:
        icon = "pick"
        label = _("À retenir")
        template = "content/blocks/key_points.html"
        help_text = _("Trois à cinq phrases courtes que la personne doit retenir.")
        description = _("Le résumé de ce qu'il faut retenir.")
        preview_value = {
            "title": "À retenir",
            "points": ["Un mot de passe par compte.", "Jamais de code par SMS à un inconnu."],
        }


class AnswerBlock(BaseStructBlock):
    text = blocks.CharBlock(max_length=200, label=_("réponse"))
    correct = blocks.BooleanBlock(required=False, label=_("bonne réponse"))
    feedback = blocks.CharBlock(
        required=False,
        max_length=300,
        label=_("commentaire"),
        help_text=_("Affiché quand la personne choisit cette réponse."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Réponse")


class QuestionBlock(TextOnlySearchMixin, BaseStructBlock):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"

    kind = blocks.ChoiceBlock(
        choices=[
            (SINGLE, _("Une seule bonne réponse")),
            (MULTIPLE, _("Plusieurs bonnes réponses possibles")),
            (TRUE_FALSE, _("Vrai ou faux")),
        ],
        default=SINGLE,
        label=_("type de question"),
    )
    prompt = blocks.CharBlock(max_length=300, label=_("question"))
    answers = blocks.ListBlock(
        AnswerBlock(),
        min_num=2,
        label=_("réponses"),
        help_text=_("Pour « Vrai ou faux », deux réponses : « Vrai » et « Faux »."),
    )
    explanation = RichTextBlock(
        required=False,
        label=_("explication"),
        help_text=_("Affichée après la réponse, qu'elle soit juste ou non."),
    )

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = [answer for answer in value["answers"] if answer["correct"]]
        if not correct:
            message = _("Cochez au moins une bonne réponse.")
        elif value["kind"] != self.MULTIPLE and len(correct) > 1:
            message = _(
                "Une seule bonne réponse pour ce type de question : choisissez "
                "« Plusieurs bonnes réponses possibles » ou décochez les autres."
            )
        elif value["kind"] == self.TRUE_FALSE and len(value["answers"]) != 2:
            message = _("Une question « Vrai ou faux » a exactement deux réponses.")
        else:
            return value
        raise blocks.StructBlockValidationError(block_errors={"answers": ValidationError(message)})


class QuizBlock(BaseStructBlock):
    """A practice quiz. Checked on the server when sent without JavaScript (nothing is stored),
    in the browser with JavaScript. The page rendering it passes `block_id` and, after a
    submission, `quiz_results` ({block id: QuizResult}) in the template context."""

    title = blocks.CharBlock(default="Je vérifie ce que j'ai compris", max_length=160)
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("questions"))

    class Meta:
        icon = "tasks"
        label = _("Quiz d'entraînement")
        template = "content/blocks/quiz.html"
        help_text = _(
            "Quelques questions pour s'entraîner : rien n'est noté ni enregistré sur le serveur."
        )
        description = _("Questions à choix unique, multiple ou vrai/faux, avec explications.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        block_id = parent_context.get("block_id") or "quiz"
        request = parent_context.get("request")
        results = parent_context.get("quiz_results") or getattr(request, "quiz_results", None)
        result = (results or {}).get(block_id)
        context["block_id"] = block_id
        context["dom_id"] = dom_id = quiz_dom_id(block_id)
        context["result"] = result
        context["questions"] = questions = build_questions(value, dom_id, result)
        # Every question has its item in the summary: quiz.js shows those left unanswered.
        context["missing_answers"] = [
            {
                "href": "#" + question["answers"][0]["id"],
                "text": _("Choisissez une réponse à la question %(number)s")
                % {"number": question["number"]},
                "hidden": not question["error"],
            }
            for question in questions
        ]
        context["summary_hidden"] = not result or result.is_complete
        page = parent_context.get("page")
        context["page_id"] = getattr(page, "pk", None)
        return context


class GlossaryTermBlock(BaseStructBlock):
    term = SnippetChooserBlock("content.Glossary", label=_("terme du glossaire"))

    class Meta:
        icon = "openquote"
        label = _("Terme du glossaire")
        template = "content/blocks/glossary_term.html"
        help_text = _("Le terme et sa définition, dépliable sur place.")
        description = _("Un mot difficile expliqué avec la définition du glossaire.")


# Quiz checking -----------------------------------------------------------------------------


class QuizResult:
    """What one submission of a quiz gave: per question the chosen answers and whether they are
    right. Built from form data; nothing is kept after the response."""

    def __init__(self, questions):
        self.questions = questions  # list of dicts: chosen (set of int), answered, correct

    @property
    def score(self):
        return sum(1 for question in self.questions if question["correct"])

    @property
    def max(self):
        return len(self.questions)

    @property
    def unanswered(self):
        return [index for index, q in enumerate(self.questions) if not q["answered"]]

    @property
    def is_complete(self):
        return not self.unanswered


def field_name(index):
    return f"q{index}"


def check_quiz(value, data):
    """Check a submission (a QueryDict or a dict of lists) against a QuizBlock value."""
    checked = []
    for index, question in enumerate(value["questions"]):
        raw = (
            data.getlist(field_name(index))
            if hasattr(data, "getlist")
            else data.get(field_name(index), [])
        )
        chosen = set()
        for item in raw:
            try:
                number = int(item)
            except (TypeError, ValueError):
                continue
            if 0 <= number < len(question["answers"]):
                chosen.add(number)
        if question["kind"] != QuestionBlock.MULTIPLE and len(chosen) > 1:
            chosen = {min(chosen)}
        expected = {i for i, answer in enumerate(question["answers"]) if answer["correct"]}
        checked.append({"chosen": chosen, "answered": bool(chosen), "correct": chosen == expected})
    return QuizResult(checked)


def quiz_dom_id(block_id):
    """The prefix of a quiz's HTML ids: « q » and the first 8 hex digits of its block id. Each
    id is written two or three times per answer, so the full UUID weighed about 1 KB per quiz
    (docs/page-weight.md); two quizzes of one page share 8 hex digits once in 4 billion."""
    return "q" + block_id.replace("-", "")[:8]


def build_questions(value, dom_id, result=None):
    """Questions ready for the template: names, ids (from `quiz_dom_id`), input types and,
    after a submission, the state of each answer."""
    questions = []
    for index, question in enumerate(value["questions"]):
        state = result.questions[index] if result and index < len(result.questions) else None
        multiple = question["kind"] == QuestionBlock.MULTIPLE
        answers = []
        for number, answer in enumerate(question["answers"]):
            chosen = bool(state and number in state["chosen"])
            answers.append(
                {
                    "number": number,
                    "id": f"{dom_id}-q{index}-a{number}",
                    "text": answer["text"],
                    "correct": answer["correct"],
                    "feedback": answer["feedback"],
                    "chosen": chosen,
                    "show_feedback": chosen and state is not None and state["answered"],
                }
            )
        questions.append(
            {
                "index": index,
                "number": index + 1,
                "id": f"{dom_id}-q{index}",
                "name": field_name(index),
                "input_type": "checkbox" if multiple else "radio",
                "multiple": multiple,
                "prompt": question["prompt"],
                "explanation": question["explanation"],
                "answers": answers,
                "state": state,
                "error": state is not None and not state["answered"],
                "show_explanation": state is not None and state["answered"],
            }
        )
    return questions
