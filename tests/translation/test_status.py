"""The admin report « État des traductions » (content/translation_status/): every state of a
page and a snippet in each language, read from wagtail-localize's records; the filters, the
CSV for a French spreadsheet, who sees what, and a query count that does not grow with the
number of pages."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.log_actions import log
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from content.models import StandardPage, Theme
from content.translation_status import (
    IN_PROGRESS,
    MISSING,
    OUT_OF_DATE,
    UP_TO_DATE,
    statuses,
)
from lessons.models import LessonPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/etat-des-traductions/"
CSV = "/admin/etat-des-traductions/export.csv"


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def lesson():
    return LessonPage.objects.filter(locale__language_code="fr", live=True).first()


def submit(instance, locale):
    """What the admin's « Traduire cette page » runs."""
    TranslationCreator(None, [locale]).create_translations(instance)
    return TranslationSource.objects.get(object_id=instance.translation_key, locale=instance.locale)


def translate(source, locale, share=1.0):
    """A translator's work: the first `share` of the source's segments translated."""
    segments = list(StringSegment.objects.filter(source=source).select_related("string"))
    count = round(len(segments) * share)
    for segment in segments[:count]:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=segment.string.data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    return count, len(segments)


def row(user, instance, language="en"):
    found = [
        r
        for r in statuses(user, language=language)
        if r.title == str(instance.title if isinstance(instance, Page) else instance)
        and (
            r.edit_url == f"/admin/pages/{instance.pk}/edit/"
            or r.edit_url.endswith(f"/edit/{instance.pk}/")
        )
    ]
    assert len(found) == 1, found
    return found[0]


def republish(page):
    page = page.specific
    page.title = page.title + " (mis à jour)"
    return page.save_revision().publish()


def test_a_page_not_submitted_is_missing_and_offers_to_translate(admin_user, lesson):
    status = row(admin_user, lesson)
    assert status.state == MISSING and status.state_label == "Manquante"
    assert status.translation_url == f"/admin/localize/submit/page/{lesson.pk}/"
    assert status.share is None and status.since is None and status.live is None


def test_a_partly_translated_page_is_in_progress_with_its_share(admin_user, lesson, english):
    source = submit(lesson, english)
    done, total = translate(source, english, share=0.4)
    assert 0 < done < total
    status = row(admin_user, lesson)
    assert status.state == IN_PROGRESS
    assert (status.done, status.total) == (done, total)
    assert status.share == done * 100 // total
    # The same figures as wagtail-localize's own, row by row.
    translation = source.translations.get(target_locale=english)
    assert translation.get_progress() == (total, done)
    english_lesson = lesson.get_translation(english)
    assert status.translation_url == f"/admin/pages/{english_lesson.pk}/edit/"
    assert status.live is False  # a translation is a draft until its translator publishes it


def test_a_fully_translated_page_is_up_to_date(admin_user, lesson, english):
    translate(submit(lesson, english), english)
    status = row(admin_user, lesson)
    assert status.state == UP_TO_DATE and status.share == 100 and status.since is None


def test_the_report_shows_a_page_as_out_of_date_after_its_french_source_is_republished(
    admin_client, admin_user, lesson, english
):
    source = submit(lesson, english)
    translate(source, english)
    assert row(admin_user, lesson).state == UP_TO_DATE

    republish(lesson)
    published_at = PageLogEntry.objects.filter(page=lesson, action="wagtail.publish").latest(
        "timestamp"
    )
    status = row(admin_user, lesson)
    assert status.state == OUT_OF_DATE and status.state_label == "À mettre à jour"
    assert status.since == published_at.timestamp
    # A second publication does not move « since »: it is the first change not synced.
    republish(lesson)
    assert row(admin_user, lesson).since == published_at.timestamp

    html = admin_client.get(REPORT, {"etat": OUT_OF_DATE}).content.decode()
    since = published_at.timestamp.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    assert f"/admin/pages/{lesson.pk}/edit/" in html
    assert f"depuis le {since:%d/%m/%Y %H:%M}" in html

    # Synced again (« Mettre à jour les traductions »): the titles changed, so in progress.
    source.update_from_db()
    status = row(admin_user, lesson)
    assert status.state == IN_PROGRESS and status.since is None


