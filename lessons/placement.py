"""The « Où en suis-je ? » placement quiz: a few « I can... » statements. Someone who cannot yet
do every first-level task starts with level 1; otherwise level 2 is recommended."""

from django.utils.translation import gettext_lazy as _

PLACEMENT_QUESTIONS = [
    {"name": "courriel", "level": 1, "text": _("Je sais envoyer un e-mail avec une pièce jointe.")},
    {
        "name": "site-sur",
        "level": 1,
        "text": _("Je sais reconnaître un site sécurisé avant de payer ou de me connecter."),
    },
    {
        "name": "mots-de-passe",
        "level": 1,
        "text": _("J'ai un mot de passe différent et solide pour chaque compte important."),
    },
    {
        "name": "franceconnect",
        "level": 1,
        "text": _("Je me connecte seul(e) à Ameli ou impots.gouv, par exemple avec FranceConnect."),
    },
    {
        "name": "hameconnage",
        "level": 2,
        "text": _("Je sais repérer un faux SMS ou un faux e-mail qui cherche à me piéger."),
    },
    {
        "name": "ia",
        "level": 2,
        "text": _("Je sais ce qu'est une intelligence artificielle comme ChatGPT."),
    },
]


def recommend_level(answers):
    """1 if any first-level statement is not yet true, else 2."""
    for question in PLACEMENT_QUESTIONS:
        if question["level"] == 1 and answers.get(question["name"]) != "oui":
            return 1
    return 2
