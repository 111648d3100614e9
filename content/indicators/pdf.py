"""The yearly report as a PDF (reportlab): for the steering committee and the funders, who
read it printed or attached to an e-mail. Each figure: its title, a bar chart and its table."""

import io

from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

PRIMARY = colors.HexColor("#00607f")


def _chart(figure, width):
    rows = [row for row in figure.rows if row.value is not None]
    height = 18 * max(1, len(rows)) + 20
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 10
    chart.width, chart.height = width - 190, height - 20
    chart.data = [[row.value for row in reversed(rows)] or [0]]
    chart.categoryAxis.categoryNames = [row.label[:28] for row in reversed(rows)]
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = PRIMARY
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


def yearly_pdf(year, period, figures):
    buffer = io.BytesIO()
    title = _("Bilan %(year)s – Cap Numérique") % {"year": year}
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="Cap Numérique",
        lang="fr-FR",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    styles = getSampleStyleSheet()
    story = [
        Paragraph(title, styles["Title"]),
        Paragraph(
            _(
                "Chiffres %(period)s, réunis à partir des comptes rendus, de l'agenda, des "
                "campagnes et de l'annuaire des lieux. Des nombres seulement, aucune donnée "
                "personnelle."
            )
            % {"period": period},
            styles["Normal"],
        ),
        Spacer(1, 0.5 * cm),
    ]
    width = A4[0] - 4 * cm
    for figure in figures:
        block = [Paragraph(figure.title, styles["Heading2"])]
        if figure.rows:
            block.append(_chart(figure, width))
            data = [[_("Catégorie"), figure.unit.capitalize()]] + [
                [Paragraph(row.label, styles["Normal"]), "" if row.value is None else row.value]
                for row in figure.rows
            ]
            if len(figure.rows) > 1:
                data.append([_("Total"), figure.total])
            table = Table(data, colWidths=[width * 0.7, width * 0.3])
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ]
                )
            )
            block.append(table)
        else:
            block.append(Paragraph(_("Aucune donnée sur cette période."), styles["Normal"]))
        if figure.source or figure.note:
            block.append(Paragraph(f"{figure.source} {figure.note}".strip(), styles["Italic"]))
        story.append(KeepTogether(block))
        story.append(Spacer(1, 0.4 * cm))
    document.build(story)
    return buffer.getvalue()
