"""Help numbers and services for young people and families (cyberbullying, emergencies, child
protection, reporting illegal content, cyber-attack victims). The numbers live here, not in
each page, so editors pick services and never retype a number."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import BaseStructBlock, TextOnlySearchMixin

# code: (name, number or None, tel: value or None, web address or None, what it is for)
HELP_SERVICES = {
    "3018": (
        _("3018 – cyberharcèlement"),
        "3018",
        "3018",
        "https://e-enfance.org/le-3018/",
        _(
            "Numéro national pour les jeunes victimes de violences numériques et leurs parents, "
            "géré par l'association e-Enfance. Gratuit, anonyme et confidentiel, 7 jours sur 7 "
            "de 9 h à 23 h, aussi par tchat et avec l'application 3018."
        ),
    ),
    "17-112": (
        _("17 ou 112 – urgence, police"),
        "17",
        "17",
        None,
        _(
            "En cas de danger immédiat ou de menace : le 17 (police, gendarmerie) ou le 112 "
            "(numéro d'urgence européen, depuis n'importe quel téléphone)."
        ),
    ),
    "119": (
        _("119 – Allô Enfance en danger"),
        "119",
        "119",
        "https://www.allo119.gouv.fr/",
        _(
            "Pour un enfant ou un adolescent en danger ou en risque de l'être. Gratuit, 24 h "
            "sur 24, 7 jours sur 7 ; l'appel n'apparaît pas sur les factures."
        ),
    ),
    "pharos": (
        _("Pharos – signaler un contenu illicite"),
        None,
        None,
        "https://www.internet-signalement.gouv.fr/",
        _(
            "La plateforme de la police et de la gendarmerie pour signaler un contenu illicite "
            "en ligne : menaces, incitation à la haine, pédocriminalité, apologie du terrorisme."
        ),
    ),
    "cybermalveillance": (
        _("Cybermalveillance.gouv.fr – assistance aux victimes"),
        None,
        None,
        "https://www.cybermalveillance.gouv.fr/",
        _(
            "Le dispositif national d'assistance aux victimes d'actes de cybermalveillance "
            "(piratage de compte, arnaque, chantage) : diagnostic en ligne et conseils."
        ),
    ),
}

HELP_SERVICE_CHOICES = [(code, spec[0]) for code, spec in HELP_SERVICES.items()]


class HelpNumbersBlock(TextOnlySearchMixin, BaseStructBlock):
    title = blocks.CharBlock(
        default="Besoin d'aide ? Les numéros utiles", max_length=120, label=_("titre")
    )
    services = blocks.MultipleChoiceBlock(
        choices=HELP_SERVICE_CHOICES,
        default=[code for code, _label in HELP_SERVICE_CHOICES],
        label=_("services à afficher"),
        help_text=_("Les numéros et adresses sont tenus à jour par le site : cochez ceux utiles."),
    )

    class Meta:
        icon = "help"
        label = _("Numéros d'aide")
        template = "content/blocks/help_numbers.html"
        help_text = _(
            "Les numéros d'aide (3018, 17/112, 119, Pharos, cybermalveillance.gouv.fr), "
            "cliquables sur téléphone."
        )
        description = _("Les numéros et services d'aide face au cyberharcèlement et aux dangers.")
        preview_value = {
            "title": "Besoin d'aide ? Les numéros utiles",
            "services": [code for code, _label in HELP_SERVICE_CHOICES],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        chosen = set(value.get("services") or [])
        context["services"] = [
            {
                "code": code,
                "name": name,
                "number": number,
                "tel": tel,
                "url": url,
                "url_label": url.removeprefix("https://").removeprefix("www.").rstrip("/")
                if url
                else "",
                "text": text,
            }
            for code, (name, number, tel, url, text) in HELP_SERVICES.items()
            if code in chosen
        ]
        return context
