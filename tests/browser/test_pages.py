"""Every page type, at 1280×900 and 320×640: zero axe violations, no horizontal scroll, no console
error (which is also how a Content-Security-Policy violation shows), and on the phone the title
on the first screen; then without JavaScript. One line per page type."""

import pytest

from .conftest import assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser

# (name, path of a demo page, expected HTTP status)
PAGES = [
    ("home", "/", 200),
    ("standard", "/accessibilite/", 200),
    ("hub", "/habitants/", 200),
    ("h5p-activity", "/habitants/quiz-arnaque-sms/", 200),
    ("not-found", "/cette-page-n-existe-pas/", 404),
    ("home-en", "/en/", 200),
    ("campaign-index", "/campagnes/", 200),
    ("campaign", "/campagnes/safer-internet-day-2026/", 200),
    ("scam-alert-index", "/alertes-arnaques/", 200),
    ("scam-alert", "/alertes-arnaques/faux-sms-ameli/", 200),
    ("agenda", "/agenda/", 200),
    ("agenda-archive", "/agenda/?periode=passes", 200),
    ("event", "/agenda/cafe-numerique/", 200),
    ("event-past", "/agenda/ateliers-canva-2025/", 200),
    ("search", "/recherche/?q=courriel", 200),
    # Many places match: three shown, then the link to all of them.
    ("search-many-places", "/recherche/?q=num%C3%A9rique", 200),
    ("learning-index", "/se-former/", 200),
    ("learning-path", "/se-former/premiers-pas/", 200),
    ("lesson", "/se-former/premiers-pas/creer-une-adresse-e-mail/", 200),
    ("lesson-easy-read", "/se-former/premiers-pas/creer-une-adresse-e-mail-falc/", 200),
    (
        "lesson-easy-read-longest",
        "/se-former/premiers-pas/ameli-impots-franceconnect-falc/",
        200,
    ),
    ("placement-quiz", "/se-former/ou-en-suis-je/", 200),
    ("resume", "/se-former/reprendre/", 200),
    ("attestation", "/se-former/attestation/", 200),
    ("school-index", "/interventions-scolaires/", 200),
    ("school-index-filtered", "/interventions-scolaires/?theme=inconnu&niveau=5e", 200),
    ("school-module", "/interventions-scolaires/dangers-d-internet-6e/", 200),
    ("school-classroom", "/interventions-scolaires/dangers-d-internet-6e/mode-classe/", 200),
    ("school-kit", "/interventions-scolaires/dangers-d-internet-6e/kit/", 200),
    ("school-handout", "/interventions-scolaires/dangers-d-internet-6e/kit/fiche-2/", 200),
    (
        "school-parents",
        "/interventions-scolaires/reseaux-sociaux-jeunes-et-parents-5e/version-parents/",
        200,
    ),
    ("session-report", "/compte-rendu-de-seance/", 200),
    ("session-report-thanks", "/compte-rendu-de-seance/merci/", 200),
    ("explainer-index", "/comprendre-l-ia/", 200),
    ("explainer", "/comprendre-l-ia/l-ia-et-mes-donnees-personnelles/", 200),
    ("explainer-quiz", "/comprendre-l-ia/reconnaitre-une-image-ou-un-texte-fait-par-une-ia/", 200),
    ("guide-index", "/guides-pratiques/", 200),
    ("guide-index-filtered", "/guides-pratiques/?theme=inconnu&public=entrepreneurs", 200),
    ("tool-guide", "/guides-pratiques/guichet-unique-inpi-modifier-son-entreprise/", 200),
]


# One load per viewport: the phone's also checks that the title is on its first screen (issue 15:
# the header and banners used to push the <h1> 1,100 px down), measured before axe runs.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 320, "height": 640}}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_page_is_accessible(make_page, name, path, status, viewport):
    page = make_page(**viewport)
    response = page.goto(path)
    assert response.status == status
    if viewport == VIEWPORTS["phone"]:
        top = page.evaluate(
            "() => document.querySelector('h1').getBoundingClientRect().top + window.scrollY"
        )
        assert top < viewport["height"], f"{name}: <h1> starts at {top:.0f}px"
    assert_no_axe_violations(page)
    assert_reflows(page)
    assert page.problems.messages == []


@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_page_reads_without_javascript(make_page, name, path, status):
    page = make_page(width=320, javascript=False)
    page.goto(path)
    assert page.locator("main h1").is_visible()
    assert page.locator("footer").is_visible()
