from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

from .base import BaseStructBlock
from .text import RichTextBlock


class AccordionItemBlock(BaseStructBlock):
    title = blocks.CharBlock(max_length=200, label=_("question ou titre"))
    body = RichTextBlock(label=_("réponse ou contenu"))

    class Meta:
        icon = "help"
        label = _("Élément")


class AccordionBlock(BaseStructBlock):
    title = blocks.CharBlock(
        required=False, max_length=160, label=_("titre de la liste (facultatif)")
    )
    is_faq = blocks.BooleanBlock(
        required=False,
        label=_("il s'agit d'une FAQ"),
        help_text=_("Ajoute les données structurées « FAQ » pour les moteurs de recherche."),
    )
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1, label=_("éléments"))

    class Meta:
        icon = "list-ul"
        label = _("Accordéon / FAQ")
        template = "content/blocks/accordion.html"
        help_text = _("Questions et réponses repliables ; elles s'ouvrent aussi sans JavaScript.")
        preview_value = {
            "title": "Questions fréquentes",
            "items": [
                {
                    "title": "Est-ce gratuit ?",
                    "body": "<p>Oui, tous les ateliers sont gratuits.</p>",
                }
            ],
        }
        description = _("Une liste de questions et réponses repliables.")


TABLE_OPTIONS = {
    "contextMenu": [
        "row_above",
        "row_below",
        "---------",
        "col_left",
        "col_right",
        "---------",
        "remove_row",
        "remove_col",
        "---------",
        "undo",
        "redo",
    ],
    "startRows": 3,
    "startCols": 3,
}


class TableBlock(WagtailTableBlock):
    """A data table with a caption and a header row, both required for screen readers."""

    def __init__(self, **kwargs):
        kwargs.setdefault("table_options", TABLE_OPTIONS)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        errors = []
        if not (value.get("table_caption") or "").strip():
            errors.append(_("Donnez une légende au tableau : elle dit ce qu'il contient."))
        if not value.get("first_row_is_table_header"):
            errors.append(_("La première ligne doit être une ligne d'en-têtes."))
        if errors:
            raise ValidationError(errors)
        return value

    class Meta:
        icon = "table"
        label = _("Tableau")
        template = "content/blocks/table.html"
        help_text = _("Pour des données seulement, jamais pour la mise en page.")
        description = _("Un tableau de données avec légende et en-têtes.")
