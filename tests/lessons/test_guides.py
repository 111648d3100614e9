"""Explainers and tool guides: models, listings (filters, bad values, ordering, pagination),
JSON-LD (parsed, required properties) and query counts that do not grow with the listing."""

import datetime
import json
import re

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from content.blocks import FAQBlock
from content.jsonld import json_ld
from content.models import Audience, Theme
from lessons.models import (
    Cost,
    ExplainerIndexPage,
    ExplainerPage,
    GuideIndexPage,
    ToolGuidePage,
)
from tests.queries import count_page_queries

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured_data(response):
    """Every top-level schema.org item of the page's JSON-LD (a script may hold a list)."""
    items = []
    for block in JSON_LD.findall(response.content.decode()):
        data = json.loads(block)
        items.extend(data if isinstance(data, list) else [data])
    return items


def guide_index():
    return GuideIndexPage.objects.get(slug="guides-pratiques")


def explainer_index():
    return ExplainerIndexPage.objects.get(slug="comprendre-l-ia")


def make_guides(count, prefix="g", themes=(), audiences=()):
    index = guide_index()
    pages = []
    for number in range(count):
        page = ToolGuidePage(
            title=f"Guide {prefix} {number}",
            slug=f"guide-{prefix}-{number}",
            tool_name="Outil",
            purpose="Servir.",
            suits="Tout le monde.",
            steps=[("step", {"name": "Ouvrir", "text": "<p>Ouvrez.</p>", "screenshot": {}})],
        )
        index.add_child(instance=page)
        page.themes.set(themes)
        page.audiences.set(audiences)
        page.save_revision().publish()
        pages.append(page)
    return pages


# -- models and page tree -----------------------------------------------------------------------


