"""Reference blocks for explainers and tool guides (and any page that needs them): myth /
reality pairs, questions and answers, dated sources, a checklist, problems and fixes,
alternatives to a tool, a "try it safely" activity and how-to steps with a name."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import BaseStructBlock
from .learning import OptionalImageBlock
from .text import RichTextBlock


class MythRealityBlock(BaseStructBlock):
    title = blocks.CharBlock(default="Idées reçues", max_length=120, label=_("titre"))
    items = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("myth", blocks.CharBlock(max_length=300, label=_("idée reçue"))),
                ("reality", RichTextBlock(label=_("en réalité"))),
            ],
            icon="help",
            label=_("Idée reçue"),
        ),
        min_num=1,
        label=_("idées reçues"),
    )

    class Meta:
        icon = "help"
        label = _("Idées reçues / réalité")
        template = "content/blocks/myth_reality.html"
        help_text = _("Une idée reçue en une phrase, puis ce qui est vrai, avec un exemple.")
        description = _("Des paires « idée reçue » / « en réalité ».")
        preview_value = {
            "title": "Idées reçues",
            "items": [
                {
                    "myth": "L'IA comprend ce qu'elle écrit.",
                    "reality": "<p>Elle prédit les mots les plus probables.</p>",
                }
            ],
        }


class FAQBlock(BaseStructBlock):
    """Questions and answers. Pages that render it may also describe it as a schema.org
    FAQPage (see lessons.models.guides)."""

    title = blocks.CharBlock(default="Questions fréquentes", max_length=120, label=_("titre"))
    questions = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("question", blocks.CharBlock(max_length=250, label=_("question"))),
                ("answer", RichTextBlock(label=_("réponse"))),
            ],
            icon="help",
            label=_("Question"),
        ),
        min_num=1,
        label=_("questions"),
    )

    class Meta:
        icon = "help"
        label = _("Questions fréquentes")
        template = "content/blocks/faq.html"
        help_text = _("Les questions que les gens posent vraiment, avec une réponse courte.")
        description = _("Une liste de questions et de réponses.")
        preview_value = {
            "title": "Questions fréquentes",
            "questions": [
                {"question": "Est-ce gratuit ?", "answer": "<p>Oui, la version de base.</p>"}
            ],
        }


class SourceBlock(BaseStructBlock):
    title = blocks.CharBlock(max_length=250, label=_("titre de la source"))
    publisher = blocks.CharBlock(
        required=False, max_length=120, label=_("auteur ou organisme"), help_text=_("Ex. CNIL.")
    )
    url = blocks.URLBlock(required=False, label=_("adresse"))
    date = blocks.DateBlock(
        required=False,
        label=_("consultée le"),
        help_text=_("Le jour où la source a été lue et jugée à jour."),
    )

    class Meta:
        icon = "link"
        label = _("Source")


class SourcesBlock(BaseStructBlock):
    title = blocks.CharBlock(default="Sources", max_length=80, label=_("titre"))
    sources = blocks.ListBlock(SourceBlock(), min_num=1, label=_("sources"))

    class Meta:
        icon = "link"
        label = _("Sources datées")
        template = "content/blocks/sources.html"
        help_text = _("Les sources utilisées, chacune avec sa date : le lecteur juge sa fraîcheur.")
        description = _("Une liste de sources avec leurs dates.")
        preview_value = {
            "title": "Sources",
            "sources": [
                {
                    "title": "Intelligence artificielle",
                    "publisher": "CNIL",
                    "url": "https://www.cnil.fr/fr/intelligence-artificielle",
                }
            ],
        }


class ChecklistBlock(BaseStructBlock):
    title = blocks.CharBlock(default="Ma liste de vérification", max_length=120, label=_("titre"))
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=250, label=_("point à vérifier")),
        min_num=1,
        label=_("points"),
    )

    class Meta:
        icon = "tick"
        label = _("Liste de vérification")
        template = "content/blocks/checklist.html"
        help_text = _("Ce qu'il faut avoir fait à la fin, une phrase par point. Imprimable.")
        description = _("Une liste à cocher, sur papier ou dans la tête.")
        preview_value = {
            "title": "Ma liste de vérification",
            "items": ["Mon adresse est à jour.", "Mes horaires sont à jour."],
        }


class ProblemsBlock(BaseStructBlock):
    title = blocks.CharBlock(
        default="Problèmes fréquents et solutions", max_length=120, label=_("titre")
    )
    items = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("problem", blocks.CharBlock(max_length=250, label=_("problème"))),
                ("fix", RichTextBlock(label=_("solution"))),
            ],
            icon="warning",
            label=_("Problème"),
        ),
        min_num=1,
        label=_("problèmes"),
    )

    class Meta:
        icon = "warning"
        label = _("Problèmes et solutions")
        template = "content/blocks/problems.html"
        help_text = _("Le problème tel que la personne le voit, puis quoi faire.")
        description = _("Des problèmes fréquents, chacun avec sa solution.")
        preview_value = {
            "title": "Problèmes fréquents et solutions",
            "items": [
                {
                    "problem": "Je n'ai pas reçu le code.",
                    "fix": "<p>Regardez dans les courriers indésirables.</p>",
                }
            ],
        }


class AlternativesBlock(BaseStructBlock):
    title = blocks.CharBlock(default="D'autres outils", max_length=120, label=_("titre"))
    items = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("name", blocks.CharBlock(max_length=120, label=_("nom"))),
                ("url", blocks.URLBlock(required=False, label=_("adresse"))),
                ("note", blocks.CharBlock(max_length=250, label=_("en deux mots"))),
                (
                    "free_open",
                    blocks.BooleanBlock(
                        required=False,
                        label=_("gratuit ou libre"),
                        help_text=_("Cochez si l'outil est gratuit ou un logiciel libre."),
                    ),
                ),
            ],
            icon="link",
            label=_("Outil"),
        ),
        min_num=1,
        label=_("outils"),
    )

    class Meta:
        icon = "link"
        label = _("Alternatives")
        template = "content/blocks/alternatives.html"
        help_text = _("D'autres outils qui rendent le même service, dont des gratuits ou libres.")
        description = _("Une liste d'outils alternatifs.")
        preview_value = {
            "title": "D'autres outils",
            "items": [
                {
                    "name": "Inkscape",
                    "url": "https://inkscape.org/fr/",
                    "note": "Logiciel libre de dessin.",
                    "free_open": True,
                }
            ],
        }


class TryItBlock(BaseStructBlock):
    title = blocks.CharBlock(default="Essayer sans risque", max_length=120, label=_("titre"))
    instructions = RichTextBlock(label=_("ce qu'on essaie"))
    safety = blocks.CharBlock(
        required=False,
        max_length=300,
        label=_("précaution"),
        help_text=_("Ce qu'il ne faut pas faire pendant l'essai (données réelles...)."),
    )

    class Meta:
        icon = "pick"
        label = _("Activité « essayer sans risque »")
        template = "content/blocks/try_it.html"
        help_text = _("Une activité courte, sans compte et sans données personnelles.")
        description = _("Une activité guidée, avec sa précaution.")
        preview_value = {
            "title": "Essayer sans risque",
            "instructions": "<p>Demandez une recette à partir de trois ingrédients.</p>",
            "safety": "N'écrivez ni votre nom ni votre adresse.",
        }


class HowToStepBlock(BaseStructBlock):
    """One numbered step of a tool guide: a short name (used in the step's heading and in
    the HowTo structured data), what to do, an optional phone hint and screenshot."""

    name = blocks.CharBlock(
        max_length=120, label=_("intitulé"), help_text=_("Ex. « Créer mon compte ».")
    )
    text = RichTextBlock(label=_("ce qu'il faut faire"))
    phone_tip = blocks.CharBlock(
        required=False,
        max_length=300,
        label=_("sur téléphone"),
        help_text=_("Où trouver le bouton ou le menu sur un téléphone, s'il change."),
    )
    screenshot = OptionalImageBlock(required=False)

    class Meta:
        icon = "list-ol"
        label = _("Étape")
        template = "content/blocks/howto_step.html"
        help_text = _("Une action par étape, faisable sur un téléphone.")
        description = _("Une étape numérotée, avec capture d'écran facultative.")
        preview_value = {
            "name": "Ouvrir le site",
            "text": "<p>Tapez l'adresse du site dans votre navigateur.</p>",
        }
