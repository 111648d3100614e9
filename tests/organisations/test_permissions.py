"""Organisations own their content: an editor of one social centre never reaches another's
pages, events, registrations or reports; the coordination reaches everything; personal-data
screens need their own permission."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Page

from lessons.models import LessonPage, SchoolModulePage, SessionReport

from .helpers import body, cast, refused, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return cast()


def test_registration_listing_export_and_search_show_only_the_own_events(client, people):
    client.force_login(people.editor)
    url = reverse("registrations:index")
    listing = body(client.get(url))
    assert "Alice Martin" in listing and "Bob Lefebvre" not in listing
    # Searching for the other centre's registrant finds nothing.
    assert "Bob Lefebvre" not in body(client.get(url, {"q": "Bob"}))
    export = client.get(url, {"export": "csv"})
    assert export.status_code == 200
    exported = body(export)
    assert "alice@example.org" in exported and "bob@example.org" not in exported
    # Filtering by the other centre's event gives nothing either.
    assert "Bob" not in body(client.get(url, {"occurrence__event": people.theirs.pk}))


def test_registration_detail_views_refuse_another_organisations_registrant(client, people):
    client.force_login(people.editor)
    for name in ("edit", "inspect"):
        own = client.get(reverse(f"registrations:{name}", args=[people.alice.pk]))
        assert own.status_code == 200, name
    for name in ("edit", "inspect", "delete", "history"):
        other = client.get(reverse(f"registrations:{name}", args=[people.bob.pk]))
        assert other.status_code == 404, name
    # Nor can a registrant be moved to (or created for) the other centre's event.
    form = client.get(reverse("registrations:edit", args=[people.alice.pk])).context["form"]
    occurrences = list(form.fields["occurrence"].queryset)
    assert people.ours.occurrences.get() in occurrences
    assert people.theirs.occurrences.get() not in occurrences


def test_coordination_sees_every_registration(client, people):
    client.force_login(people.coordination)
    url = reverse("registrations:index")
    listing = body(client.get(url))
    assert "Alice Martin" in listing and "Bob Lefebvre" in listing
    exported = body(client.get(url, {"export": "csv"}))
    assert "alice@example.org" in exported and "bob@example.org" in exported
    assert client.get(reverse("registrations:edit", args=[people.bob.pk])).status_code == 200


def test_an_editor_edits_the_own_centres_events_and_never_anothers(client, people):
    client.force_login(people.editor)
    own = client.get(reverse("wagtailadmin_pages:edit", args=[people.ours.pk]))
    assert own.status_code == 200
    other = client.get(reverse("wagtailadmin_pages:edit", args=[people.theirs.pk]))
    assert other.status_code != 200
    # Posting an edit of the other centre's event changes nothing.
    client.post(
        reverse("wagtailadmin_pages:edit", args=[people.theirs.pk]),
        {"title": "Piraté", "slug": people.theirs.slug, "action-publish": "1"},
    )
    people.theirs.refresh_from_db()
    assert people.theirs.title == "Atelier Chemin Vert"
    tester = people.theirs.permissions_for_user(people.editor)
    assert not tester.can_edit() and not tester.can_publish() and not tester.can_delete()
    # Its organiser choices are its own organisation only.
    form = own.context["form"]
    assert list(form.fields["organiser"].queryset) == [people.bellidee]


def test_coordination_edits_and_publishes_any_event(client, people):
    client.force_login(people.coordination)
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[people.theirs.pk])).status_code == 200
    )
    tester = people.theirs.permissions_for_user(people.coordination)
    assert tester.can_edit() and tester.can_publish()


def test_page_sections_belong_to_their_organisation(client, people):
    module = SchoolModulePage.objects.live().first()  # Bellidée's section
    lesson = LessonPage.objects.live().first()  # the CRIAC's section
    client.force_login(people.editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).status_code != 200
    # Editors write and submit; only the coordination publishes.
    assert module.permissions_for_user(people.editor).can_edit()
    assert not module.permissions_for_user(people.editor).can_publish()
    assert not lesson.permissions_for_user(people.neighbour).can_edit()
    assert lesson.permissions_for_user(people.coordination).can_publish()


def test_session_reports_are_scoped_to_their_structure(client, people):
    ours = SessionReport.objects.filter(organisation=people.bellidee).first()
    theirs = SessionReport.objects.create(
        date=datetime.date(2026, 11, 5),
        organisation=people.other,
        school="Collège du Chemin Vert",
        class_level="5e",
        pupils=22,
        topic=ours.topic,
    )
    url = reverse("wagtailsnippets_lessons_sessionreport:list")
    client.force_login(people.neighbour)
    listing = body(client.get(url))
    assert "Collège du Chemin Vert" in listing and ours.school not in listing
    assert ours.school not in body(client.get(url, {"export": "csv"}))
    edit = "wagtailsnippets_lessons_sessionreport:edit"
    assert client.get(reverse(edit, args=[ours.pk])).status_code == 404
    assert client.get(reverse(edit, args=[theirs.pk])).status_code == 200
    client.force_login(people.coordination)
    listing = body(client.get(url))
    assert "Collège du Chemin Vert" in listing and ours.school in listing


def test_places_and_organisation_records_are_scoped(client, people):
    from content.models import Place

    bellidee_place = people.bellidee.places.first()
    client.force_login(people.neighbour)
    places = body(client.get(reverse("wagtailsnippets_content_place:list")))
    assert bellidee_place.nom not in places
    edit_place = reverse("wagtailsnippets_content_place:edit", args=[bellidee_place.pk])
    assert client.get(edit_place).status_code == 404
    own_record = reverse("wagtailsnippets_content_organisation:edit", args=[people.other.pk])
    other_record = reverse("wagtailsnippets_content_organisation:edit", args=[people.bellidee.pk])
    assert client.get(own_record).status_code == 200
    assert client.get(other_record).status_code == 404
    client.force_login(people.editor)
    assert bellidee_place.nom in body(client.get(reverse("wagtailsnippets_content_place:list")))
    assert Place.objects.filter(organisation=people.bellidee).exists()


def test_personal_data_screens_need_their_own_permission(client, people):
    # An admin user with page rights only: no registrations, no search log, no figures.
    writer = user_in(Group.objects.create(name="Rédaction sans données"), "pages-seulement")
    writer.groups.first().permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(writer)
    for name in (
        "registrations:index",
        "search_report",
        "campaign_reports",
        "wagtailsnippets_lessons_sessionreport:list",
    ):
        assert refused(client.get(reverse(name))), name
    # Organisation editors read their registrations, never the visitors' search log.
    client.force_login(people.editor)
    assert refused(client.get(reverse("search_report")))
    client.force_login(people.coordination)
    assert client.get(reverse("search_report")).status_code == 200
    assert client.get(reverse("campaign_reports")).status_code == 200


def test_setup_is_idempotent_and_french(people):
    from django.core.management import call_command
    from wagtail.models import Workflow

    before = (Group.objects.count(), Workflow.objects.count())
    call_command("setup_organisations")
    assert (Group.objects.count(), Workflow.objects.count()) == before
    names = set(Group.objects.values_list("name", flat=True))
    assert "Coordination" in names and "Rédaction – Bellidée" not in names
    assert {"Editors", "Moderators"}.isdisjoint(names)
    assert people.bellidee.editors_group.name == "Rédaction – Centre social Éclaté Bellidée"
    assert list(Workflow.objects.values_list("name", flat=True)) == [
        "Relecture par la coordination"
    ]
    assert Page.objects.filter(depth=1).get().get_workflow().name == (
        "Relecture par la coordination"
    )
    assert not get_user_model().objects.filter(username="coordination").exists()
