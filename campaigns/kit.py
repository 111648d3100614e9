"""The campaign kit: social images, print PDFs, post texts and a ZIP, from one master visual.

Text is set in Roboto, installed as a Python package (`font-roboto`). Every text box is fitted:
words wrap, a word longer than the box is broken, the size shrinks down to a minimum and the
last resort is an ellipsis, so nothing ever overflows its box.
"""

import hashlib
import io
import warnings
import zipfile
from pathlib import Path

import font_roboto
import segno
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
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


# --- PDFs (reportlab) ----------------------------------------------------------------------


def _register_pdf_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Roboto-Bold" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Roboto-Bold", FONT_BOLD))
        pdfmetrics.registerFont(TTFont("Roboto", FONT_REGULAR))


def print_pdf(page_size, visual, headline, cta, link, title):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _register_pdf_fonts()
    width, height = page_size
    margin = width * 0.07
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=page_size)
    pdf.setTitle(title)
    pdf.setAuthor("Cap Numérique")
    # Top half: the visual, cropped to fit (150 dpi is plenty for print at this size).
    visual_height = height * 0.5
    pixels = (int(width / 72 * 150), int(visual_height / 72 * 150))
    pdf.drawImage(
        ImageReader(cover(visual, pixels)), 0, height - visual_height, width, visual_height
    )

    def measure_for(font):
        return lambda size: lambda s: stringWidth(s, font, size)

    y = height - visual_height - margin
    text_width = width - 2 * margin
    size, lines = fit(
        headline, measure_for("Roboto-Bold"), text_width, height * 0.2, width * 0.08, 10
    )
    pdf.setFillColorRGB(*(c / 255 for c in INK))
    pdf.setFont("Roboto-Bold", size)
    for line in lines:
        y -= size
        pdf.drawString(margin, y, line)
        y -= size * 0.2
    size, lines = fit(cta, measure_for("Roboto"), text_width, height * 0.08, width * 0.045, 8)
    pdf.setFont("Roboto", size)
    y -= margin / 3
    for line in lines:
        y -= size
        pdf.drawString(margin, y, line)
        y -= size * 0.2
    # QR code and short link at the bottom: the link on one line beside the code, or under it
    # across the whole width when it would print too small beside it.
    qr_side = width * 0.28
    qr = qr_image(link, 600)
    text = printed_link(link)
    beside = text_width - qr_side - margin / 2
    size = one_line_size(text, measure_for("Roboto-Bold"), beside, 18)
    if size >= 10:
        qr_y, tx, ty = margin, margin + qr_side + margin / 2, margin + qr_side / 2
    else:
        size = one_line_size(text, measure_for("Roboto-Bold"), text_width, 18)
        qr_y, tx, ty = margin + size * 2, margin, margin
    pdf.drawImage(ImageReader(qr), margin, qr_y, qr_side, qr_side)
    pdf.setFont("Roboto-Bold", size)
    pdf.drawString(tx, ty, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# --- Post texts ----------------------------------------------------------------------------

NETWORKS = [
    ("facebook", "Facebook", 63206),
    ("instagram", "Instagram", 2200),
    ("linkedin", "LinkedIn", 3000),
    ("mastodon", "Mastodon", 500),
]


def post_texts(campaign, links, plain):
    """One text per network, each with that network's own short link; a network without one
    gets the campaign's plain address (counted as a direct visit), never another channel's."""
    posts = []
    for key, label, limit in NETWORKS:
        link = links.get(key) or plain
        if key == "instagram":
            text = (
                f"{campaign.headline}\n\n{campaign.key_message}\n\n"
                f"{campaign.cta_label} : lien en bio."
            )
        elif key == "mastodon":
            text = f"{campaign.headline}\n\n{campaign.cta_label} : {link}"
        else:
            text = f"{campaign.headline}\n\n{campaign.key_message}\n\n{campaign.cta_label} : {link}"
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        posts.append(
            {
                "network": key,
                "label": label,
                "text": text,
                "count": len(text),
                "limit": limit,
                "link": link,
            }
        )
    return posts


# --- Generation ----------------------------------------------------------------------------


def channel_links(campaign):
    """{channel: short URL} for the channels the campaign has a short link for (the first one
    when a channel has several)."""
    links = {}
    for link in campaign.short_links.all():
        links.setdefault(link.channel, link.short_url)
    return links


def plain_link(campaign):
    return campaign.full_url or ""


# The sizes each network uses. A network with its own short link gets its own images; the
# others share one set carrying the campaign's plain address.
SOCIAL_CHANNELS = {
    "facebook": ["carre", "paysage"],
    "instagram": ["carre", "story"],
    "linkedin": ["paysage"],
}


def kit_signature(campaign):
    links = channel_links(campaign)
    parts = [
        str(campaign.kit_visual.file.name if campaign.kit_visual_id else ""),
        campaign.headline,
        campaign.cta_label,
        campaign.key_message,
        repr(sorted(links.items())),
        plain_link(campaign),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def placeholder_visual():
    """A plain visual in the site's colours when no master visual is chosen."""
    image = Image.new("RGB", (1600, 1600), INK)
    draw = ImageDraw.Draw(image)
    for i in range(0, 1600, 200):
        draw.ellipse((i - 300, i - 300, i + 300, i + 300), outline=ACCENT, width=18)
    return image


def load_visual(campaign):
    if not campaign.kit_visual_id:
        return placeholder_visual()
    with campaign.kit_visual.open_file() as handle:
        validate_master_visual(handle)
        image = Image.open(handle)
        image.load()
    return image


def kit_path(campaign_id, name):
    return f"campaign-kits/{campaign_id}/{name}"


def generate_kit(campaign):
    from .models import CampaignKit

    visual = load_visual(campaign)
    links = channel_links(campaign)
    plain = plain_link(campaign)
    slug = campaign.slug
    files = {}
    channels = {}

    def add(name, data, channel, link):
        files[name] = data
        channels[name] = {"channel": channel, "link": link}

    def png(size, link):
        image = social_image(
            visual, SOCIAL_SIZES[size], campaign.headline, campaign.cta_label, link
        )
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=True)
        return buffer.getvalue()

    def size_name(key):
        width, height = SOCIAL_SIZES[key]
        return f"{key}-{width}x{height}"

    for channel, sizes in SOCIAL_CHANNELS.items():
        if channel in links:
            for key in sizes:
                add(
                    f"{slug}-{channel}-{size_name(key)}.png",
                    png(key, links[channel]),
                    channel,
                    links[channel],
                )
    if any(channel not in links for channel in SOCIAL_CHANNELS):
        for key in SOCIAL_SIZES:
            add(f"{slug}-{size_name(key)}.png", png(key, plain), "", plain)
    from reportlab.lib.pagesizes import A4, A5

    for channel, page_size, name in [("affiche", A4, "affiche-A4"), ("flyer", A5, "flyer-A5")]:
        link = links.get(channel, plain)
        pdf = print_pdf(
            page_size, visual, campaign.headline, campaign.cta_label, link, campaign.title
        )
        add(f"{slug}-{name}.pdf", pdf, channel if channel in links else "", link)
    posts = post_texts(campaign, links, plain)
    files[f"{slug}-textes.txt"] = "\n\n".join(
        f"== {p['label']} ({p['count']} / {p['limit']} caractères) ==\n{p['text']}" for p in posts
    ).encode()
    zip_buffer = io.BytesIO()
    with zipfile.ZipFile(zip_buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    files[f"{slug}-kit.zip"] = zip_buffer.getvalue()

    entries = []
    for name, data in files.items():
        path = kit_path(campaign.pk, name)
        if default_storage.exists(path):
            default_storage.delete(path)
        default_storage.save(path, ContentFile(data))
        entries.append({"name": name, "size": len(data), **channels.get(name, {})})
    kit, _created = CampaignKit.objects.update_or_create(
        campaign=campaign,
        defaults={
            "signature": kit_signature(campaign),
            "generated_at": timezone.now(),
            "files": entries,
            "posts": posts,
        },
    )
    return kit


def kit_is_stale(campaign):
    from .models import CampaignKit

    kit = CampaignKit.objects.filter(campaign=campaign).first()
    return kit is None or kit.signature != kit_signature(campaign)
