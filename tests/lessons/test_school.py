"""School modules: the index and its filters, the module page and its sub-routes (classroom
mode, printable kit), the parents' version, the help numbers block, query counts."""

from html import unescape
from unittest import mock

import pytest
from django.urls import NoReverseMatch

from content.blocks import BaseStreamBlock, HelpNumbersBlock
from lessons.models import ParentsVersionPage, SchoolIndexPage, SchoolModulePage
from lessons.school_blocks import ScenarioCardBlock, SessionStepBlock, SocialPostBlock
from tests.factories import SchoolModulePageFactory
from tests.queries import count_page_queries

pytestmark = pytest.mark.django_db

INDEX = "/interventions-scolaires/"
MODULE_6E = INDEX + "dangers-d-internet-6e/"
MODULE_5E = INDEX + "reseaux-sociaux-jeunes-et-parents-5e/"


def titles(response):
    return [module.title for module in response.context["modules"]]


def test_demo_has_the_four_seed_modules(home):
    index = SchoolIndexPage.objects.child_of(home).get()
    assert index.slug == "interventions-scolaires"
    assert index.title == "Interventions en milieu scolaire"
    modules = SchoolModulePage.objects.child_of(index).live()
    assert {m.topic for m in modules} == {
        "cybersecurite",
        "cyberharcelement",
        "reseaux-sociaux",
        "emi",
    }
    assert modules.count() == 4
    for module in modules:
        assert module.parents_version is not None, module.slug


def test_every_demo_parents_version_answers(client):
    versions = ParentsVersionPage.objects.live()
    assert versions.count() == 4
    for version in versions:
        response = client.get(version.url)
        assert response.status_code == 200, version.url


def test_index_lists_every_module_as_a_card(client):
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(titles(response)) == 4
    assert html.count('class="card"') == 4
    assert 'name="theme"' in html and 'name="niveau"' in html
    assert '<button type="submit"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?theme=cyberharcelement", {"Le cyberharcèlement, à partir de la 4e"}),
        (
            "?niveau=5e",
            {
                "Les dangers d'Internet et la cybermalveillance en 6e",
                "Réseaux sociaux « jeunes et parents » en 5e",
            },
        ),
        ("?niveau=terminale", {"Vrai ou faux ? S'informer à l'heure des fake news au lycée"}),
        ("?theme=reseaux-sociaux&niveau=5e", {"Réseaux sociaux « jeunes et parents » en 5e"}),
        ("?theme=ia", set()),
    ],
)
def test_index_filters_by_topic_and_class_level(client, query, expected):
    response = client.get(INDEX + query)
    assert response.status_code == 200
    assert set(titles(response)) == expected
    if not expected:
        assert "Aucun module ne correspond" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?theme=piratage", "Ce thème n'existe pas"),
        ("?niveau=CM2", "Ce niveau de classe n'existe pas"),
        ("?niveau=%00%27", "Ce niveau de classe n'existe pas"),
    ],
)
def test_unknown_filter_values_get_a_message_not_an_error(client, query, message):
    response = client.get(INDEX + query)
    assert response.status_code == 200
    assert message in unescape(response.content.decode())
    assert len(titles(response)) == 4
    assert not response.cookies


def test_unknown_topic_keeps_the_valid_level(client):
    response = client.get(INDEX + "?theme=nope&niveau=4e")
    assert set(titles(response)) == {"Le cyberharcèlement, à partir de la 4e"}


def test_module_page_gives_the_teacher_everything(client):
    response = client.get(MODULE_6E)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    for text in [
        "Déroulé de la séance",
        "(55 minutes)",
        "Brise-glace : nos écrans",
        "Ce qu'il dit",
        "Pièges à éviter",
        "Si un élève se confie",
        "Ne pas promettre le secret",
        "Pour les élèves : les activités",
        "Le compte piraté",
        "Vrai, faux ou trompeur ?",
        "6e, 5e",
    ]:
        assert text in html, text
    assert 'href="tel:3018"' in html
    assert 'href="tel:119"' in html
    assert 'href="tel:17"' in html and 'href="tel:112"' in html
    assert "internet-signalement.gouv.fr" in html
    assert "cybermalveillance.gouv.fr" in html
    assert 'href="/interventions-scolaires/dangers-d-internet-6e/mode-classe/"' in html
    assert 'href="/interventions-scolaires/dangers-d-internet-6e/kit/"' in html


def test_module_links_to_its_parents_version(client):
    html = client.get(MODULE_5E).content.decode()
    assert f'href="{MODULE_5E}version-parents/"' in html
    assert f'href="{MODULE_6E}version-parents/"' in client.get(MODULE_6E).content.decode()
    parents = client.get(MODULE_5E + "version-parents/")
    assert parents.status_code == 200
    assert "Une heure en famille" in parents.content.decode()
    assert 'href="tel:3018"' in parents.content.decode()


