"""Small text helpers shared by the query code (no database access)."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
# More words than this add nothing to a visitor's search and blow up the backends' query
# parsers (FTS5's stack, the nested And/Or of the PostgreSQL query): see docs/resilience.md.
MAX_QUERY_WORDS = 10
_CAP_WORD_RE = re.compile(r"\w+", re.UNICODE)
_WORD_RE = re.compile(r"[\w'’-]+", re.UNICODE)


class _FoldedChars(dict):
    """{code point: the character without its accents}, filled as characters are met, for
    str.translate: the same result as NFKD then dropping the combining marks (decomposition
    is per character, and canonical reordering only moves the marks dropped), without a
    Python step per character (excerpts fold whole page texts)."""

    def __missing__(self, code):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLDED = _FoldedChars()


def strip_accents(text):
    if text.isascii():
        return text
    return text.translate(_FOLDED)


def normalise_term(text):
    """Lower case, no accents, typographic apostrophes folded: used to compare terms."""
    return strip_accents(text).lower().replace("’", "'").strip()


def clean_query(raw):
    """The visitor's query, made safe to hand to any backend: NFKC-normalised first (a
    character may expand into several words, so the caps come after), control characters
    dropped, whitespace collapsed, length and number of words capped (a 5 000-character
    query is cut, not refused)."""
    if not raw:
        return ""
    # Normalising an unbounded input is linear but keep the work bounded all the same.
    text = unicodedata.normalize("NFKC", str(raw)[: MAX_QUERY_LENGTH * 4])
    text = "".join(c if c.isprintable() else " " for c in text)
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    return cap_words(text).strip()


def cap_words(text, limit=MAX_QUERY_WORDS):
    """`text` cut after its `limit`-th word (words as the backends' tokenizers see them)."""
    for number, match in enumerate(_CAP_WORD_RE.finditer(text), start=1):
        if number == limit:
            return text[: match.end()]
    return text


def words(text):
    """The words of a query, punctuation (SQL, HTML, FTS operators) dropped."""
    return [w.strip("'’-") for w in _WORD_RE.findall(text) if w.strip("'’-")]


MIN_WORD = 2
_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(text):
    """The words of a query the backend is given (two letters or more, or a number)."""
    return [w for w in _WORD.findall(text) if len(w) >= MIN_WORD or w.isdigit()]
