"""The French message catalogue: French counts 0 and 1 in the singular (« 0 résultat »), which
gettext only does with the catalogue's plural rule, so every counted text needs its two forms
there (an entry left empty falls back to the English rule: « 0 résultats »)."""

from pathlib import Path

from django.conf import settings
from django.utils import translation

PO = Path(settings.LOCALE_PATHS[0]) / "fr" / "LC_MESSAGES" / "django.po"


def entries(text):
    return [block for block in text.split("\n\n") if "msgid" in block]


def test_french_catalogue_header_carries_the_plural_rule_and_is_not_fuzzy():
    header = entries(PO.read_text(encoding="utf-8"))[0]
    assert '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' in header
    assert "#, fuzzy" not in header  # msgfmt drops a fuzzy header, and the rule with it


def strings(block, key):
    """The text of `key` (`msgid`, `msgstr[0]`...) in a catalogue entry, continuation lines
    joined."""
    out, inside = [], False
    for line in block.splitlines():
        if line.startswith(key + " "):
            inside, line = True, line[len(key) + 1 :]
        elif not line.startswith('"'):
            inside = False
        if inside:
            out.append(line[1:-1].encode().decode("unicode_escape").encode("latin-1").decode())
    return "".join(out)


def test_every_plural_entry_has_both_french_forms():
    plural = [b for b in entries(PO.read_text(encoding="utf-8")) if "msgid_plural" in b]
    assert len(plural) >= 20
    for block in plural:
        assert strings(block, "msgstr[0]") == strings(block, "msgid"), block
        assert strings(block, "msgstr[1]") == strings(block, "msgid_plural"), block
        singular, many = strings(block, "msgid"), strings(block, "msgid_plural")
        with translation.override("fr"):  # the compiled catalogue is the one read
            assert translation.ngettext(singular, many, 0) == singular


def test_zero_takes_the_singular_in_french():
    with translation.override("fr"):
        assert translation.ngettext("%(n)s leçon", "%(n)s leçons", 2) == "%(n)s leçons"
        texts = [
            translation.ngettext("environ %(minutes)s minute", "environ %(minutes)s minutes", n)
            % {"minutes": n}
            for n in (0, 1, 2)
        ]
    assert texts == ["environ 0 minute", "environ 1 minute", "environ 2 minutes"]
