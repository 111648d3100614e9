"""The admin's image form (every upload path: single, multiple, chooser): an image far wider
or taller than any page shows is refused, by its longest side and by its shape. Wagtail's
WAGTAILIMAGES_MAX_IMAGE_PIXELS only bounds the total (20 000 × 10 px passes it), yet each
rendition of such a strip costs memory and time, and it has no place on a phone screen."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.images.forms import BaseImageForm


def check_dimensions(width, height):
    max_side = settings.IMAGE_MAX_SIDE
    max_ratio = settings.IMAGE_MAX_ASPECT_RATIO
    if max(width, height) > max_side:
        raise ValidationError(
            _(
                "Cette image mesure %(width)s × %(height)s pixels : son plus grand côté doit "
                "faire au plus %(max)s pixels. Réduisez-la avant de l’envoyer."
            )
            % {"width": width, "height": height, "max": max_side},
            code="image_too_large",
        )
    if max(width, height) > max_ratio * max(min(width, height), 1):
        raise ValidationError(
            _(
                "Cette image mesure %(width)s × %(height)s pixels : un côté ne peut pas être "
                "plus de %(ratio)s fois plus long que l’autre. Recadrez-la avant de l’envoyer."
            )
            % {"width": width, "height": height, "ratio": f"{max_ratio:g}"},
            code="image_bad_ratio",
        )


class ImageForm(BaseImageForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        image = getattr(file, "image", None)  # set by Wagtail's field on a new upload only
        if image is not None:
            check_dimensions(*image.get_size())
        return file
