"""English pages show no French interface string: several page types are copied to English
and published (as a translator would, parents first), rendered under /en/, and every text
node and every visible attribute outside the editors' content is compared with the French
msgids of the catalogue. Text in French is allowed only under lang="fr"."""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

pytestmark = pytest.mark.django_db

EN_PO = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
# French pages of several types (URL path in the demo), translated with their ancestors.
PAGES = [
    "/se-former/premiers-pas/creer-une-adresse-e-mail/",  # lesson (steps, quiz, glossary)
    "/se-former/premiers-pas/",  # learning path
    "/se-former/",  # learning index
    "/agenda/cafe-numerique/",  # event with dates and registration
    "/campagnes/safer-internet-day-2026/",  # campaign
    "/alertes-arnaques/faux-sms-ameli/",  # scam alert
    "/comprendre-l-ia/l-ia-et-mes-donnees-personnelles/",  # AI explainer
    "/guides-pratiques/guichet-unique-inpi-modifier-son-entreprise/",  # tool guide
    "/interventions-scolaires/dangers-d-internet-6e/",  # school module
    "/accessibilite/",  # standard page
    "/lieux/",  # directory of places (its places are served below it)
    "/agenda/",  # event index
    "/campagnes/",  # campaign index
]
# Views of the site under /en/ that are not pages of the tree, plus the listings above.
VIEWS = [
    "/en/recherche/?q=courriel",
    "/en/recherche/?q=zzzzqqq",
    "/en/compte-rendu-de-seance/",
    "/en/cette-page-n-existe-pas/",
    "/en/lieux/centre-social-de-wimereux-wimereux/",
    "/en/lieux/?service=aide-aux-demarches-administratives&pres=62643",
]
ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "aria-description", "value"}
SKIPPED = {"script", "style", "template"}
PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{\w+\}")


class Texts(HTMLParser):
    """Text nodes and visible attributes, each with the language it is declared in."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, lang)
        self.found = []  # (text, lang, where)

    @property
    def lang(self):
        return self.stack[-1][1] if self.stack else None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or self.lang
        for name, value in attrs.items():
            if value and (name in ATTRIBUTES or name.startswith("data-label")):
                if name == "value" and attrs.get("type") not in ("submit", "button", "reset"):
                    continue
                self.found.append((value, lang, f"<{tag} {name}>"))
        if tag not in self.VOID:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if any(tag in SKIPPED for tag, _ in self.stack):
            return
        if self.stack and self.stack[-1][0] == "mark":
            return  # a search result's highlighted word: a piece of an editor's text
        text = " ".join(data.split())
        if text:
            self.found.append((text, self.lang, f"<{self.stack[-1][0] if self.stack else ''}>"))


def french_msgids():
    """Patterns of the catalogue's French texts that English changes (« Total », « Flyer »
    are the same in both, and not French interface then). A placeholder matches anything."""
    patterns = []
    for entry in polib.pofile(str(EN_PO)):
        pairs = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            pairs = [
                (entry.msgid, entry.msgstr_plural[0]),
                (entry.msgid_plural, entry.msgstr_plural[1]),
            ]
        for french, english in pairs:
            if french == english:
                continue
            # A text node is one side of the msgid's inline markup: each piece on its own.
            for piece in re.split(r"<[^>]+>", french.replace("%%", "%")):
                piece = " ".join(piece.split())
                if not re.search(r"[^\W\d_]{2}", re.sub(PLACEHOLDER, "", piece)):
                    continue
                patterns.append(
                    "".join(
                        ".+?" if PLACEHOLDER.fullmatch(part) else re.escape(part)
                        for part in re.split(f"({PLACEHOLDER.pattern})", piece)
                        if part
                    )
                )
    return re.compile("|".join(f"(?:{p})" for p in sorted(set(patterns), key=len, reverse=True)))


def content_corpus():
    """Every string editors wrote: the translatable segments of every page and snippet (what
    a translator translates), page titles and descriptions. Text nodes found in it are the
    editors' content, not the interface."""
    strings = []
    for page in Page.objects.filter(depth__gt=1).specific():
        strings += [page.title, page.seo_title, page.search_description]
        strings += segment_texts(page)
    for model in get_snippet_models():
        for snippet in model.objects.all():
            strings.append(str(snippet))
            if isinstance(snippet, TranslatableMixin):
                strings += segment_texts(snippet)
    return {" ".join(s.split()) for s in strings if s and s.strip()}


def segment_texts(instance):
    texts = []
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            texts.append(segment.render_text())
            texts += re.split(r"<[^>]+>", segment.render_html())
    return texts


