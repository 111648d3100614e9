"""The kit's print PDFs (reportlab): the visual, the headline, the call to action, the QR code."""

import io

from .images import (
    FONT_BOLD,
    FONT_REGULAR,
    INK,
    cover,
    fit,
    one_line_size,
    printed_link,
    qr_image,
)


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
