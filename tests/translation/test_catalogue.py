"""The English catalogue (site/locale/en) translates every interface string of the sources:
nothing untranslated, nothing fuzzy (msgfmt leaves fuzzy entries out, so they would show in
French), and no msgid of a fresh extraction missing from it. The French catalogue carries
every counted text with its two forms (tests/test_catalogue.py checks their values)."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

LOCALE = Path(settings.LOCALE_PATHS[0])
EN_PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
FR_PO = LOCALE / "fr" / "LC_MESSAGES" / "django.po"
# The Makefile's `messages` target ignores the same folders; */locale keeps a fresh
# extraction from finding site/locale (makemessages writes into every locale folder it meets).
IGNORED = [".venv", "node_modules", "bench", "tests", "*/demo_data", "*/locale", "capnum"]
PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{\w+\}")


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The msgids of the sources now: makemessages into an empty folder (about 5 s)."""
    out = tmp_path_factory.mktemp("locale")
    before = {po: po.stat().st_mtime_ns for po in LOCALE.glob("*/LC_MESSAGES/django.po")}
    cwd = Path.cwd()
    try:
        import os

        os.chdir(settings.BASE_DIR)
        with override_settings(LOCALE_PATHS=[out]):
            call_command(
                "makemessages",
                locale=["en"],
                no_obsolete=True,
                no_location=True,
                ignore_patterns=IGNORED,
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    # The committed catalogues were not touched.
    assert {po: po.stat().st_mtime_ns for po in before} == before
    fresh = polib.pofile(str(out / "en" / "LC_MESSAGES" / "django.po"))
    assert len(fresh) > 1000
    return {key(entry) for entry in fresh}


@pytest.fixture(scope="module")
def english():
    return polib.pofile(str(EN_PO))


def test_the_english_catalogue_header_is_english_and_not_fuzzy(english):
    assert english.metadata["Language"] == "en"
    assert english.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert not english.metadata_is_fuzzy  # msgfmt would drop the header and its plural rule


def test_every_english_entry_is_translated_and_none_is_fuzzy(english):
    untranslated = [e.msgid for e in english.untranslated_entries()]
    fuzzy = [e.msgid for e in english.fuzzy_entries()]
    empty_plural = [
        e.msgid for e in english if e.msgid_plural and not all(e.msgstr_plural.values())
    ]
    assert (untranslated, fuzzy, empty_plural) == ([], [], [])
    assert len(english) > 1000


def test_every_msgid_of_the_sources_is_in_the_english_catalogue(extracted, english):
    missing = sorted(str(k) for k in extracted - {key(e) for e in english})
    assert missing == [], (
        f"{len(missing)} msgid(s) missing from {EN_PO}: run `make messages` and translate them"
    )


def test_every_counted_text_of_the_sources_has_its_french_forms(extracted):
    catalogue = polib.pofile(str(FR_PO))
    # makemessages guesses a new msgid from a close one (fuzzy, with that one's text):
    # left in, the guess misleads the next reader and hides a missing plural form.
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    french = {key(e): e for e in catalogue}
    missing = [
        k[1]
        for k in extracted
        if k[2] and not all(french.get(k, polib.POEntry()).msgstr_plural.values() or [""])
    ]
    assert missing == [], "run `make messages`; French plural entries repeat msgid and msgid_plural"


def test_translations_keep_the_placeholders_of_their_msgid(english):
    wrong = []
    for entry in english:
        pairs = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            pairs = [
                (entry.msgid, entry.msgstr_plural[0]),
                (entry.msgid_plural, entry.msgstr_plural[1]),
            ]
        for source, text in pairs:
            if sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(text))):
                wrong.append((source, text))
    assert wrong == []


def test_the_compiled_english_catalogue_is_the_one_read():
    """compilemessages ran (tests/conftest.py compiles a .po newer than its .mo)."""
    with translation.override("en"):
        assert translation.gettext("Aller au contenu") == "Skip to content"
        assert [
            translation.ngettext("%(counter)s lieu", "%(counter)s lieux", n) % {"counter": n}
            for n in (0, 1, 2)
        ] == ["0 places", "1 place", "2 places"]


def test_translation_functions_are_imported_under_names_xgettext_knows():
    """`gettext as _t` hid strings from makemessages: xgettext only knows the usual names."""
    known = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext"}
    known |= {"pgettext_lazy", "npgettext", "npgettext_lazy", "gettext_noop"}
    alias = re.compile(r"from django\.utils\.translation import .*\b\w*gettext\w* as (\w+)")
    wrong = []
    for source in Path(settings.BASE_DIR).glob("*/**/*.py"):
        if source.parts[len(Path(settings.BASE_DIR).parts)] in (".venv", "node_modules", "tests"):
            continue
        for name in alias.findall(source.read_text(encoding="utf-8")):
            if name not in known:
                wrong.append(f"{source.relative_to(settings.BASE_DIR)}: {name}")
    assert wrong == []
