"""Vocabulary shared by school modules and session reports: topics and class levels.

Stored as short codes (filters in URLs, CSV exports, aggregates), labelled in French.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    CYBERSECURITY = "cybersecurite", _("Cybersécurité et cybermalveillance")
    CYBERBULLYING = "cyberharcelement", _("Cyberharcèlement")
    MEDIA_LITERACY = "emi", _("Éducation aux médias et à l'information, fake news")
    SOCIAL_NETWORKS = "reseaux-sociaux", _("Réseaux sociaux")
    AI = "ia", _("Intelligence artificielle")


class ClassLevel(models.TextChoices):
    SIXIEME = "6e", _("6e")
    CINQUIEME = "5e", _("5e")
    QUATRIEME = "4e", _("4e")
    TROISIEME = "3e", _("3e")
    SECONDE = "2nde", _("2nde")
    PREMIERE = "1re", _("1re")
    TERMINALE = "terminale", _("Terminale")
