from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    """One answer to « Cette page vous a-t-elle aidé ? » (docs/feedback.md). Anonymous by
    construction: no address, no cookie, no time of day (the date is enough for the trend), and
    the comment is stored with e-mail addresses and phone numbers masked."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    helpful = models.BooleanField(_("la page a aidé"))
    comment = models.TextField(_("commentaire"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created = models.DateField(_("date"), default=timezone.localdate, db_index=True)

    class Meta:
        verbose_name = _("avis sur une page")
        verbose_name_plural = _("avis sur les pages")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["page", "created"])]
        # Visitors add them; the coordination reads (the report's permission) and deletes.
        default_permissions = ("view", "delete")

    def __str__(self):
        return f"{self.page_id} {self.created} {'oui' if self.helpful else 'non'}"
