"""The checks every page needs, registered by content/wagtail_hooks.py, and the sentence
measure the easy-to-read checks use (lessons registers that one for its easy-to-read
versions)."""

import html
import re

from django.utils.translation import gettext as _

from . import Finding

# Longer sentences are hard for the readers of easy-to-read versions (European easy-to-read
# rules: short sentences, one idea each).
MAX_WORDS = 20
# All-caps words a reader knows without explanation. Kept short on purpose: everything else
# gets an <abbr> or a glossary term on the page.
KNOWN_ABBREVIATIONS = {"SMS", "PDF", "PNG", "OK", "TV", "USB", "PC", "GPS", "QR", "CEDEX"}

ABBREVIATION = re.compile(r"(?<![\w@./-])[A-ZÀ-ÖØ-Þ]{2,6}(?![\w@/-])")
SPELLED_OUT_AFTER = re.compile(r"(?<![\w@./-])([A-ZÀ-ÖØ-Þ]{2,6}) \(\w[^()]*\s\w[^()]*\)")
SPELLED_OUT_BEFORE = re.compile(r"\w\w+ \(([A-ZÀ-ÖØ-Þ]{2,6})\)")
ABBR_ELEMENT = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|blockquote|td|th)>|<br\s*/?>", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
WORD = re.compile(r"\w", re.UNICODE)


def plain(text):
    """The words of a text piece, tags dropped, block ends kept as line breaks."""
    if text.html:
        value = BLOCK_END.sub("\n", text.value or "")
        return html.unescape(TAG.sub("", value))
    return text.value or ""


def sentences(text):
    for sentence in SENTENCE_END.split(plain(text)):
        sentence = " ".join(sentence.split())
        if sentence:
            yield sentence


def word_count(sentence):
    return sum(1 for token in re.split(r"[\s'’]+", sentence) if WORD.search(token))


def long_sentences(page, scan):
    """One finding per sentence over MAX_WORDS words."""
    for text in scan.texts:
        for sentence in sentences(text):
            count = word_count(sentence)
            if count > MAX_WORDS:
                yield Finding(
                    page,
                    "long_sentence",
                    _("Phrase trop longue pour une version facile à lire"),
                    _("%(count)d mots (%(max)d au plus), %(where)s : « %(sentence)s »")
                    % {
                        "count": count,
                        "max": MAX_WORDS,
                        "where": text.where,
                        "sentence": _shorten(sentence),
                    },
                )


def _shorten(sentence, words=12):
    parts = sentence.split()
    return sentence if len(parts) <= words else " ".join(parts[:words]) + " …"


def _glossary_terms(scan, context):
    return [
        context.snippets[key].term
        for key in scan.snippets
        if key[0] == "content.Glossary" and key in context.snippets
    ]


def abbreviations(page, scan, context):
    """All-caps words of 2 to 6 letters with no <abbr>, no glossary term on the page and not
    spelled out in brackets beside one of their uses."""
    explained = set(KNOWN_ABBREVIATIONS)
    for text in scan.texts:
        if text.html:
            for inside in ABBR_ELEMENT.findall(text.value or ""):
                explained.update(ABBREVIATION.findall(html.unescape(TAG.sub("", inside))))
    for term in _glossary_terms(scan, context):
        explained.update(ABBREVIATION.findall(term))
    words = "\n".join(plain(text) for text in scan.texts)
    # Spelled out where it is used: « CAF (caisse d'allocations familiales) » or
    # « caisse d'allocations familiales (CAF) ».
    explained.update(SPELLED_OUT_AFTER.findall(words))
    explained.update(SPELLED_OUT_BEFORE.findall(words))
    seen = {}
    for text in scan.texts:
        value = ABBR_ELEMENT.sub(" ", text.value or "") if text.html else text.value
        for token in ABBREVIATION.findall(plain(type(text)(text.where, value, text.html))):
            if token not in explained and token not in seen:
                seen[token] = text.where
    for token, where in seen.items():
        yield Finding(
            page,
            "abbreviation",
            _("Sigle non expliqué"),
            _(
                "« %(token)s » (%(where)s) : expliquez-le avec un terme du glossaire sur la "
                "page ou une abréviation (<abbr>)."
            )
            % {"token": token, "where": where},
        )


def _outdated_names(context):
    if "outdated_names" not in context.extra:
        from content.models import OutdatedName

        context.extra["outdated_names"] = [
            (
                name,
                re.compile(rf"(?<!\w){re.escape(name.old_name)}(?!\w)", re.IGNORECASE),
                re.compile(rf"(?<!\w){re.escape(name.new_name)}(?!\w)"),
            )
            for name in OutdatedName.objects.all()
        ]
    return context.extra["outdated_names"]


def outdated_names(page, scan, context):
    """Old names of renamed services. « France Travail (ex-Pôle emploi) » is fine: a text piece
    that also gives the new name is explaining the change, not using the old name."""
    found = {}
    for text in scan.texts:
        words = plain(text)
        for name, old, new in _outdated_names(context):
            if old.search(words) and not new.search(words):
                found.setdefault(name.pk, (name, text.where))
    for name, where in found.values():
        yield Finding(
            page,
            "outdated_name",
            _("Appellation dépassée"),
            _("« %(old)s » (%(where)s) s'appelle « %(new)s »%(since)s.")
            % {
                "old": name.old_name,
                "where": where,
                "new": name.new_name,
                "since": _(" depuis %(since)s") % {"since": name.since} if name.since else "",
            },
        )


def images_without_alt(page, scan, context):
    for use in scan.images:
        image = context.images.get(use.image_id)
        if image is None:
            yield Finding(
                page,
                "image_alt",
                _("Image supprimée"),
                _("%(where)s : l'image choisie n'existe plus dans la médiathèque.")
                % {"where": use.where},
            )
            continue
        alt = use.alt_text if use.alt_text is not None else image.description
        if not use.decorative and not (alt or "").strip():
            yield Finding(
                page,
                "image_alt",
                _("Image sans texte alternatif"),
                _(
                    "« %(title)s » (%(where)s) : décrivez ce qu'elle montre, ou cochez « image "
                    "décorative » si elle n'apporte aucune information."
                )
                % {"title": image.title, "where": use.where},
            )


def broken_links(page, scan, context):
    for where, target in scan.page_links:
        if not target:
            continue
        linked = context.pages.get(target)
        if linked is None:
            yield Finding(
                page,
                "broken_link",
                _("Lien vers une page supprimée"),
                _("%(where)s : la page liée (n° %(id)s) n'existe plus.")
                % {"where": where, "id": target},
            )
        elif not linked[1]:
            yield Finding(
                page,
                "broken_link",
                _("Lien vers une page non publiée"),
                _("%(where)s : « %(title)s » n'est pas publiée, les visiteurs ne la voient pas.")
                % {"where": where, "title": linked[0]},
            )


def page_checks(page, scan, context):
    """The checks content registers for every page, as one hook."""
    yield from abbreviations(page, scan, context)
    yield from outdated_names(page, scan, context)
    yield from images_without_alt(page, scan, context)
    yield from broken_links(page, scan, context)
