"""Content checks (content/checks/): nothing to fix on the demo, and each kind of problem
found when one is planted, by `manage.py check_content` and the admin report."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from content.checks import run
from content.models import Glossary, OutdatedName, StandardPage
from lessons.models import LessonPage
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def names():
    """The seeded list (a transactional test elsewhere may have flushed it)."""
    OutdatedName.objects.get_or_create(
        old_name="Pôle emploi", defaults={"new_name": "France Travail", "since": "janvier 2024"}
    )


def kinds(page):
    return [finding.kind for finding in run([page])]


def details(page, kind):
    return [finding.detail for finding in run([page]) if finding.kind == kind]


def standard_page():
    return StandardPage.objects.get(slug="accessibilite")


def plant(page, *blocks):
    page.body = [*page.body.raw_data, *blocks]
    page.save()
    return page


def paragraph(html):
    return {"type": "paragraph", "value": html}


def test_the_demo_has_nothing_to_fix(names):
    out = io.StringIO()
    call_command("check_content", stdout=out)
    assert "Rien à corriger." in out.getvalue()


def test_the_command_reports_in_french_and_fails(names):
    page = plant(standard_page(), paragraph("<p>Inscrivez-vous à Pôle emploi.</p>"))
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 point à corriger sur 1 page"):
        call_command("check_content", stdout=out)
    report = out.getvalue()
    assert page.title in report
    assert f"Adresse : {page.url}" in report
    assert f"Modifier : http://127.0.0.1:8000/admin/pages/{page.pk}/edit/" in report or (
        f"/admin/pages/{page.pk}/edit/" in report
    )
    assert "Appellation dépassée : « Pôle emploi » (contenu › Texte) s'appelle « France" in report


def test_long_sentence_in_an_easy_to_read_version():
    falc = LessonPage.objects.get(slug="creer-une-adresse-e-mail-falc")
    assert "long_sentence" not in kinds(falc)
    long = " ".join(["mot"] * 21) + "."
    plant(falc, paragraph(f"<p>Une phrase courte. {long}</p>"))
    assert details(falc, "long_sentence") == [
        "21 mots (20 au plus), contenu › Texte : « mot mot mot mot mot mot mot mot mot mot mot "
        "mot … »"
    ]
    # The same sentence in an ordinary lesson is not checked: only easy-to-read versions are.
    original = falc.easy_read_of
    plant(original, paragraph(f"<p>{long}</p>"))
    assert "long_sentence" not in kinds(original)


def test_twenty_words_is_not_too_long():
    falc = LessonPage.objects.get(slug="creer-une-adresse-e-mail-falc")
    plant(falc, paragraph("<p>" + " ".join(["mot"] * 20) + ".</p>"))
    assert "long_sentence" not in kinds(falc)


def test_unexplained_abbreviation():
    page = plant(standard_page(), paragraph("<p>Écrivez à la DGFIP, par SMS si besoin.</p>"))
    assert [d for d in details(page, "abbreviation") if "DGFIP" in d] == [
        "« DGFIP » (contenu › Texte) : expliquez-le avec un terme du glossaire sur la page ou "
        "une abréviation (<abbr>)."
    ]
    assert not [d for d in details(page, "abbreviation") if "SMS" in d]  # known to readers


@pytest.mark.parametrize(
    "explained",
    [
        '<p>La <abbr title="Direction générale des finances publiques">DGFIP</abbr>.</p>',
        "<p>La direction générale des finances publiques (DGFIP).</p>",
        "<p>La DGFIP (direction générale des finances publiques).</p>",
    ],
)
def test_an_abbreviation_explained_once_on_the_page_is_fine(explained):
    page = plant(standard_page(), paragraph("<p>Écrivez à la DGFIP.</p>"), paragraph(explained))
    assert not [d for d in details(page, "abbreviation") if "DGFIP" in d]


def test_a_glossary_term_on_the_page_explains_an_abbreviation():
    lesson = LessonPage.objects.filter(easy_read_of__isnull=True).first()
    plant(lesson, paragraph("<p>Votre dossier à la MDPH.</p>"))
    assert [d for d in details(lesson, "abbreviation") if "MDPH" in d]
    term = Glossary.objects.create(
        term="MDPH", slug="mdph", definition="La maison départementale des personnes handicapées."
    )
    plant(lesson, {"type": "glossary_term", "value": {"term": term.pk}})
    assert not [d for d in details(lesson, "abbreviation") if "MDPH" in d]


def test_outdated_name(names):
    page = plant(standard_page(), paragraph("<p>Votre conseiller pôle emploi.</p>"))
    assert details(page, "outdated_name") == [
        "« Pôle emploi » (contenu › Texte) s'appelle « France Travail » depuis janvier 2024."
    ]


def test_an_outdated_name_given_with_the_new_one_is_fine(names):
    page = plant(standard_page(), paragraph("<p>France Travail (ex-Pôle emploi).</p>"))
    assert "outdated_name" not in kinds(page)


def test_outdated_names_are_editable():
    OutdatedName.objects.create(old_name="Minitel", new_name="Internet")
    page = plant(standard_page(), paragraph("<p>Le Minitel.</p>"))
    assert details(page, "outdated_name") == [
        "« Minitel » (contenu › Texte) s'appelle « Internet »."
    ]


def image(pk, alt="", decorative=False):
    return {
        "type": "image",
        "value": {
            "image": pk,
            "alt_text": alt,
            "decorative": decorative,
            "caption": "",
            "credit": "",
        },
    }


def test_image_without_alternative_text():
    picture = ImageFactory(title="Écran de connexion")
    original = list(standard_page().body.raw_data)
    page = plant(standard_page(), image(picture.pk), image(picture.pk, decorative=True))
    assert details(page, "image_alt") == [
        "« Écran de connexion » (contenu › Image) : décrivez ce qu'elle montre, ou cochez « image "
        "décorative » si elle n'apporte aucune information."
    ]
    page.body = original
    page = plant(page, image(picture.pk, alt="Le bouton « Se connecter »"))
    assert "image_alt" not in kinds(page)


def test_broken_internal_links(home):
    gone = StandardPageFactory(parent=home, title="Page bientôt supprimée")
    draft = StandardPageFactory(parent=home, title="Page bientôt dépubliée")
    gone_pk = gone.pk
    page = plant(
        standard_page(),
        paragraph(f'<p><a linktype="page" id="{draft.pk}">Mentions</a></p>'),
        {
            "type": "call_to_action",
            "value": {"text": "", "page": gone_pk, "url": "", "label": "Voir"},
        },
    )
    assert "broken_link" not in kinds(page)
    draft.unpublish()
    gone.delete()
    assert sorted(details(page, "broken_link")) == sorted(
        [
            f"contenu › Texte : « {draft.title} » n'est pas publiée, les visiteurs ne la "
            "voient pas.",
            f"contenu › Appel à l'action › page du site : la page liée (n° {gone_pk}) "
            "n'existe plus.",
        ]
    )


def test_lesson_past_its_review_date():
    lesson = LessonPage.objects.filter(easy_read_of__isnull=True).first()
    lesson.reviewed_at = timezone.localdate() - datetime.timedelta(days=200)
    lesson.save()
    assert len(details(lesson, "review_overdue")) == 1
    lesson.reviewed_at = timezone.localdate()
    lesson.save()
    assert "review_overdue" not in kinds(lesson)


def test_easy_to_read_version_older_than_its_original():
    falc = LessonPage.objects.get(slug="creer-une-adresse-e-mail-falc")
    assert "easy_read_outdated" not in kinds(falc)
    LessonPage.objects.filter(pk=falc.easy_read_of_id).update(
        last_published_at=falc.last_published_at + datetime.timedelta(days=1)
    )
    falc.refresh_from_db()
    assert kinds(falc).count("easy_read_outdated") == 1


def test_admin_report_lists_the_findings(admin_client, names):
    page = plant(standard_page(), paragraph("<p>Inscrivez-vous à Pôle emploi.</p>"))
    html = admin_client.get("/admin/contenus-a-corriger/").content.decode()
    assert "Contenus à corriger" in html and "1 point à corriger." in html
    assert f"/admin/pages/{page.pk}/edit/" in html and "Appellation dépassée" in html
    assert "/admin/contenus-a-corriger/" in admin_client.get("/admin/").content.decode()


def test_admin_report_is_for_page_editors(client, django_user_model):
    """Admin access alone (no page permission) is not enough."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("sans-pages", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/contenus-a-corriger/").status_code in (302, 403)
    assert "/admin/contenus-a-corriger/" not in client.get("/admin/").content.decode()


def test_the_public_sees_the_update_date_not_the_review_date(client):
    lesson = LessonPage.objects.filter(easy_read_of__isnull=True).first()
    lesson.reviewed_at = timezone.localdate()
    lesson.save()
    html = client.get(lesson.url).content.decode()
    assert "Mis à jour le" in html
    assert "revérifier" not in html


def test_an_organisation_editor_sees_the_pages_of_their_sections(client):
    from content.models import Organisation
    from tests.organisations.helpers import user_in

    bellidee = Organisation.objects.get(slug="bellidee", locale__language_code="fr")
    parents = Page.objects.get(url_path__endswith="/fake-news-lycee/version-parents/")
    theirs = plant(parents.specific, paragraph("<p>Le Minitel de la DGFIP.</p>"))
    plant(standard_page(), paragraph("<p>Écrivez à la DGFIP.</p>"))
    client.force_login(user_in(bellidee.editors_group, "redactrice"))
    html = client.get("/admin/contenus-a-corriger/").content.decode()
    assert f"/admin/pages/{theirs.pk}/edit/" in html and "DGFIP" in html
    assert f"/admin/pages/{standard_page().pk}/edit/" not in html
