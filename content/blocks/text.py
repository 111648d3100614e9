from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import BaseStructBlock, TextOnlySearchMixin

# Rich text never offers headings: the heading block owns the outline.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(TextOnlySearchMixin, BaseStructBlock):
    level = blocks.ChoiceBlock(
        choices=[
            ("h2", _("Titre de section (niveau 2)")),
            ("h3", _("Sous-titre (niveau 3)")),
            ("h4", _("Sous-sous-titre (niveau 4)")),
        ],
        default="h2",
        label=_("niveau"),
        help_text=_("Un sous-titre suit toujours un titre du niveau juste au-dessus."),
    )
    text = blocks.CharBlock(max_length=160, label=_("texte du titre"))

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "content/blocks/heading.html"
        help_text = _("Structure la page : les lecteurs d'écran s'en servent pour naviguer.")
        preview_value = {"level": "h2", "text": "Créer son adresse e-mail"}
        description = _("Un titre de section, de niveau 2 à 4.")


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Texte")
        template = "content/blocks/rich_text.html"
        help_text = _("Phrases courtes, mots simples. Les titres se font avec le bloc « Titre ».")
        preview_value = "<p>Un courriel, c'est un message envoyé par Internet.</p>"
        description = _("Paragraphes, listes et liens.")


class CalloutBlock(TextOnlySearchMixin, BaseStructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("info", _("Information")),
            ("tip", _("Astuce")),
            ("warning", _("Attention")),
            ("danger", _("Danger")),
        ],
        default="info",
        label=_("type d'encadré"),
    )
    title = blocks.CharBlock(required=False, max_length=120, label=_("titre (facultatif)"))
    text = RichTextBlock(label=_("texte"))

    class Meta:
        icon = "warning"
        label = _("Encadré")
        template = "content/blocks/callout.html"
        help_text = _(
            "Met en avant une information. Le type est annoncé en toutes lettres, "
            "pas seulement par la couleur."
        )
        preview_value = {
            "kind": "warning",
            "title": "Ne donnez jamais votre mot de passe",
            "text": "<p>Votre banque ne vous le demandera jamais.</p>",
        }
        description = _("Information, astuce, attention ou danger.")


class QuoteBlock(BaseStructBlock):
    text = blocks.TextBlock(label=_("citation"))
    author = blocks.CharBlock(required=False, max_length=120, label=_("auteur ou autrice"))
    source = blocks.CharBlock(required=False, max_length=200, label=_("source"))

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "content/blocks/quote.html"
        help_text = _("Une parole rapportée, avec son auteur si possible.")
        preview_value = {
            "text": "Je n'osais pas toucher à l'ordinateur. Maintenant je fais "
            "mes démarches seule.",
            "author": "Une habitante de Desvres",
        }
        description = _("Une citation avec son auteur.")
