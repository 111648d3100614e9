from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class H5PActivityBlock(blocks.StructBlock):
    """An H5P activity played in a sandboxed frame, with its text alternative below.

    Exported for lessons and school modules: add it to their StreamBlock, e.g.
    `h5p_activity = H5PActivityBlock()`. Its template loads the host script itself, so only
    pages that contain an activity load anything H5P."""

    activity = SnippetChooserBlock(
        "content.H5PActivity",
        label=_("activité H5P"),
        help_text=_("Choisissez ou téléversez l'activité (menu Fragments > Activités H5P)."),
    )
    introduction = blocks.TextBlock(
        required=False,
        max_length=300,
        label=_("consigne"),
        help_text=_("Facultatif : ce que la personne doit faire, en une ou deux phrases."),
    )

    class Meta:
        icon = "form"
        label = _("Activité interactive H5P")
        template = "content/blocks/h5p_activity.html"
        help_text = _(
            "Un exercice interactif H5P (quiz, glisser-déposer…), avec sa version texte "
            "affichée en dessous."
        )
        description = _("Un exercice interactif H5P et sa version texte.")
