"""French text on an English page carries lang="fr" (WCAG 3.1.2), decided from the objects'
locales and translation state (content/text_language.py), and the English demo gives the
snippets its pages show their English (content/demo_english.translate_snippets): glossary
terms, themes, audiences; the site's tagline has its English (SiteIdentity.tagline_for)."""

import pytest
from django.utils.html import escape
from wagtail.models import Locale, Site
from wagtail_localize.models import StringTranslation

from content import demo_english
from content.models import Audience, Glossary, SiteIdentity

pytestmark = pytest.mark.django_db

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
CAMPAIGN = "/campagnes/safer-internet-day-2026/"


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def load(capture, paths, monkeypatch=None, snippet_files=None):
    if snippet_files is not None:
        monkeypatch.setattr(demo_english, "snippet_po_files", lambda: snippet_files)
    with capture(execute=True):
        demo_english.load(only=paths)


def english_html(client, path, english):
    page = demo_english.french_page(path).get_translation(english)
    response = client.get(page.get_url())
    assert response.status_code == 200
    return response.content.decode()


def e_mail_term(locale):
    return Glossary.objects.get(slug="adresse-e-mail", locale=locale)


def test_the_english_lesson_shows_its_glossary_term_in_english(
    client, home, english, django_capture_on_commit_callbacks
):
    load(django_capture_on_commit_callbacks, [LESSON])
    term = e_mail_term(english)
    assert term.term == "E-mail address"
    html = english_html(client, LESSON, english)
    assert "<dfn>E-mail address</dfn>" in html
    assert f"<p>{escape(term.definition)}</p>" in html
    assert "Adresse e-mail" not in html


def test_an_untranslated_snippet_is_marked_french_until_translated(
    client, home, english, django_capture_on_commit_callbacks, monkeypatch
):
    load(django_capture_on_commit_callbacks, [LESSON], monkeypatch, snippet_files=[])
    copy = e_mail_term(english)
    assert copy.term == "Adresse e-mail"  # wagtail-localize's copy, with the French text
    html = english_html(client, LESSON, english)
    assert '<dfn lang="fr">Adresse e-mail</dfn>' in html
    assert f'<p lang="fr">{escape(copy.definition)}</p>' in html

    # The translator translates the term only (the PO import is the editor's save): the term
    # is English, the definition still French.
    from wagtail_localize.models import Translation, TranslationSource

    source = TranslationSource.objects.get_for_instance(e_mail_term(home.locale))
    translation = Translation.objects.get(source=source, target_locale=english)
    po = translation.export_po()
    po.metadata.pop("X-WagtailLocalize-TranslationID", None)
    for entry in po:
        if entry.msgid == "Adresse e-mail":
            entry.msgstr = "E-mail address"
    with django_capture_on_commit_callbacks(execute=True):
        translation.import_po(po)
        translation.save_target()
    html = english_html(client, LESSON, english)
    assert "<dfn>E-mail address</dfn>" in html
    assert f'<p lang="fr">{escape(copy.definition)}</p>' in html


def test_a_word_translated_as_itself_is_not_marked_french(
    client, home, english, django_capture_on_commit_callbacks
):
    """« Parents » is « Parents » in English: its segment is translated, so no lang="fr"
    (the text is not compared with the source's)."""
    load(django_capture_on_commit_callbacks, [CAMPAIGN])
    from wagtail_localize.operations import TranslationCreator

    parents = Audience.objects.get(slug="parents", locale=home.locale)
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(None, [english]).create_translations(parents)
        demo_english.translate_snippets()
    assert Audience.objects.get(slug="parents", locale=english).name == "Parents"
    assert StringTranslation.objects.filter(locale=english, data="Parents").exists()
    from content.text_language import language_of

    assert language_of(Audience.objects.get(slug="parents", locale=english), "name") == "en"