def translate_with_ancestors(path, english):
    page = Page.objects.get(url_path=f"/accueil{path}")
    published = []
    for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=2).specific():
        translation = ancestor.get_translation_or_none(english)
        if translation is None:
            translation = ancestor.copy_for_translation(english)
        if translation.alias_of_id or not translation.live:
            translation.specific.save_revision().publish()
        published.append(translation)
    return published[-1]


@pytest.fixture
def english_pages(home):
    from content.models import Place

    english = Locale.objects.get(language_code="en")
    for place in Place.objects.filter(locale__language_code="fr"):  # snippets, as translated
        place.copy_for_translation(english).save()
    return [translate_with_ancestors(path, english) for path in PAGES]


def is_content(text, corpus):
    """Exactly an editor's string (or one piece of it between inline tags); a long text
    may also be part of one (a sentence of a paragraph)."""
    return text in corpus or (len(text) >= 40 and any(text in s for s in corpus))


def french_interface(html, patterns, corpus):
    parser = Texts()
    parser.feed(html)
    problems = []
    for text, lang, where in parser.found:
        if lang == "fr" or is_content(text, corpus):
            continue
        if patterns.fullmatch(text):
            problems.append(f"{where} {text!r}")
    return problems


def test_english_pages_show_no_french_interface_string(client, english_pages):
    patterns = french_msgids()
    corpus = content_corpus()
    urls = [page.get_url() for page in english_pages] + VIEWS + ["/en/"]
    problems = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if "n-existe-pas" in url else 200), url
        html = response.content.decode()
        assert re.search(r'<html lang="en"', html), url
        found = french_interface(html, patterns, corpus)
        if found:
            problems[url] = found
    assert problems == {}
    assert len(urls) >= 15


def test_the_french_bits_of_an_english_page_carry_lang_fr(client, english_pages):
    lesson = english_pages[0]
    html = client.get(lesson.get_url()).content.decode()
    french = Page.objects.get(translation_key=lesson.translation_key, locale__language_code="fr")
    assert re.search(
        rf'<a href="{re.escape(french.get_url())}" hreflang="fr" lang="fr">Français</a>', html
    )


def test_the_check_finds_a_french_interface_string():
    """The comparison is not blind: the French interface under lang="en" is reported, the
    same text under lang="fr" or written by an editor is not."""
    patterns = french_msgids()
    page = (
        '<html lang="en"><body><a href="#contenu">Aller au contenu</a>'
        '<p>Leçon 2 sur 5</p><p lang="fr">Aller au contenu</p>'
        '<button aria-label="Menu principal">x</button><p>Accueil</p></body></html>'
    )
    assert french_interface(page, patterns, corpus={"Accueil"}) == [
        "<a> 'Aller au contenu'",
        "<p> 'Leçon 2 sur 5'",
        "<button aria-label> 'Menu principal'",
    ]


def test_hours_and_dates_follow_the_language():
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    from content.places.hours import format_time

    moment = datetime.datetime(2027, 1, 21, 17, 30)
    when = Template('{% include "campaigns/events/_occurrence_when.html" %}')

    class Occurrence:
        start = moment
        end = moment + datetime.timedelta(hours=2)

    texts = {}
    for language in ("fr", "en"):
        with translation.override(language):
            texts[language] = (
                format_time(moment),
                format_time(moment.replace(minute=0)),
                " ".join(when.render(Context({"occurrence": Occurrence})).split()),
            )
    assert texts["fr"][:2] == ("17 h 30", "17 h")
    assert texts["en"][:2] == ("17:30", "17:00")
    assert texts["fr"][2].endswith("jeudi 21 janvier 2027</time>, de 17h30 à 19h30")
    assert texts["en"][2].endswith("Thursday 21 January 2027</time>, from 17:30 to 19:30")


ADMIN_VIEWS = [
    ("wagtailadmin_home", []),
    ("content_checks", []),
    ("translation_status", []),
    ("feedback_report", []),
    ("places_admin_import", []),
    ("places_admin_stale", []),
    ("indicators_dashboard", []),
    ("session_report_summary", []),
    ("capnum_lockouts", []),
]


def test_an_editor_who_chose_english_reads_the_admin_in_english(admin_client, admin_user):
    """The site's admin panels, help texts and reports, for an editor whose account says
    English: none of the French msgids outside the content being edited."""
    from django.urls import reverse
    from wagtail.users.models import UserProfile

    from lessons.models import LessonPage

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    patterns = french_msgids()
    corpus = content_corpus()
    lesson = LessonPage.objects.filter(locale__language_code="fr").first()
    urls = [reverse(name, args=args) for name, args in ADMIN_VIEWS] + [
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        reverse("wagtailadmin_pages:edit", args=[lesson.get_parent().pk]),
    ]
    problems = {}
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        found = french_interface(response.content.decode(), patterns, corpus)
        if found:
            problems[url] = found
    assert problems == {}
