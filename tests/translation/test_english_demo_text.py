"""Every English demo page (content/demo_english.py: each page with a PO file) shows no French
outside lang="fr": neither interface strings (the catalogue's French msgids, as in
test_english_interface.py) nor French content (an untranslated segment, snippet or setting).

French content is found by its words: a text node or visible attribute (alt, title,
aria-label…) of three words or more, a third of them French function words (« le »,
« pour », « dans », « vous », « de »…: words English does not use). A heuristic: French
names kept in English sentences (« Maisons France Services », « revenu de solidarité
active (income support) ») pass, a French sentence or title (« Campagnes de
sensibilisation ») does not; one or two French words (« Habitants », « La Poste ») are left
to the lang rule of content/text_language.py, tested in test_lang.py."""

import re

import pytest
from wagtail.models import Site

from content.models import SiteIdentity

from .test_english_interface import Texts, content_corpus, french_interface, french_msgids

pytestmark = pytest.mark.django_db

# French words that are not English words too (no « on », « a », « an », « me »…), and the
# elided forms (« l' », « d' », « qu' »…; not « s », « t », « m »: « site's », « don't »).
FRENCH_WORDS = {
    "à",
    "en",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "au",
    "aux",
    "et",
    "est",
    "sont",
    "être",
    "avoir",
    "été",
    "ou",
    "où",
    "mais",
    "donc",
    "car",
    "ni",
    "pour",
    "par",
    "dans",
    "avec",
    "sans",
    "sur",
    "sous",
    "chez",
    "vers",
    "entre",
    "après",
    "avant",
    "depuis",
    "pendant",
    "selon",
    "je",
    "tu",
    "il",
    "elle",
    "nous",
    "vous",
    "ils",
    "elles",
    "leur",
    "leurs",
    "lui",
    "eux",
    "moi",
    "toi",
    "se",
    "ce",
    "cet",
    "cette",
    "ces",
    "ceci",
    "cela",
    "ça",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "son",
    "sa",
    "ses",
    "notre",
    "nos",
    "votre",
    "vos",
    "qui",
    "que",
    "quoi",
    "dont",
    "quand",
    "comme",
    "très",
    "plus",
    "moins",
    "aussi",
    "bien",
    "tout",
    "tous",
    "toute",
    "toutes",
    "rien",
    "pas",
    "ne",
    "jamais",
    "déjà",
    "encore",
    "ici",
    "y",
    "faut",
    "peut",
    "doit",
    "fait",
    "ont",
    "avez",
    "êtes",
    "sommes",
    "c",
    "l",
    "d",
    "j",
    "n",
    "qu",
}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def french_words(text):
    """(French function words, words) of a text. Hyphenated names (« Boulogne-sur-Mer »)
    are one word; an apostrophe ends an elided word (« l'adresse » → « l », « adresse »)."""
    words = [word.lower() for word in WORD.findall(text.replace("’", "'"))]
    return sum(word in FRENCH_WORDS for word in words), len(words)


def looks_french(text):
    french, total = french_words(text)
    return total >= 3 and french >= 1 and french * 3 >= total


def french_content(html):
    parser = Texts()
    parser.feed(html)
    return [
        f"{where} {text!r}"
        for text, lang, where in parser.found
        if lang != "fr" and looks_french(text)
    ]


def test_the_english_demo_pages_show_no_french_outside_lang_fr(client, english_demo):
    patterns = french_msgids()
    corpus = content_corpus()
    problems = {}
    for url in english_demo:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html, url
        found = french_content(html) + french_interface(html, patterns, corpus)
        if found:
            problems[url] = found
    assert problems == {}
    # The pages at least: home, accessibility, « Se former », both paths, the
    # lesson, the agenda, the Safer Internet Day 2026 campaign.
    assert len(english_demo) >= 8


def test_the_check_finds_french_content(client, english_demo):
    """Not blind: the tagline without its English is reported (a French setting under
    lang="en" would be), the same under lang="fr" is not; English sentences holding French
    names are not."""
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.tagline_translations = []
    identity.save()
    assert looks_french(identity.tagline)
    html = client.get("/en/").content.decode()
    assert french_content(html) == []  # the French tagline is under lang="fr"
    unmarked = html.replace(
        'class="site-header__tagline" lang="fr"', 'class="site-header__tagline"'
    )
    assert french_content(unmarked) == [f"<span> {identity.tagline!r}"]

    assert looks_french("Vous trouverez l'adresse dans le message.")
    assert looks_french("Le numérique pour tous dans le Boulonnais")
    assert looks_french("Campagnes de sensibilisation")
    for english in (
        "Maisons France Services welcome you near your home.",
        "CAF (caisse d'allocations familiales, the family benefits office)",
        "The public body that pays the revenu de solidarité active (income support).",
        "Boulogne-sur-Mer Développement Côte d'Opale",
        "119 – Allô Enfance en danger (children at risk)",
        "Click “Créer un compte” (create an account).",
        ", La Poste",
    ):
        assert not looks_french(english), english


def test_the_english_paths_name_their_audiences_in_english(client, english_demo):
    """Issue 17: « Who it is for: Demandeurs d'emploi, Habitants, Seniors » on the English
    « First steps ». The check above let it pass: the names were rightly under lang="fr",
    and one or two words are too few for the French-words heuristic. The path named the
    French audiences (wagtail-localize copies a page's many-to-many fields as they are, and
    submitted no audience to English); now each term has its English copy, shown instead."""
    html = client.get("/en/learn/first-steps/").content.decode()
    who = re.search(r"<dt>Who it is for</dt><dd>(.*?)</dd>", html).group(1)
    assert who == "Jobseekers, Older people, Residents"  # in English alphabetical order
    html = client.get("/en/events/digital-cafe/").content.decode()
    who = re.search(r"<dt>Who it is for</dt><dd>(.*?)</dd>", html).group(1)
    assert who == "Older people, Residents"
    html = client.get("/se-former/premiers-pas/").content.decode()
    who = re.search(r"<dt>Pour qui</dt><dd>(.*?)</dd>", html).group(1)
    assert who == "Demandeurs d&#x27;emploi, Habitants, Seniors"