class TestPageTree(WagtailPageTestCase):
    def test_where_pages_may_go(self):
        from content.models import HomePage

        self.assertAllowedParentPageTypes(ExplainerIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ExplainerIndexPage, {ExplainerPage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {ToolGuidePage})
        self.assertAllowedSubpageTypes(ToolGuidePage, {})


def test_demo_content_has_three_explainers_and_five_guides():
    assert ExplainerPage.objects.child_of(explainer_index()).live().count() >= 3
    guides = ToolGuidePage.objects.child_of(guide_index()).live()
    assert guides.count() >= 5
    for guide in guides:
        assert len(guide.steps) >= 3
        assert guide.price_checked_at is not None


def test_duration_labels_and_iso_durations():
    guide = ToolGuidePage(duration_minutes=45)
    assert guide.iso_duration == "PT45M"
    assert guide.duration_label == "environ 45 minutes"
    guide.duration_minutes = 90
    assert guide.iso_duration == "PT1H30M"
    guide.duration_minutes = 120
    assert guide.iso_duration == "PT2H"


def test_json_ld_helper_cannot_close_the_script_element():
    text = json_ld({"name": "</script><script>alert(1)</script> & <!--"})
    assert "</script" not in text and "<!--" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!--"


def test_faq_block_has_a_preview_and_renders_questions_as_h3():
    block = FAQBlock()
    html = block.render(block.to_python(block.meta.preview_value))
    assert '<h3 class="faq__question">Est-ce gratuit ?</h3>' in html


# -- pages ----------------------------------------------------------------------------------


def test_tool_guide_page_shows_every_part(client):
    guide = ToolGuidePage.objects.get(slug="creer-une-affiche-avec-canva")
    html = client.get(guide.url).content.decode()
    assert html.count("<h1>") == 1
    for text in (
        "À quoi ça sert",
        "Convient à",
        "prix vérifié le 2 novembre 2026",
        "À préparer avant de commencer",
        'id="etape-1"',
        "Étape 6",
        "Sur téléphone :",
        "Ma liste de vérification",
        "Problèmes fréquents et solutions",
        "Inkscape",
    ):
        assert text in html, text


def test_guide_facts_say_each_thing_once(client):
    """No « Pour qui » twice, no « Gratuit : Gratuit »; the summary agrees with the duration."""
    for guide in ToolGuidePage.objects.live():
        html = client.get(guide.url).content.decode()
        for label in ("Pour qui", "Convient à", "Coût", "Temps nécessaire"):
            assert html.count(f"<dt>{label}</dt>") <= 1, (guide.slug, label)
        label = guide.get_cost_display()
        assert not (guide.cost_details or "").lower().startswith(label.lower()), guide.slug
        if "quart d'heure" in guide.summary:
            assert guide.duration_minutes == 15, guide.slug
        assert "dix minutes" not in guide.summary or guide.duration_minutes == 10, guide.slug


def test_tool_guide_json_ld_is_a_valid_howto(client):
    guide = ToolGuidePage.objects.get(slug="guichet-unique-inpi-modifier-son-entreprise")
    (data,) = structured_data(client.get(guide.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "HowTo"
    assert data["name"] == guide.title
    assert re.fullmatch(r"PT(\d+H)?(\d+M)?", data["totalTime"]) and data["totalTime"] == "PT1H"
    assert data["tool"][0]["@type"] == "HowToTool"
    assert {s["@type"] for s in data["supply"]} == {"HowToSupply"}
    assert len(data["step"]) == len(guide.steps) == 6
    for position, step in enumerate(data["step"], start=1):
        assert step["@type"] == "HowToStep"
        assert step["position"] == position
        assert step["name"] and step["text"] and "<" not in step["text"]
        assert step["url"].endswith(f"#etape-{position}")
    assert "estimatedCost" not in data  # fees depend on the formality


def test_free_tool_guide_has_a_zero_estimated_cost(client):
    guide = ToolGuidePage.objects.get(slug="apparaitre-sur-google-fiche-etablissement")
    assert guide.cost == Cost.FREE
    (data,) = structured_data(client.get(guide.url))
    assert data["estimatedCost"] == {"@type": "MonetaryAmount", "currency": "EUR", "value": 0}


def test_explainer_json_ld_is_an_article_and_a_faq_page(client):
    explainer = ExplainerPage.objects.get(slug="l-ia-et-mes-donnees-personnelles")
    response = client.get(explainer.url)
    html = response.content.decode()
    assert "La réponse courte" in html
    assert html.index("La réponse courte") < html.index("Idées reçues")
    article, faq_page = structured_data(response)
    assert article["@type"] == "Article"
    assert article["headline"] == explainer.title
    assert article["dateModified"] == explainer.checked_at.isoformat()
    assert article["publisher"]["@type"] == "Organization" and article["publisher"]["name"]
    assert faq_page["@type"] == "FAQPage"
    assert len(faq_page["mainEntity"]) == 3
    for question in faq_page["mainEntity"]:
        assert question["@type"] == "Question" and question["name"]
        assert question["acceptedAnswer"]["@type"] == "Answer"
        assert question["acceptedAnswer"]["text"]


def test_explainer_without_faq_is_only_an_article(client):
    explainer = ExplainerPage(
        title="Une question ?",
        slug="une-question",
        short_answer="Une réponse.",
        checked_at=datetime.date(2026, 1, 5),
        body=[("paragraph", "<p>Le détail.</p>")],
    )
    explainer_index().add_child(instance=explainer)
    (article,) = structured_data(client.get(explainer.url))
    assert article["@type"] == "Article"
    assert article["dateModified"] == "2026-01-05"


def test_related_lessons_and_events_render_and_skip_unpublished_pages(client):
    explainer = ExplainerPage.objects.get(slug="qu-est-ce-que-l-ia-generative")
    event = Page.objects.filter(content_type__model="eventpage").live().first()
    draft = Page.objects.filter(content_type__model="eventpage").live().last()
    explainer.related = [*((c.block_type, c.value) for c in explainer.related)]
    explainer.related.append(("event", event))
    explainer.related.append(("event", draft))
    explainer.save_revision().publish()
    draft.unpublish()
    html = client.get(explainer.url).content.decode()
    assert "Leçons pour aller plus loin" in html
    assert "Comprendre l&#x27;intelligence artificielle générative" in html
    assert "Ateliers et événements" in html
    assert event.title.replace("'", "&#x27;") in html
    assert draft.title.replace("'", "&#x27;") not in html


# -- listings -------------------------------------------------------------------------------


def titles(response):
    return [item.title for item in response.context["items"]]


def test_index_lists_newest_first_with_cards(client):
    first, second = make_guides(2, "ordre")
    ToolGuidePage.objects.filter(pk=first.pk).update(
        first_published_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    )
    response = client.get(guide_index().url)
    assert titles(response)[:2] == [first.title, second.title]
    html = response.content.decode()
    assert '<h3 class="card__title"><a href="/guides-pratiques/guide-ordre-0/">' in html
    assert "Outil : Outil · environ 30 minutes" in html  # card_meta
    assert "<li>Gratuit</li>" in html  # card_labels


def test_index_filters_by_theme_and_audience(client):
    theme = Theme.objects.get(slug="ia", locale__language_code="fr")
    audience = Audience.objects.get(slug="seniors", locale__language_code="fr")
    (both,) = make_guides(1, "both", themes=[theme], audiences=[audience])
    (theme_only,) = make_guides(1, "theme", themes=[theme])
    url = guide_index().url
    assert set(titles(client.get(url, {"theme": "ia"}))) == {both.title, theme_only.title}
    assert titles(client.get(url, {"theme": "ia", "public": "seniors"})) == [both.title]
    response = client.get(url, {"theme": "ia", "public": "seniors"})
    assert '<option value="seniors" selected>' in response.content.decode()
    explainers = titles(client.get(explainer_index().url, {"theme": "donnees-personnelles"}))
    assert explainers == ["L'IA et mes données personnelles : que dois-je savoir ?"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"theme": "n-existe-pas"}, "Le thème demandé n&#x27;existe pas"),
        ({"public": "<script>"}, "Le public demandé n&#x27;existe pas"),
        ({"theme": "ia\x00"}, "Le thème demandé n&#x27;existe pas"),
        ({"page": "abc"}, "Numéro de page incorrect"),
        ({"page": "999"}, "Cette page n&#x27;existe pas"),
        ({"page": "-1"}, "Cette page n&#x27;existe pas"),
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(client, query, message):
    response = client.get(guide_index().url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<script>" not in html.split("<main", 1)[1]
    assert len(response.context["items"]) >= 5  # the filter is ignored, guides still listed


def test_index_paginates_after_twelve(client):
    make_guides(12, "page")
    url = guide_index().url
    first = client.get(url)
    assert len(first.context["items"]) == 12
    assert "Page 1 sur 2" in first.content.decode()
    second = client.get(url, {"page": "2"})
    assert len(second.context["items"]) == ToolGuidePage.objects.live().count() - 12
    assert 'href="?page=1"' in second.content.decode()


def test_listing_queries_do_not_grow_with_guides(client):
    theme = Theme.objects.get(slug="outils-pro", locale__language_code="fr")
    audience = Audience.objects.get(slug="entrepreneurs", locale__language_code="fr")
    url = guide_index().url
    make_guides(5, "five", themes=[theme], audiences=[audience])
    with_five = count_page_queries(client, url)
    make_guides(45, "fifty", themes=[theme], audiences=[audience])
    assert ToolGuidePage.objects.live().count() >= 50
    assert count_page_queries(client, url) == with_five
    assert count_page_queries(client, url + "?page=4") == with_five
    assert count_page_queries(client, url + "?theme=outils-pro&public=entrepreneurs") == with_five


def test_guide_page_queries_do_not_grow_with_steps(client):
    (small,) = make_guides(1, "steps-small")
    (large,) = make_guides(1, "steps-large")
    large.steps = [
        ("step", {"name": f"Étape {n}", "text": "<p>Faire.</p>", "screenshot": {}})
        for n in range(30)
    ]
    large.save_revision().publish()
    assert count_page_queries(client, small.url) == count_page_queries(client, large.url)


def test_search_labels_the_new_page_types(client):
    html = client.get("/recherche/", {"q": "guichet unique formalités"}).content.decode()
    assert "Guide pratique" in html
    html = client.get("/recherche/", {"q": "intelligence artificielle générative"}).content.decode()
    assert "Explication" in html


def test_explainer_quiz_is_checked_without_javascript(client):
    explainer = ExplainerPage.objects.get(slug="reconnaitre-une-image-ou-un-texte-fait-par-une-ia")
    quiz = next(child for child in explainer.body if child.block_type == "quiz")
    page_html = client.get(explainer.url).content.decode()
    assert "js/quiz.js" in page_html
    response = client.get(
        f"/quiz/{explainer.pk}/", {"quiz": quiz.id, "q0": "1", "q1": "0", "q2": "1"}
    )
    assert response.status_code == 200
    assert "Votre score : 3 sur 3." in response.content.decode()
    guide = ToolGuidePage.objects.get(slug="creer-une-affiche-avec-canva")
    assert "js/quiz.js" not in client.get(guide.url).content.decode()  # no quiz, no script


def test_step_screenshot_renders_with_its_alt_text_and_goes_into_the_howto(client):
    from tests.factories import ImageFactory

    (guide,) = make_guides(1, "image")
    image = ImageFactory()
    guide.steps = [
        (
            "step",
            {
                "name": "Ouvrir",
                "text": "<p>Ouvrez l'application.</p>",
                "screenshot": {"image": image, "alt_text": "Écran d'accueil de l'application"},
            },
        )
    ]
    guide.save_revision().publish()
    response = client.get(guide.url)
    assert 'alt="Écran d&#x27;accueil de l&#x27;application"' in response.content.decode()
    (data,) = structured_data(response)
    assert data["step"][0]["image"].startswith("http")
    assert data["step"][0]["image"].endswith(image.file.name.rsplit("/", 1)[-1])


@pytest.mark.parametrize(
    "block_class",
    [
        "AlternativesBlock",
        "ChecklistBlock",
        "FAQBlock",
        "HowToStepBlock",
        "MythRealityBlock",
        "ProblemsBlock",
        "SourcesBlock",
        "TryItBlock",
    ],
)
def test_reference_blocks_render_their_preview_value(block_class):
    import content.blocks

    block = getattr(content.blocks, block_class)()
    assert block.meta.help_text and block.meta.icon and block.meta.template
    html = block.render(block.to_python(block.meta.preview_value))
    assert html.strip()
    assert "<h1" not in html


def test_editors_can_open_the_add_and_edit_forms(admin_client):
    guide = ToolGuidePage.objects.get(slug="creer-une-affiche-avec-canva")
    explainer = ExplainerPage.objects.get(slug="qu-est-ce-que-l-ia-generative")
    for page in (guide, explainer):
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    index = guide_index()
    url = f"/admin/pages/add/lessons/toolguidepage/{index.pk}/"
    assert admin_client.get(url).status_code == 200