def test_a_draft_of_the_french_page_does_not_make_the_translation_out_of_date(
    admin_user, lesson, english
):
    """wagtail-localize syncs the published page, not drafts."""
    translate(submit(lesson, english), english)
    lesson.specific.save_revision()
    assert row(admin_user, lesson).state == UP_TO_DATE


def test_an_alias_left_by_a_translated_child_counts_as_missing(admin_user, lesson, english):
    parent = lesson.get_parent()
    submit(lesson, english)  # copies the parent as an alias of the French one
    alias = parent.get_translation(english)
    assert alias.alias_of_id == parent.pk
    assert row(admin_user, parent).state == MISSING


def test_a_translation_made_by_hand_is_up_to_date_until_the_french_page_changes(
    admin_user, english
):
    page = StandardPage.objects.get(slug="accessibilite", locale__language_code="fr")
    copy = page.copy_for_translation(english, copy_parents=True)
    copy.save_revision().publish()
    status = row(admin_user, page)
    assert (status.state, status.tracked, status.live) == (UP_TO_DATE, False, True)
    republish(page)
    page.refresh_from_db()
    status = row(admin_user, page)
    assert status.state == OUT_OF_DATE and status.since == page.last_published_at


def test_a_snippet_in_each_state(admin_user, english):
    theme = Theme.objects.filter(locale__language_code="fr").first()
    assert row(admin_user, theme).state == MISSING
    source = submit(theme, english)
    _done, total = translate(source, english, share=0.0)
    assert total > 0
    assert row(admin_user, theme).state == IN_PROGRESS
    translate(source, english)
    status = row(admin_user, theme)
    assert status.state == UP_TO_DATE
    assert status.translation_url.endswith(f"/{theme.get_translation(english).pk}/")
    # Edited in the admin (the snippet edit view logs « wagtail.edit »).
    entry = log(theme, "wagtail.edit")
    status = row(admin_user, theme)
    assert status.state == OUT_OF_DATE and status.since == entry.timestamp


def test_filters_by_language_state_type_and_section(admin_client, admin_user, lesson, english):
    translate(submit(lesson, english), english)
    section = Page.objects.ancestor_of(lesson).get(depth=3)
    html = admin_client.get(
        REPORT,
        {"langue": "en", "etat": UP_TO_DATE, "type": "lessons.lessonpage", "rubrique": section.pk},
    ).content.decode()
    assert "1 ligne (un contenu dans une langue)." in html
    assert f"/admin/pages/{lesson.pk}/edit/" in html
    html = admin_client.get(REPORT, {"etat": MISSING, "type": "content.theme"}).content.decode()
    themes = Theme.objects.filter(locale__language_code="fr").count()
    assert f"{themes} lignes (un contenu dans une langue)." in html
    # A section shows pages only; an unknown filter value is ignored.
    html = admin_client.get(REPORT, {"type": "content.theme", "rubrique": section.pk})
    assert "Aucun contenu ne correspond à ces filtres." in html.content.decode()
    html = admin_client.get(REPORT, {"etat": "nimporte", "langue": "xx"}).content.decode()
    total = len(statuses(admin_user))
    assert f"{total} lignes" in html


