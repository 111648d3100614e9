"""Screen mock-ups of the demo lessons: drawn with Pillow from a data file, stored as Wagtail
images (see docs/illustrations.md).

An app's loader calls `use(path)` with its `demo_data/illustrations.yaml` (key → description of
the screen and its French alternative text `alt`); a data file then names a picture by its key
(`screenshot: courriel-creer-un-compte`). `ensure_image(key)` draws it once: the image is found
again by its title on the next `load_demo`, so loading twice makes no duplicate and an editor's
changes to the image are kept.
"""

import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from .draw import draw

TITLE = "Maquette : {key}"
_descriptions = {}


def use(path):
    """Make the drawings described in the data file at `path` available by their key."""
    from content.demo_data import read

    _descriptions.update(read(path))


def description(key):
    try:
        return _descriptions[key]
    except KeyError:
        raise ValueError(f"no drawing « {key} » in the illustrations data files") from None


def alt_text(key):
    return " ".join(str(description(key)["alt"]).split())


def png_bytes(key):
    buffer = io.BytesIO()
    draw(description(key)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def ensure_image(key):
    """The Wagtail image of the drawing `key`, drawn and stored the first time."""
    image_model = get_image_model()
    title = TITLE.format(key=key)
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = png_bytes(key)
    return image_model.objects.create(
        title=title,
        description=alt_text(key),
        file=ImageFile(io.BytesIO(data), name=f"{key}.png"),
    )


def image_block_value(data):
    """The value of an image-with-alt-text block from a data file: a key alone takes the
    drawing's own alternative text; `{image: key, alt_text: ...}` says another one."""
    if isinstance(data, str):
        data = {"image": data}
    value = dict(data)
    key = value["image"]
    value["image"] = ensure_image(key)
    value.setdefault("alt_text", alt_text(key))
    return value
