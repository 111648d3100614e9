"""The weekly digest with a fixed clock: the right items to the right organisation, and no
e-mail for an organisation with nothing due."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import EventPage
from content.digest import send_digests
from content.models import Organisation, Place
from lessons.models import LessonPage

from .helpers import cast, user_in

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)  # a Monday


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


@pytest.fixture
def due():
    people = cast()
    criac = Organisation.objects.get(slug="criac", locale__language_code="fr")
    people.criac_editor = user_in(criac.editors_group, "chloe")
    # Everything fresh...
    LessonPage.objects.update(
        reviewed_at=TODAY - datetime.timedelta(days=30), last_published_at=at(TODAY.replace(day=1))
    )
    Place.objects.update(date_maj=TODAY - datetime.timedelta(days=10), date_verification=None)
    EventPage.objects.update(attendance_count=12)
    # ...except one item of each kind.
    lessons = LessonPage.objects.live().filter(easy_read_of__isnull=True).order_by("path")
    people.stale_lesson = lessons.first()
    LessonPage.objects.filter(pk=people.stale_lesson.pk).update(
        reviewed_at=datetime.date(2026, 1, 5)
    )
    people.easy_read = LessonPage.objects.filter(easy_read_of__isnull=False).first()
    LessonPage.objects.filter(pk=people.easy_read.easy_read_of_id).update(
        last_published_at=at(TODAY - datetime.timedelta(days=2))
    )
    people.old_place = criac.places.first()
    Place.objects.filter(pk=people.old_place.pk).update(date_maj=datetime.date(2026, 4, 30))
    people.no_attendance = EventPage.objects.get(slug="safer-internet-day-2026")
    EventPage.objects.filter(pk__in=[people.no_attendance.pk, people.ours.pk]).update(
        attendance_count=None
    )
    return people


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_each_organisation_gets_its_own_items(due):
    report = send_digests(today=TODAY)
    criac = mails_to("chloe@example.org")
    assert len(criac) == 1
    body = criac[0].body
    assert due.stale_lesson.title in body
    assert "07/07/2026" in body  # six months after its last check
    assert due.easy_read.title in body
    assert due.old_place.nom in body and "30/04/2026" in body
    assert due.no_attendance.title not in body
    assert "3 contenus à revoir (CRIAC)" in criac[0].subject
    assert "http://" in body and "/admin/pages/" in body

    bellidee = mails_to("redactrice@example.org")
    assert len(bellidee) == 1
    assert due.no_attendance.title in bellidee[0].body
    # Its upcoming workshop has no attendance yet, and needs none.
    assert due.ours.title not in bellidee[0].body
    assert due.stale_lesson.title not in bellidee[0].body

    # Nothing due for the other centre: no e-mail at all.
    assert mails_to("voisin@example.org") == []
    assert due.other not in [organisation for organisation, _count, _to in report]


def test_nothing_is_sent_when_nothing_is_due(due):
    LessonPage.objects.update(reviewed_at=TODAY, last_published_at=at(TODAY))
    Place.objects.update(date_maj=TODAY)
    EventPage.objects.update(attendance_count=5)
    assert send_digests(today=TODAY) == []
    assert mail.outbox == []


def test_the_command_and_its_dry_run(due):
    out = io.StringIO()
    call_command("send_review_digests", "--dry-run", f"--date={TODAY}", stdout=out)
    assert "CRIAC" in out.getvalue() and mail.outbox == []
    call_command("send_review_digests", f"--date={TODAY}", stdout=io.StringIO())
    assert len(mails_to("chloe@example.org")) == 1


def test_the_task_runs_the_same_digest(due):
    from content.tasks import send_review_digests

    result = send_review_digests.enqueue()
    assert result.return_value >= 1


def test_each_recipient_reads_the_digest_in_their_language(due):
    """Chloé chose English in her admin account: her digest is in English; her colleague
    without a preference and the organisation's own address get the same one in French."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(due.criac_editor)
    profile.preferred_language = "en"
    profile.save()
    criac = Organisation.objects.get(slug="criac", locale__language_code="fr")
    criac.digest_email = "revue@criac.example.org"
    criac.save(update_fields=["digest_email"])
    user_in(criac.editors_group, "dominique")
    report = send_digests(today=TODAY)

    [english] = mails_to("chloe@example.org")
    assert english.to == ["chloe@example.org"]
    assert english.subject == "Cap Numérique: 3 items of content to review (CRIAC)"
    assert "Places whose information has not been checked for six months" in english.body
    assert "last updated on 30/04/2026" in english.body
    assert "Lieux dont" not in english.body and "Bonjour" not in english.body

    [french] = mails_to("dominique@example.org")
    assert french.to == ["revue@criac.example.org", "dominique@example.org"]
    assert "3 contenus à revoir (CRIAC)" in french.subject
    assert "Lieux dont les informations n'ont pas été vérifiées" in french.body
    assert "dernière mise à jour le 30/04/2026" in french.body
    [(_organisation, count, to)] = [row for row in report if row[0] == criac]
    assert count == 3 and sorted(to) == sorted([*french.to, "chloe@example.org"])