def test_csv_for_a_french_spreadsheet(admin_client, lesson, english):
    source = submit(lesson, english)
    done, total = translate(source, english, share=0.5)
    lesson.title = '=HYPERLIEN("http://exemple.org")'
    lesson.save()
    response = admin_client.get(CSV, {"langue": "en", "type": "lessons.lessonpage"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="etat-des-traductions-' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffContenu;Type;Rubrique;Langue;État;Segments traduits (%);")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))[1:]
    assert len(rows) == LessonPage.objects.filter(locale__language_code="fr").count()
    mine = [cells for cells in rows if "HYPERLIEN" in cells[0]]
    assert len(mine) == 1
    cells = mine[0]
    assert cells[0] == '\'=HYPERLIEN("http://exemple.org")'  # not run as a formula
    assert cells[3:8] == ["anglais", "En cours", str(done * 100 // total), str(done), str(total)]
    assert cells[9] == "Non"  # the English lesson is a draft
    assert cells[10].endswith(f"/admin/pages/{lesson.pk}/edit/")


def test_the_report_is_for_page_editors(client, django_user_model):
    user = django_user_model.objects.create_user("sans-pages", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT).status_code in (302, 403)
    assert client.get(CSV).status_code in (302, 403)
    assert REPORT not in client.get("/admin/").content.decode()


def test_an_organisation_editor_sees_their_pages_only(client, admin_user):
    from content.models import Organisation
    from tests.organisations.helpers import user_in

    bellidee = Organisation.objects.get(slug="bellidee", locale__language_code="fr")
    editor = user_in(bellidee.editors_group, "redactrice")
    rows = statuses(editor, language="en")
    theirs = Page.objects.get(url_path__endswith="/fake-news-lycee/version-parents/")
    page_rows = [r for r in rows if r.is_page]
    assert page_rows and all(r.edit_url != "/admin/pages/3/edit/" for r in page_rows)
    assert f"/admin/pages/{theirs.pk}/edit/" in {r.edit_url for r in page_rows}
    assert len(page_rows) < len([r for r in statuses(admin_user, language="en") if r.is_page])
    # Snippets: only the types they may change (their organisation's record, not themes).
    assert "content.theme" not in {r.type_code for r in rows}
    client.force_login(editor)
    assert client.get(REPORT).status_code == 200
    assert REPORT in client.get("/admin/").content.decode()


QUERIES = []


def report_queries(admin_client):
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(REPORT)
    assert response.status_code == 200
    QUERIES[:] = queries.captured_queries
    return len(queries)


def add_translated_pages(parent, count, english):
    for _n in range(count):
        page = StandardPageFactory(parent=parent)
        page.save_revision().publish()
        source = submit(page, english)
        translate(source, english, share=0.5)
        republish(page)


def test_the_query_count_does_not_grow_with_the_pages(admin_client, english):
    parent = StandardPage.objects.get(slug="accessibilite", locale__language_code="fr")
    report_queries(admin_client)  # content types and permissions cached, as in use
    add_translated_pages(parent, 2, english)
    with_two = report_queries(admin_client)
    add_translated_pages(parent, 10, english)
    with_many = report_queries(admin_client)
    assert with_many == with_two
    # Session, user, French locale, other locales, sections, translations, segment counts
    # (2), pages, their copies, 2 per translatable snippet type (7), the admin's menus.
    assert with_two <= 29, "\n".join(query["sql"][:200] for query in QUERIES)


def test_an_english_easy_read_version_follows_the_french_easy_read_version_not_the_lesson(
    admin_user, english
):
    """Issue 17: the English easy-to-read version translates the French easy-to-read version;
    republishing the French lesson (its original) makes the English lesson out of date, not
    the English easy-to-read version, in the report and in the « FALC à mettre à jour » flag."""
    version = LessonPage.objects.get(
        slug="creer-une-adresse-e-mail-falc", locale__language_code="fr"
    )
    original = version.easy_read_of
    for page in (original, version):  # the original first: its parent must exist in English
        translate(submit(page, english), english)
    english_version = version.get_translation(english)
    english_original = original.get_translation(english)
    for page in (english_original, english_version):
        page.save_revision().publish()
    assert row(admin_user, version).state == UP_TO_DATE

    republish(original)
    assert row(admin_user, original).state == OUT_OF_DATE
    assert row(admin_user, version).state == UP_TO_DATE
    english_version = LessonPage.objects.get(pk=english_version.pk)
    assert english_version.easy_read_outdated is False  # its own original is the English lesson
    assert english_version not in LessonPage.needing_review()[1]
    assert LessonPage.objects.get(pk=version.pk).easy_read_outdated  # the French one is

    republish(version)
    assert row(admin_user, version).state == OUT_OF_DATE

    english_original.save_revision().publish()  # the English lesson changes after its version
    english_version = LessonPage.objects.get(pk=english_version.pk)
    assert english_version.easy_read_outdated
    assert english_version in LessonPage.needing_review()[1]