def test_session_report_link_only_when_the_report_url_exists(client):
    module = SchoolModulePage.objects.get(slug="dangers-d-internet-6e")
    with mock.patch("lessons.models.school.reverse", side_effect=NoReverseMatch):
        html = client.get(MODULE_6E).content.decode()
    assert "compte rendu" not in html
    with mock.patch("lessons.models.school.reverse", return_value="/compte-rendu-de-seance/"):
        html = client.get(MODULE_6E).content.decode()
    assert f'href="/compte-rendu-de-seance/?module={module.pk}"' in html


def test_classroom_mode_has_one_slide_per_activity_and_no_site_chrome(client):
    module = SchoolModulePage.objects.get(slug="dangers-d-internet-6e")
    response = client.get(MODULE_6E + "mode-classe/")
    assert response.status_code == 200
    html = response.content.decode()
    # title slide + activities + help numbers slide
    assert html.count("data-slide") == 1 + len(module.activities) + 1
    assert html.count("<h1") == 1
    assert "main-nav" not in html and "site-header" not in html
    assert "js/classroom.js" in html
    assert "data-deck-status" in html and 'aria-live="polite"' in html


def test_kit_holds_the_guide_and_every_handout_without_navigation(client):
    module = SchoolModulePage.objects.get(slug="cyberharcelement-4e")
    response = client.get(module.url + "kit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Guide de l'animateur" in unescape(html)
    assert "Déroulé de la séance" in html
    assert html.count('class="handout kit__handout"') == len(module.activities)
    assert "Fiche élève 2 sur 2" in html
    assert "main-nav" not in html and "site-search" not in html


def test_each_handout_prints_alone(client):
    """A teacher prints only the activity the class will do: the module links each handout
    to a page holding just that one, without navigation."""
    module = SchoolModulePage.objects.get(slug="dangers-d-internet-6e")
    total = len(module.activities)
    html = client.get(MODULE_6E).content.decode()
    for number in range(1, total + 1):
        assert f'href="{MODULE_6E}kit/fiche-{number}/"' in html
    assert "kit/fiche-" not in client.get(MODULE_6E + "mode-classe/").content.decode()

    response = client.get(MODULE_6E + "kit/fiche-2/")
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert f"Fiche élève 2 sur {total}" in page
    assert page.count('class="handout"') == 1
    assert page.count("<h1") == 1
    # Demo 6e: 1 the quiz of traps, 2 a fake "free skin" post, 3 the hacked account scenario.
    assert "@jeux_gratuits_off1ciel" in page
    assert "Le quiz des pièges" not in page and "Le compte piraté" not in page
    assert "main-nav" not in page and "Déroulé de la séance" not in page
    for wrong in ("fiche-0/", f"fiche-{total + 1}/", "fiche-x/"):
        assert client.get(MODULE_6E + "kit/" + wrong).status_code == 404


def test_unknown_sub_route_is_a_404(client):
    assert client.get(MODULE_6E + "diaporama/").status_code == 404


def test_quiz_in_activities_is_checked_without_javascript(client):
    module = SchoolModulePage.objects.get(slug="dangers-d-internet-6e")
    quiz = next(child for child in module.activities if child.block_type == "quiz")
    response = client.get(f"/quiz/{module.pk}/", {"quiz": quiz.id, "q0": "1", "q1": "1"})
    assert response.status_code == 200
    assert "Votre score : 2 sur 2." in response.content.decode()


def test_help_numbers_block_shows_only_the_chosen_services():
    block = HelpNumbersBlock()
    html = block.render(block.to_python({"title": "Aide", "services": ["3018", "pharos"]}))
    assert 'href="tel:3018"' in html
    assert "internet-signalement.gouv.fr" in html
    assert "tel:119" not in html and "tel:17" not in html
    preview = block.render(block.to_python(block.meta.preview_value))
    assert preview.count('class="help-numbers__item"') == 5


def test_admin_edits_class_levels_with_checkboxes(admin_client):
    module = SchoolModulePage.objects.get(slug="dangers-d-internet-6e")
    response = admin_client.get(f"/admin/pages/{module.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="checkbox" name="class_levels" value="6e"' in html
    assert html.count('name="class_levels"') == 7


def test_class_levels_saved_from_the_form_are_filtered(client, home):
    index = SchoolIndexPage.objects.child_of(home).get()
    module = SchoolModulePageFactory(parent=index, class_levels=["1re"], topic="ia")
    module.save_revision().publish()
    assert set(titles(client.get(INDEX + "?niveau=1re"))) == {
        "Vrai ou faux ? S'informer à l'heure des fake news au lycée",
        module.title,
    }
    assert titles(client.get(INDEX + "?theme=ia")) == [module.title]


def test_index_queries_do_not_grow_with_modules(client, home):
    index = SchoolIndexPage.objects.child_of(home).get()
    with_four = count_page_queries(client, INDEX)
    assert len(titles(client.get(INDEX))) == 4
    for _number in range(26):
        SchoolModulePageFactory(parent=index)
    assert len(titles(client.get(INDEX))) == 30
    assert count_page_queries(client, INDEX) == with_four
    assert count_page_queries(client, INDEX + "?niveau=4e") == with_four


def test_module_queries_do_not_grow_with_steps(client, home):
    index = SchoolIndexPage.objects.child_of(home).get()
    small = SchoolModulePageFactory(parent=index)
    large = SchoolModulePageFactory(parent=index)
    large.session_plan = list(small.session_plan.raw_data) * 12
    large.duration_minutes = small.duration_minutes * 12
    large.save()
    for suffix in ("", "mode-classe/", "kit/"):
        assert count_page_queries(client, small.url + suffix) == count_page_queries(
            client, large.url + suffix
        )


@pytest.mark.parametrize("block_class", [SessionStepBlock, SocialPostBlock, ScenarioCardBlock])
def test_school_blocks_have_help_icon_template_and_a_rendered_preview(block_class):
    block = block_class()
    assert block.meta.help_text and block.meta.icon and block.meta.template
    html = block.render(block.to_python(block.meta.preview_value))
    assert block.meta.preview_value["title" if "title" in block.meta.preview_value else "text"][
        :10
    ] in unescape(html)


def test_help_numbers_block_is_offered_in_every_shared_stream():
    assert isinstance(BaseStreamBlock().child_blocks["help_numbers"], HelpNumbersBlock)


def test_modules_are_found_by_search_with_audience_facets(client):
    response = client.get("/recherche/?q=cyberharcèlement")
    html = unescape(response.content.decode())
    assert "Le cyberharcèlement, à partir de la 4e" in html
    assert "module d'intervention scolaire" in html.lower()
    assert "Enseignants et animateurs" in html


def test_admin_creates_a_module_with_ticked_class_levels(admin_client, home):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    index = SchoolIndexPage.objects.child_of(home).get()
    data = nested_form_data(
        {
            "title": "Module créé dans l'admin",
            "slug": "module-admin",
            "summary": "",
            "topic": "ia",
            "duration_minutes": 50,
            "group_size": "",
            "objectives": "",
            "materials": "",
            "prerequisites": "",
            "session_plan": streamfield([]),
            "safeguarding": rich_text(""),
            "help_numbers": streamfield([]),
            "activities": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "action-publish": "publish",
        }
    )
    data["class_levels"] = ["3e", "2nde"]  # several values for one checkbox group
    response = admin_client.post(f"/admin/pages/add/lessons/schoolmodulepage/{index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    module = SchoolModulePage.objects.get(slug="module-admin")
    assert module.class_levels == ["3e", "2nde"]
    assert module.live


def test_social_post_shows_the_verdict_label():
    block = SocialPostBlock()
    value = block.to_python({**block.meta.preview_value, "verdict": "trompeur"})
    assert "Réponse : Trompeur" in block.render(value)


def admin_module_data(duration, steps):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    return nested_form_data(
        {
            "title": "Module minuté",
            "slug": "module-minute",
            "summary": "",
            "topic": "ia",
            "duration_minutes": duration,
            "group_size": "",
            "objectives": "",
            "materials": "",
            "prerequisites": "",
            "session_plan": streamfield(
                [
                    (
                        "step",
                        {
                            "title": f"Étape {n}",
                            "duration_minutes": m,
                            "does": rich_text("<p>Animer.</p>"),
                            "says": "",
                            "prompts": streamfield([]),
                            "expected": "",
                            "pitfalls": "",
                        },
                    )
                    for n, m in enumerate(steps)
                ]
            ),
            "safeguarding": rich_text(""),
            "help_numbers": streamfield([]),
            "activities": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "action-publish": "publish",
        }
    ) | {"class_levels": ["3e"]}


def test_announced_duration_must_match_the_timed_plan(admin_client, home):
    index = SchoolIndexPage.objects.child_of(home).get()
    url = f"/admin/pages/add/lessons/schoolmodulepage/{index.pk}/"
    response = admin_client.post(url, admin_module_data(45, [10, 25, 20]))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "totalise 55 minutes" in errors["duration_minutes"][0]
    assert not SchoolModulePage.objects.filter(slug="module-minute").exists()
    response = admin_client.post(url, admin_module_data(55, [10, 25, 20]))
    assert response.status_code == 302
    assert SchoolModulePage.objects.get(slug="module-minute").live


def test_h5p_activity_goes_into_a_module_and_its_classroom_slides(client, home):
    from content.demo_h5p import DEMO_UUID
    from content.models import H5PActivity

    activity = H5PActivity.objects.get(uuid=DEMO_UUID)
    module = SchoolModulePage.objects.live().first()
    module.activities = [("h5p_activity", {"activity": activity, "introduction": "À vous !"})]
    module.save_revision().publish()
    classroom = client.get(module.url + "mode-classe/").content.decode()
    assert f'data-h5p-activity="{activity.uuid}"' in classroom
    assert "Version texte de l'activité" in classroom
    kit = client.get(module.url + "kit/").content.decode()
    assert activity.title in unescape(kit)
