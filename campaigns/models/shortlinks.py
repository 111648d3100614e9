"""Short links of a campaign (/c/<code>/, one per channel: flyer, poster, networks…): codes
readable on paper, and the channel names staff read in the reports."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .campaigns import CampaignPage

# Short codes are typed from paper: lower case only, and no character that reads like another
# (0/o, 1/l/i). Generated codes are unique by construction: a bijection of the row's id.
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 5
_CODE_MULTIPLIER = 20_511_151  # not a multiple of 31: n -> n * m mod 31**k is a bijection


def code_for(number):
    """The generated code of row `number`: 5 characters up to 28 million rows, then longer
    (a longer code never equals a shorter one, so uniqueness holds across lengths)."""
    length = CODE_LENGTH
    while number >= len(CODE_ALPHABET) ** length:
        length += 1
    space = len(CODE_ALPHABET) ** length
    value = (number * _CODE_MULTIPLIER) % space
    chars = []
    for _position in range(length):
        value, digit = divmod(value, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[digit])
    return "".join(chars)


def could_be_generated(code):
    return CODE_LENGTH <= len(code) <= CODE_LENGTH + 2 and all(c in CODE_ALPHABET for c in code)


def validate_custom_code(value):
    if value != value.lower():
        raise ValidationError(_("Le code s'écrit en minuscules (il est recopié à la main)."))
    if could_be_generated(value):
        raise ValidationError(
            _(
                "Ce code a la forme des codes générés automatiquement : ajoutez un tiret "
                "(par exemple sid26-flyer) ou laissez le champ vide."
            )
        )


def new_code():
    """Kept for the first migration, which named it as the field's default."""
    return None


class ShortLink(Orderable):
    class Channel(models.TextChoices):
        FLYER = "flyer", _("Flyer")
        POSTER = "affiche", _("Affiche")
        FACEBOOK = "facebook", _("Facebook")
        INSTAGRAM = "instagram", _("Instagram")
        LINKEDIN = "linkedin", _("LinkedIn")
        NEWSLETTER = "newsletter", _("Lettre d'information")
        MAGAZINE = "magazine", _("Magazine")
        OTHER = "autre", _("Autre")

    MEDIUM = {
        "flyer": "print",
        "affiche": "print",
        "magazine": "print",
        "facebook": "social",
        "instagram": "social",
        "linkedin": "social",
        "newsletter": "email",
        "autre": "referral",
    }

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="short_links")
    channel = models.CharField(_("canal"), max_length=20, choices=Channel.choices)
    code = models.SlugField(
        _("code"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_custom_code],
        help_text=_(
            "Ce qui suit /c/ dans le lien court. Laissez vide : un code court en minuscules, "
            "sans caractère ambigu, est créé à l'enregistrement."
        ),
    )

    panels = [FieldPanel("channel"), FieldPanel("code")]

    class Meta(Orderable.Meta):
        verbose_name = _("lien court")

    def __str__(self):
        return self.short_url

    def save(self, *args, **kwargs):
        if self.code:
            self.code = self.code.lower()
            return super().save(*args, **kwargs)
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.code = code_for(self.pk)
            ShortLink.objects.filter(pk=self.pk).update(code=self.code)

    @property
    def short_url(self):
        return short_url(self.code)

    def landing_url(self):
        query = urlencode(
            {
                "utm_source": self.channel,
                "utm_medium": self.MEDIUM.get(self.channel, "referral"),
                "utm_campaign": self.campaign.slug,
            }
        )
        return f"{self.campaign.url}?{query}"


# Counters also use two channels that are not short links.
EXTRA_CHANNEL_LABELS = {"direct": _("Accès direct"), "kit": _("Kit de campagne")}


def channel_label(code):
    """The channel as staff read it (« Lettre d'information », not « newsletter »)."""
    labels = {**dict(ShortLink.Channel.choices), **EXTRA_CHANNEL_LABELS}
    return labels.get(code, code)


def short_url(code):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("campaigns:short_link", args=[code])
