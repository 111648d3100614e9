"""« Se faire accompagner près de chez moi »: a few places of the directory that help with one
kind of need, dropped by editors into lessons, hubs and alerts (the taxes lesson shows places
that help with administrative procedures)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import BaseStructBlock, TextOnlySearchMixin

SERVICE_CHOICES_HELP = _(
    "Le type d'aide que la page demande : seuls les lieux qui l'offrent sont montrés."
)


def service_choices():
    from content.places.filters import SERVICE_OPTIONS

    return [("", _("Tous les types d'aide")), *SERVICE_OPTIONS]


class NearbyHelpBlock(TextOnlySearchMixin, BaseStructBlock):
    title = blocks.CharBlock(
        default="Se faire accompagner près de chez moi", max_length=120, label=_("titre")
    )
    text = blocks.TextBlock(
        required=False,
        max_length=300,
        default="Quelqu'un peut faire la démarche avec vous, le plus souvent gratuitement.",
        label=_("phrase d'introduction"),
    )
    service = blocks.ChoiceBlock(
        choices=service_choices,
        required=False,
        label=_("type d'aide"),
        help_text=SERVICE_CHOICES_HELP,
    )
    count = blocks.IntegerBlock(
        default=3, min_value=1, max_value=6, label=_("nombre de lieux montrés")
    )

    class Meta:
        icon = "site"
        label = _("Se faire accompagner près de chez moi")
        template = "content/blocks/nearby_help.html"
        help_text = _(
            "Quelques lieux de l'annuaire qui aident pour ce type de besoin (ouverts d'abord), "
            "et un lien vers tous les lieux, triés depuis la commune du lecteur."
        )
        description = _("Des lieux d'aide de l'annuaire, filtrés par type d'aide.")
        preview_value = {
            "title": "Se faire accompagner près de chez moi",
            "text": "Quelqu'un peut faire la démarche avec vous, le plus souvent gratuitement.",
            "service": "aide-aux-demarches-administratives",
            "count": 3,
        }

    def get_context(self, value, parent_context=None):
        from content.places.views import nearby_help_context

        context = super().get_context(value, parent_context)
        context.update(nearby_help_context(value, parent_context or {}))
        return context
