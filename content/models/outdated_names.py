from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class OutdatedName(models.Model):
    """A name that changed (an agency, a service, a brand): the content checks flag pages
    that still use the old one. Editors keep the list; it is not translated (French names)."""

    old_name = models.CharField(
        _("ancienne appellation"),
        max_length=120,
        unique=True,
        help_text=_("Telle qu'elle s'écrit dans les pages, par exemple « Pôle emploi »."),
    )
    new_name = models.CharField(
        _("nouvelle appellation"),
        max_length=120,
        help_text=_("Par exemple « France Travail »."),
    )
    since = models.CharField(
        _("depuis"),
        max_length=60,
        blank=True,
        help_text=_("Quand le nom a changé, par exemple « janvier 2024 »."),
    )

    panels = [FieldPanel("old_name"), FieldPanel("new_name"), FieldPanel("since")]

    class Meta:
        verbose_name = _("appellation dépassée")
        verbose_name_plural = _("appellations dépassées")
        ordering = ["old_name"]

    def __str__(self):
        return f"{self.old_name} → {self.new_name}"
