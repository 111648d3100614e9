from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from content.config_cache import public
from content.models import BasePage

FEATURES = ["bold", "italic", "ol", "ul", "link"]


class ScamAlertIndexPage(BasePage):
    intro = models.TextField(_("introduction"), max_length=400, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["campaigns.ScamAlertPage"]
    max_count_per_parent = 1
    template = "campaigns/scam_alert_index_page.html"

    class Meta:
        verbose_name = _("liste des alertes arnaques")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        alerts = list(
            public(ScamAlertPage.objects.child_of(self).live()).order_by("-first_published_at")
        )
        now = timezone.now()
        context["active"] = [a for a in alerts if a.expires_at > now]
        context["expired"] = [a for a in alerts if a.expires_at <= now]
        return context


class ScamAlertPage(BasePage):
    page_feedback = True  # « Cette page vous a-t-elle aidé ? »
    looks_like = RichTextField(
        _("à quoi ça ressemble"),
        features=FEATURES,
        help_text=_("Le message reçu, l'expéditeur affiché, le lien : de quoi le reconnaître."),
    )
    what_to_do = RichTextField(_("que faire"), features=FEATURES)
    expires_at = models.DateTimeField(
        _("fin de l'alerte"),
        help_text=_("Après cette date, le bandeau disparaît et l'alerte passe dans les archives."),
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("leçon sur les arnaques"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("looks_like"),
        FieldPanel("what_to_do"),
        FieldPanel("expires_at"),
        FieldPanel("lesson"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("looks_like"),
        index.SearchField("what_to_do"),
    ]
    parent_page_types = ["campaigns.ScamAlertIndexPage"]
    subpage_types = []
    template = "campaigns/scam_alert_page.html"

    class Meta:
        verbose_name = _("alerte arnaque")

    @property
    def is_active(self):
        return self.expires_at > timezone.now()
