from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Glossary(TranslatableMixin, index.Indexed, models.Model):
    """A word that may be new to a learner, with a plain-language definition."""

    term = models.CharField(_("terme"), max_length=120)
    slug = models.SlugField(_("identifiant"), max_length=120)
    definition = models.TextField(
        _("définition"),
        max_length=600,
        help_text=_("Deux ou trois phrases simples, sans autre mot difficile."),
    )

    panels = [FieldPanel("term"), FieldPanel("slug"), FieldPanel("definition")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("terme du glossaire")
        verbose_name_plural = _("glossaire")
        ordering = ["term"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.term
