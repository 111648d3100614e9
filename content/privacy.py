"""Personal data a visitor may type, masked before it is stored: e-mail addresses and French
phone numbers. Used by the search log (docs/search.md « Journal des recherches ») and the page
feedback comments (docs/feedback.md); shared, so it lives in content/."""

import re

EMAIL_MASK = "[courriel]"
PHONE_MASK = "[téléphone]"

# Anything@anything.tld, as loosely as people type it (spaces around @ included).
_EMAIL_RE = re.compile(r"[\w.+%-]+\s*@\s*[\w-]+(?:\.[\w-]+)*\.\w{2,}", re.UNICODE)
# French numbers: 0X then 8 digits, or +33 / 0033 (optional "(0)") then 9 digits; digits may
# be grouped by spaces, dots or hyphens (06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78,
# +33 (0)6…, 0612345678). Digits not bounded by other digits, so a year or a postcode stays.
_SEP = r"[ .\-]?"
_PHONE_RE = re.compile(
    r"(?<![\d+])"
    r"(?:(?:\+|00)\s?33" + _SEP + r"(?:\(0\)" + _SEP + r")?|0)"
    r"[1-9](?:" + _SEP + r"\d){8}"
    r"(?!\d)"
)


def mask_personal_data(text):
    """`text` with e-mail addresses and phone numbers replaced by a placeholder."""
    text = _EMAIL_RE.sub(EMAIL_MASK, text)
    return _PHONE_RE.sub(PHONE_MASK, text)
