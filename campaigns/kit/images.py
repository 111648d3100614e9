"""The kit's images: the master visual's checks, fonts and colours, text fitted to a box, and the
social images (a visual, a headline, a call to action, a QR code).

Text is set in Roboto, installed as a Python package (`font-roboto`). Every text box is fitted:
words wrap, a word longer than the box is broken, the size shrinks down to a minimum and the
last resort is an ellipsis, so nothing ever overflows its box.
"""

import io
import warnings
from pathlib import Path

import font_roboto
import segno
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont, ImageOps

FONT_DIR = Path(font_roboto.font_directory)
FONT_BOLD = str(FONT_DIR / "Roboto-Bold.ttf")
FONT_REGULAR = str(FONT_DIR / "Roboto-Regular.ttf")

MAX_VISUAL_SIDE = 10_000
VISUAL_FORMATS = {"JPEG", "PNG", "WEBP"}
# Pillow's own limit (about 89 megapixels) is the bomb threshold for master visuals too.
MAX_VISUAL_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485

SOCIAL_SIZES = {
    "carre": (1080, 1080),
    "paysage": (1200, 630),
    "story": (1080, 1920),
}
INK = (11, 58, 79)  # --colour-primary of main.css
WHITE = (255, 255, 255)
ACCENT = (255, 209, 102)


def validate_master_visual(fileobj):
    """Refuse anything that is not a reasonable raster image, reading only its header."""
    fileobj.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(fileobj) as image:
                image_format = image.format
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _(
                "Cette image annonce un nombre de pixels démesuré (bombe de décompression) : "
                "elle est refusée. Exportez-la en taille raisonnable (moins de 10 000 px de côté)."
            ),
            code="bomb",
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("Ce fichier n'est pas une image lisible. Utilisez un fichier JPEG, PNG ou WebP."),
            code="not_an_image",
        ) from error
    finally:
        fileobj.seek(0)
    if image_format not in VISUAL_FORMATS:
        raise ValidationError(
            _("Format d'image non accepté (%(format)s). Utilisez un fichier JPEG, PNG ou WebP.")
            % {"format": image_format},
            code="format",
        )
    if width > MAX_VISUAL_SIDE or height > MAX_VISUAL_SIDE:
        raise ValidationError(
            _(
                "Image trop grande (%(width)s × %(height)s px) : 10 000 px de côté au plus. "
                "Réduisez-la avant de l'utiliser."
            )
            % {"width": width, "height": height},
            code="too_large",
        )
    if width * height > MAX_VISUAL_PIXELS:
        raise ValidationError(
            _("Image trop lourde (%(pixels)s pixels) : réduisez-la avant de l'utiliser.")
            % {"pixels": width * height},
            code="bomb",
        )


# --- Text fitting --------------------------------------------------------------------------


def wrap(text, measure, width):
    """Lines of `text` no wider than `width` according to `measure(str) -> float`."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            # A word wider than the box is broken where it has to be.
            while measure(word) > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and measure(word[:cut] + "-") > width:
                    cut -= 1
                lines.append(word[:cut] + "-")
                word = word[cut:]
            line = word
        if line:
            lines.append(line)
    return lines or [""]


def fit(text, measure_for_size, width, height, max_size, min_size, leading=1.2):
    """(size, lines) so that the lines fit in width × height. At `min_size` the text is cut
    with an ellipsis rather than overflowing."""
    size = max_size
    while True:
        measure = measure_for_size(size)
        lines = wrap(text, measure, width)
        if len(lines) * size * leading <= height or size <= min_size:
            break
        size = max(min_size, int(size * 0.9))
    max_lines = max(1, int(height // (size * leading)))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and measure(last + "…") > width:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    return size, lines


def one_line_size(text, measure_for_size, width, max_size):
    """The largest size, up to `max_size`, at which `text` fits `width` on one line. Links are
    never wrapped nor hyphenated: a reader types exactly what is printed."""
    at_one = measure_for_size(1)(text) or 1
    return min(max_size, width / at_one)


def printed_link(url):
    """What is printed for a reader to type: the address without its scheme."""
    return url.split("://", 1)[-1]


def pil_measure(path):
    def for_size(size):
        font = ImageFont.truetype(path, size)
        return lambda s: font.getlength(s)

    return for_size


def cover(image, size):
    return ImageOps.fit(image.convert("RGB"), size, method=Image.Resampling.LANCZOS)


def qr_image(url, pixels):
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB").resize((pixels, pixels), Image.Resampling.NEAREST)


def draw_text_box(draw, text, box, font_path, max_size, min_size, fill):
    left, top, width, height = box
    size, lines = fit(text, pil_measure(font_path), width, height, max_size, min_size)
    font = ImageFont.truetype(font_path, size)
    y = top
    for line in lines:
        draw.text((left, y), line, font=font, fill=fill)
        y += size * 1.2
    return top + len(lines) * size * 1.2


def social_image(visual, size, headline, cta, link):
    width, height = size
    image = cover(visual, size)
    margin = int(width * 0.06)
    # Text panel: the bottom half in landscape, the bottom 45 % otherwise.
    panel_top = int(height * (0.45 if width > height else 0.55))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, panel_top, width, height), fill=INK)
    footer = int(height * 0.09)
    text_width = width - 2 * margin
    bottom = draw_text_box(
        draw,
        headline,
        (margin, panel_top + margin // 2, text_width, int((height - panel_top) * 0.55)),
        FONT_BOLD,
        max_size=int(width * 0.075),
        min_size=18,
        fill=WHITE,
    )
    draw_text_box(
        draw,
        cta,
        (margin, bottom + margin // 3, text_width, height - footer - bottom - margin // 2),
        FONT_REGULAR,
        max_size=int(width * 0.045),
        min_size=14,
        fill=ACCENT,
    )
    text = printed_link(link)
    size = int(one_line_size(text, pil_measure(FONT_BOLD), text_width, int(width * 0.04)))
    draw.text((margin, height - footer), text, font=ImageFont.truetype(FONT_BOLD, size), fill=WHITE)
    return image
