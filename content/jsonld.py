"""Structured data (schema.org JSON-LD) serialised safely for a <script> element."""

import json

from django.utils.safestring import mark_safe

# Characters that could end the script element or open a comment/CDATA section in HTML.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld(data):
    """`data` as JSON ready to go between <script type="application/ld+json"> tags: escaped so
    no value can close the element, and still valid JSON for any parser."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))
