"""Staff CSV exports go through the site's one French spreadsheet writer (content.spreadsheet,
issue 16). Until it is on main, the same rules here: `;`, UTF-8 with BOM, dates jj/mm/aaaa,
text cells neutralised against formulas (OWASP)."""

try:
    from content.spreadsheet import csv_response
except ImportError:  # pragma: no cover - removed once content.spreadsheet has landed
    import csv
    import datetime

    from django.http import HttpResponse
    from django.utils.encoding import force_str
    from django.utils.text import slugify

    def _cell(value):
        if value is None:
            return ""
        if isinstance(value, int):
            return str(value)
        if isinstance(value, datetime.date):
            return value.strftime("%d/%m/%Y")
        text = force_str(value)
        return "'" + text if text.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) else text

    def csv_response(filename, headings, rows):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{slugify(filename)}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
        writer.writerow([_cell(h) for h in headings])
        for row in rows:
            writer.writerow([_cell(v) for v in row])
        return response


__all__ = ["csv_response"]
