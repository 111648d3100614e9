"""Home page doors and campaign downloads say what their links do: the card's visible call to
action is its link (named by that text, then the title), the QR code links name their channel,
and the pictograms are ours, inline and decorative."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db


def test_home_cards_call_to_action_is_the_link_and_not_hidden(client):
    html = client.get("/").content.decode()
    cards = re.findall(r'<li class="card card--entry">(.*?)</li>', html, re.S)
    assert len(cards) == 5
    for card in cards:
        assert "aria-hidden" not in card.replace('<svg class="pictogram" aria-hidden="true"', "")
        title = re.sub(r"<[^>]+>", "", re.search(r"<h3[^>]*>(.*?)</h3>", card, re.S)[1]).strip()
        more = re.search(
            r'<p class="card__more"><a class="card__link" href="[^"]+">(.*?)</a>',
            card,
        )
        visible = more[1].split('<span class="visually-hidden">')[0]
        assert visible and re.sub(r"<[^>]+>", "", more[1]) == f"{visible} : {title}"
    assert "Commencer à apprendre" in html and "Trouver un lieu d&#x27;aide" in html


def test_home_pictograms_are_inline_decorative_and_ours(client):
    html = client.get("/").content.decode()
    cards = re.findall(r'<li class="card card--entry">(.*?)</li>', html, re.S)
    for card in cards:
        svg = re.search(r"<svg[^>]*>", card)[0]
        assert 'class="pictogram"' in svg and 'aria-hidden="true"' in svg
        assert 'focusable="false"' in svg
        assert "<img" not in card and "<title" not in card
    # Five different drawings, no icon font, no file from elsewhere.
    drawings = {re.search(r"<svg[^>]*>(.*?)</svg>", card, re.S)[1] for card in cards}
    assert len(drawings) == 5
    from django.contrib.staticfiles import finders

    sheets = sorted(Path(finders.find("css/base.css")).parent.glob("*.css"))
    assert len(sheets) > 5  # base.css and the families' sheets (docs/page-weight.md)
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        assert "@font-face" not in css and "url(http" not in css, sheet.name


def test_qr_code_links_say_what_they_download(client):
    html = client.get("/campagnes/safer-internet-day-2026/").content.decode()
    links = re.findall(
        r'<a href="/c/[^"]+\.(svg|png)\?telecharger=1" aria-label="([^"]+)">([^<]+)</a>', html
    )
    assert len(links) >= 4
    names = [label for _, label, _ in links]
    assert len(set(names)) == len(names)  # never the same « SVG » twice
    for kind, label, visible in links:
        assert visible == kind.upper()
        assert re.fullmatch(rf"{visible} : QR code du canal .+", label), label
