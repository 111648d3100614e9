"""Step pictures (screenshots and screen mock-ups of a step): the renditions they are served as,
their markup, and fetching those renditions for a whole page at once.

A step's picture is shown at most 18rem wide (about 260 CSS px on a 320 px phone, 288 on a
wider screen), so two widths are enough: 320 px for ordinary screens, 640 px for high-density
ones. Both are WebP; the 640 px one is lossless, since flat drawn screens compress better so
(measured: 4–7 KB against 10–17 KB lossy at quality 80, see docs/notes/issue-18-illustrations.md),
while the 320 px one, made of anti-aliased downscaled pixels, is smaller lossy. The fallback
`<img src>` is a 320 px PNG, for the rare browser without WebP.
"""

from django.utils.html import format_html
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page

WEBP = {320: "width-320|format-webp", 640: "width-640|format-webp-lossless"}
FALLBACK = "width-320|format-png"
SPECS = (*WEBP.values(), FALLBACK)
# What the picture's width is, for the browser to choose a file before it lays the page out.
SIZES = "(max-width: 24rem) 75vw, 18rem"


def step_images(value, found=None):
    """The images of the step pictures held anywhere in a stream, list or struct value, in
    document order (other images, shown by other templates, ask for other renditions)."""
    from content.blocks.learning import OptionalImageBlock

    found = [] if found is None else found
    if isinstance(value, Page | str | bytes | int | float | bool) or value is None:
        return found
    if hasattr(value, "items") and callable(value.items):  # StructValue, dict
        if isinstance(getattr(value, "block", None), OptionalImageBlock):
            if isinstance(value.get("image"), AbstractImage):
                found.append(value["image"])
            return found
        for child in value.values():
            step_images(child, found)
    elif hasattr(value, "__iter__"):  # StreamValue, ListValue, list
        for child in value:
            step_images(getattr(child, "value", child), found)
    return found


def prefetch_renditions(images, specs=SPECS):
    """Attach to each image the renditions `specs` will ask for, read in one go: from Wagtail's
    rendition cache when it holds them all (no query), else in one query for every image of
    the page. A rendition not made yet is then made by `get_renditions`, once."""
    by_pk = {image.pk: image for image in images}
    images = list(by_pk.values())
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    keys = {
        rendition_model.construct_cache_key(image, _focal_key(image, spec), spec): image
        for image in images
        for spec in specs
    }
    found = {image.pk: [] for image in images}
    cached = rendition_model.cache_backend.get_many(list(keys))
    if len(cached) == len(keys):
        for rendition in cached.values():
            found[rendition.image_id].append(rendition)
    else:
        fetched = list(
            rendition_model.objects.filter(image__in=images, filter_spec__in=list(specs))
        )
        for rendition in fetched:
            found[rendition.image_id].append(rendition)
        # Wagtail never caches a rendition it was handed (it takes it as read from the
        # cache): cache them here, so the next page view needs no query.
        rendition_model.cache_backend.set_many(
            {
                rendition_model.construct_cache_key(
                    by_pk[rendition.image_id], rendition.focal_point_key, rendition.filter_spec
                ): rendition
                for rendition in fetched
            }
        )
    for image in images:
        for rendition in found[image.pk]:
            rendition.image = image
        image.prefetched_renditions = found[image.pk]


def _focal_key(image, spec):
    from wagtail.images.models import Filter

    return Filter(spec=spec).get_cache_key(image)


def picture(image, alt):
    """The `<picture>` of a step: WebP at 320 and 640 px wide, a PNG fallback, the size of the
    320 px file (no layout shift), loaded when it comes near the screen."""
    renditions = image.get_renditions(*SPECS)
    webp = {renditions[spec].width: renditions[spec].url for spec in WEBP.values()}
    fallback = renditions[FALLBACK]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" width="{}" height="{}" alt="{}" loading="lazy">'
        "</picture>",
        ", ".join(f"{url} {width}w" for width, url in sorted(webp.items())),
        SIZES,
        fallback.url,
        fallback.width,
        fallback.height,
        alt,
    )