def test_french_snippets_an_english_page_points_to_are_marked_french(
    client, home, english, django_capture_on_commit_callbacks, monkeypatch
):
    """Many-to-many fields are copied as they are by wagtail-localize: the English campaign
    links the French audiences. Those without an English copy (the demo makes them: removed
    here) show their French names, each under lang="fr"."""
    from content.models import Audience

    # The campaigns index left untranslated: the campaign's English parent is an alias.
    files = [(url, path) for url, path in demo_english.po_files() if url != "/campagnes/"]
    monkeypatch.setattr(demo_english, "po_files", lambda: files)
    load(django_capture_on_commit_callbacks, [CAMPAIGN])
    campaign = demo_english.french_page(CAMPAIGN)
    names = [audience.name for audience in campaign.audiences.all()]
    assert names
    keys = [audience.translation_key for audience in campaign.audiences.all()]
    Audience.objects.filter(locale=english, translation_key__in=keys).delete()
    html = english_html(client, CAMPAIGN, english)
    for name in names:
        assert f'<span lang="fr">{escape(name)}</span>' in html
    # Its parent index: an alias of the French one, French title.
    assert '"fr">Campagnes de sensibilisation</a></li>' in html
    # Pages it links to that have no English yet: French titles.
    for linked in campaign.linked_pages:
        assert f'lang="fr">{escape(linked.value.title)}</a>' in html
    french_html = client.get(campaign.get_url()).content.decode()
    assert 'lang="fr"' not in french_html.split("<body", 1)[1]


def identity():
    return SiteIdentity.for_site(Site.objects.get(is_default_site=True))


def test_the_tagline_is_in_english_on_english_pages(client, home):
    assert identity().tagline_for("en")[0] == "Digital skills for everyone in the Boulonnais"
    html = client.get("/en/").content.decode()
    assert (
        '<span class="site-header__tagline">Digital skills for everyone in the Boulonnais</span>'
        in html
    )
    french = client.get("/").content.decode()
    assert (
        '<span class="site-header__tagline">Le numérique pour tous dans le Boulonnais</span>'
        in french
    )


def test_an_untranslated_tagline_is_marked_french(client, home):
    setting = identity()
    setting.tagline_translations = []
    setting.save()
    html = client.get("/en/").content.decode()
    assert (
        '<span class="site-header__tagline" lang="fr">'
        "Le numérique pour tous dans le Boulonnais</span>" in html
    )
    # The other settings' texts are never translated: French under lang="fr" in English.
    assert '<p class="site-footer__name" lang="fr">Cap Numérique</p>' in html
    assert '<span class="site-header__name" lang="fr">' in html


def test_banners_show_each_alert_in_the_page_language_or_marked_french():
    from django.utils import translation

    from campaigns.templatetags.campaign_tags import banners_for

    def banner(key, language, title):
        return {"id": title, "kind": "alert", "key": key, "language": language, "title": title}

    banners = [
        banner("k1", "en", "Fake text"),
        banner("k1", "fr", "Faux SMS"),
        banner("k2", "fr", "Faux appel"),
    ]
    with translation.override("en"):
        shown = banners_for(banners, "en")
    assert [(b["title"], b["lang"]) for b in shown] == [
        ("Fake text", ""),
        ("Faux appel", ' lang="fr"'),
    ]
    with translation.override("fr"):
        shown = banners_for(banners, "fr")
    assert [(b["title"], b["lang"]) for b in shown] == [("Faux SMS", ""), ("Faux appel", "")]


def test_the_footer_links_to_the_legal_pages_in_the_page_language(
    client, home, english, django_capture_on_commit_callbacks
):
    french = demo_english.french_page("/accessibilite/")
    html = client.get("/en/").content.decode()
    # Not translated yet: the French statement, said to be French.
    assert f'<a href="{french.url}" hreflang="fr">Accessibility: partially compliant</a>' in html
    load(django_capture_on_commit_callbacks, ["/accessibilite/"])
    translated = french.get_translation(english)
    html = client.get("/en/").content.decode()
    assert f'<a href="{translated.url}">Accessibility: partially compliant</a>' in html
    assert translated.url.startswith("/en/")
    french_html = client.get("/").content.decode()
    assert f'<a href="{french.url}">Accessibilité : partiellement conforme</a>' in french_html
