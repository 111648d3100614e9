from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .base import BaseStructBlock
from .text import RichTextBlock


class ImageBlock(BaseStructBlock):
    """An image whose alternative text is required unless the editor says it is decorative."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("texte alternatif"),
        help_text=_(
            "Ce que l'image apporte au texte, pour qui ne la voit pas. "
            "Par exemple : « Écran de connexion d'impots.gouv avec le bouton FranceConnect »."
        ),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        label=_("image décorative"),
        help_text=_(
            "Cochez seulement si l'image n'apporte aucune information : elle sera ignorée "
            "par les lecteurs d'écran."
        ),
    )
    caption = blocks.CharBlock(required=False, max_length=250, label=_("légende"))
    credit = blocks.CharBlock(required=False, max_length=120, label=_("crédit"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/image.html"
        help_text = _("Une image avec son texte alternatif, sa légende et son crédit.")
        description = _("Image responsive (WebP), avec texte alternatif obligatoire.")

    def clean(self, value):
        value = super().clean(value)
        alt_text = (value.get("alt_text") or "").strip()
        if value.get("decorative") and alt_text:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Une image décorative n'a pas de texte alternatif : videz ce champ "
                            "ou décochez « image décorative »."
                        )
                    )
                }
            )
        if not value.get("decorative") and not alt_text:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Décrivez l'image en quelques mots, ou cochez « image décorative » "
                            "si elle n'apporte aucune information."
                        )
                    )
                }
            )
        return value


VIDEO_HOSTS = {
    "youtube.com": "YouTube",
    "www.youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "www.dailymotion.com": "Dailymotion",
}


class VideoBlock(BaseStructBlock):
    """A video hosted elsewhere. Shown as a link (no third-party player, so no tracking)."""

    url = blocks.URLBlock(label=_("adresse de la vidéo"))
    title = blocks.CharBlock(
        max_length=160,
        label=_("titre de la vidéo"),
        help_text=_("Obligatoire : il dit de quoi parle la vidéo avant de l'ouvrir."),
    )
    duration = blocks.CharBlock(
        required=False, max_length=20, label=_("durée"), help_text=_("Par exemple « 3 min ».")
    )
    transcript = RichTextBlock(
        required=False,
        label=_("transcription"),
        help_text=_("Le texte de la vidéo, pour qui ne peut pas l'écouter."),
    )

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "content/blocks/video.html"
        help_text = _("Lien vers une vidéo, avec son titre et sa transcription.")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=example",
            "title": "Créer une adresse e-mail en 5 étapes",
            "duration": "4 min",
        }
        description = _("Une vidéo en ligne avec sa transcription.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        host = urlparse(value["url"]).netloc.lower()
        context["host"] = VIDEO_HOSTS.get(host, host.removeprefix("www."))
        return context


class DocumentBlock(BaseStructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        required=False,
        max_length=160,
        label=_("titre affiché"),
        help_text=_("Laissez vide pour reprendre le titre du document."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "content/blocks/document.html"
        help_text = _("Le format et le poids du fichier sont affichés automatiquement.")
        description = _("Un fichier à télécharger, avec son format et son poids.")
