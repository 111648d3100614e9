"""Key actions carry our own pictograms (issue 15): each action below renders its drawing from
content/icons.py, inline, hidden from assistive technology, beside the visible text that names
the action; nothing comes from elsewhere."""

import re

import pytest

from content.icons import ICONS

pytestmark = pytest.mark.django_db

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
ICON = re.compile(r'<svg class="icon" aria-hidden="true" focusable="false" [^>]*>(.*?)</svg>', re.S)

# (page, pictogram, the element that holds the action: a pattern from its tag to its text)
ACTIONS = [
    ("/", "search", r'<button type="submit" class="site-search__button">(.*?)</button>'),
    ("/recherche/?q=arnaque", "search", r'<button type="submit">(.*?)</button>'),
    (LESSON, "print", r"<button [^>]*data-print[^>]*>(.*?)</button>"),
    (LESSON, "done", r"<button [^>]*data-mark-done[^>]*>(.*?)</button>"),
    (LESSON, "next", r'<a rel="next" [^>]*>(.*?)</a>'),
    ("/se-former/attestation/", "print", r"<button [^>]*data-print[^>]*>(.*?)</button>"),
    (
        "/interventions-scolaires/dangers-d-internet-6e/kit/",
        "print",
        r"<button [^>]*data-print[^>]*>(.*?)</button>",
    ),
    ("/se-former/reprendre/", "code", r"<button [^>]*data-make-code[^>]*>(.*?)</button>"),
    ("/se-former/reprendre/", "code", r'<button type="submit" class="button">(.*?)</button>'),
    (
        "/agenda/cafe-numerique/",
        "register",
        r'<a class="button" href="[^"]*inscription[^"]*">(.*?)</a>',
    ),
    (
        "/interventions-scolaires/dangers-d-internet-6e/",
        "phone",
        r'<p class="help-numbers__call"><a href="tel:[^"]+">(.*?)</a>',
    ),
    (
        "/campagnes/safer-internet-day-2026/",
        "download",
        r'<li><a href="[^"]+kit[^"]*\.zip">(.*?)</a>',
    ),
    ("/lieux/centre-social-de-wimereux-wimereux/", "place", r'<p><a href="/lieux/">(.*?)</a></p>'),
]


@pytest.mark.parametrize(
    ("path", "name", "pattern"), ACTIONS, ids=[f"{a[1]}:{a[0]}" for a in ACTIONS]
)
def test_each_key_action_shows_its_pictogram_beside_its_text(client, path, name, pattern):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    found = re.search(pattern, html, re.S)
    assert found, f"no {name} action on {path}"
    inside = found[1]
    drawing = ICON.search(inside)
    assert drawing, f"{name} on {path}: no decorative pictogram in {inside[:200]}"
    assert drawing[1] == ICONS[name]
    text = re.sub(r"<[^>]+>", "", ICON.sub("", inside)).strip()
    assert len(text) >= 2, f"{name} on {path}: a pictogram alone, without its text"


def test_the_pictograms_are_distinct_drawings_of_our_own():
    assert len(ICONS) >= 8
    assert len(set(ICONS.values())) == len(ICONS)
    for name, shapes in ICONS.items():
        # Shapes only: no reference to a file, a font or another site, no style, no script.
        assert re.fullmatch(r"(<(path|circle|rect) [^<>]*/>)+", shapes), name
        assert "href" not in shapes and "style" not in shapes and "url(" not in shapes


def test_every_action_pictogram_of_a_page_is_hidden_from_assistive_technology(client):
    html = client.get(LESSON).content.decode()
    svgs = re.findall(r'<svg class="icon"[^>]*>', html)
    assert len(svgs) >= 4  # menu, search, print, done, next
    assert all('aria-hidden="true"' in svg for svg in svgs)
    assert "<use" not in html  # inline, nothing fetched for a pictogram
