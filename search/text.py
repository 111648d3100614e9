"""Small text helpers shared by the query code (no database access)."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
_WORD_RE = re.compile(r"[\w'’-]+", re.UNICODE)


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_term(text):
    """Lower case, no accents, typographic apostrophes folded: used to compare terms."""
    return strip_accents(text).lower().replace("’", "'").strip()


def clean_query(raw):
    """The visitor's query, made safe to hand to any backend: control characters dropped,
    whitespace collapsed, length capped (a 5 000-character query is cut, not refused)."""
    if not raw:
        return ""
    text = "".join(c if c.isprintable() else " " for c in str(raw))
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip()


def words(text):
    """The words of a query, punctuation (SQL, HTML, FTS operators) dropped."""
    return [w.strip("'’-") for w in _WORD_RE.findall(text) if w.strip("'’-")]
