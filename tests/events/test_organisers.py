"""What organisers rely on: the admin keeps the waiting list moving and refuses over-booking,
a cancelled date tells its registrants, visitors get their cancellation confirmed, reminders
go out the day before to those who asked, and the confirmation page offers an .ics file."""

import datetime
import io
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from campaigns.models import Occurrence, Registration

from .factories import in_days, make_agenda, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("orga", "orga@example.org", "x")
    client.force_login(admin)
    return client


def edit_data(registration, **changes):
    data = {
        "occurrence": registration.occurrence_id,
        "name": registration.name,
        "email": registration.email,
        "phone": registration.phone,
        "seats": registration.seats,
        "accessibility_needs": "",
        "status": registration.status,
    }
    data.update(changes)
    return data


def test_admin_cancellation_promotes_the_waiting_list(admin_client, home):
    occurrence = make_event(make_agenda(home), capacity=4).occurrences.get()
    first = Registration.register(occurrence.pk, name="A", email="a@example.org", seats=4)
    waiting = Registration.register(occurrence.pk, name="B", email="b@example.org", seats=2)
    mail.outbox.clear()
    url = reverse("registrations:edit", args=[first.pk])
    response = admin_client.post(url, edit_data(first, status=Registration.Status.CANCELLED))
    assert response.status_code == 302
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED and first.cancelled_at
    assert waiting.status == Registration.Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [["b@example.org"]]
    assert "confirmée" in mail.outbox[0].body
    # A newcomer now gets the seats that remain instead of « complet ».
    newcomer = Registration.register(occurrence.pk, name="C", email="c@example.org", seats=2)
    assert newcomer.status == Registration.Status.CONFIRMED


def test_admin_deletion_promotes_the_waiting_list(admin_client, home):
    occurrence = make_event(make_agenda(home), capacity=1).occurrences.get()
    first = Registration.register(occurrence.pk, name="A", email="a@example.org")
    waiting = Registration.register(occurrence.pk, name="B", email="b@example.org")
    response = admin_client.post(reverse("registrations:delete", args=[first.pk]))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_admin_cannot_confirm_more_people_than_seats(admin_client, home):
    occurrence = make_event(make_agenda(home), capacity=15).occurrences.get()
    Registration.register(occurrence.pk, name="Groupe", email="g@example.org", seats=10)
    response = admin_client.post(
        reverse("registrations:add"),
        edit_data(
            Registration(occurrence=occurrence, name="Classe", email="c@example.org"),
            seats=8,
            status=Registration.Status.CONFIRMED,
        ),
    )
    assert response.status_code == 200
    assert "Il ne reste que 5 places" in response.content.decode()
    assert occurrence.confirmed_seats() == 10
    # On the waiting list it is accepted.
    response = admin_client.post(
        reverse("registrations:add"),
        edit_data(
            Registration(occurrence=occurrence, name="Classe", email="c@example.org"),
            seats=8,
            status=Registration.Status.WAITING,
        ),
    )
    assert response.status_code == 302
    assert occurrence.confirmed_seats() == 10


def cancel_date_in_admin(client, event, occurrence):
    """Publish the event with this date marked cancelled, through the page editor."""
    revision_page = event.get_latest_revision_as_object()
    for child in revision_page.occurrences.all():
        if child.pk == occurrence.pk:
            child.status = Occurrence.Status.CANCELLED
    revision_page.save_revision().publish()


def test_cancelling_a_date_emails_its_registrants_once(home):
    event = make_event(make_agenda(home), capacity=2)
    event.save_revision().publish()
    occurrence = event.occurrences.get()
    Registration.register(occurrence.pk, name="A", email="a@example.org", seats=2)
    Registration.register(occurrence.pk, name="B", email="b@example.org")
    Registration.register(occurrence.pk, name="C", phone="0321000000")
    mail.outbox.clear()
    cancel_date_in_admin(None, event, occurrence)
    assert Occurrence.objects.get(pk=occurrence.pk).is_cancelled
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all("annulée" in m.subject for m in mail.outbox)
    mail.outbox.clear()
    event.get_latest_revision_as_object().save_revision().publish()
    assert mail.outbox == []


def test_editor_is_warned_that_a_cancelled_date_has_registrants(admin_client, home):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    event = make_event(make_agenda(home), capacity=5, title="Café du jeudi")
    event.save_revision().publish()
    occurrence = event.occurrences.get()
    Registration.register(occurrence.pk, name="A", email="a@example.org")
    Registration.register(occurrence.pk, name="B", phone="0321000000")
    local = timezone.localtime(occurrence.start)
    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "summary": "",
            "occurrences": inline_formset(
                [
                    {
                        "id": occurrence.pk,
                        "start": local.strftime("%d/%m/%Y %H:%M"),
                        "end": (local + datetime.timedelta(hours=2)).strftime("%d/%m/%Y %H:%M"),
                        "capacity": "",
                        "status": Occurrence.Status.CANCELLED,
                    }
                ],
                initial=1,
            ),
            "level": "tous",
            "action_kind": event.action_kind,
            "capacity": 5,
            "registration_open": "on",
            "body": streamfield([]),
            "report": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[event.pk]), data, follow=True
    )
    html = response.content.decode()
    assert Occurrence.objects.get(pk=occurrence.pk).is_cancelled, html[:3000]
    assert "2 inscriptions" in html
    assert "prévenue par courriel" in html
    assert "par téléphone" in html


def test_visitor_cancellation_is_confirmed_by_email(client, home):
    event = make_event(make_agenda(home))
    registration = Registration.register(
        event.occurrences.get().pk, name="A", email="a@example.org"
    )
    mail.outbox.clear()
    url = event.url + event.reverse_subpage("registration", args=[registration.token])
    client.post(url, {"action": "annuler"})
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "annulée" in mail.outbox[0].subject


def test_reminder_the_day_before_only_for_those_who_asked(home):
    event = make_event(make_agenda(home), starts=[in_days(1, hour=14)], capacity=10)
    occurrence = event.occurrences.get()
    asked = Registration.register(
        occurrence.pk, name="A", email="a@example.org", wants_reminder=True
    )
    Registration.register(occurrence.pk, name="B", email="b@example.org")
    later = make_event(make_agenda(home), starts=[in_days(3)], capacity=10)
    Registration.register(
        later.occurrences.get().pk, name="C", email="c@example.org", wants_reminder=True
    )
    mail.outbox.clear()
    call_command("send_event_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "Rappel" in mail.outbox[0].subject
    assert asked.token in mail.outbox[0].body
    call_command("send_event_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # once


def test_registration_form_offers_the_reminder_and_stores_the_choice(client, home):
    event = make_event(make_agenda(home))
    occurrence = event.occurrences.get()
    url = event.url + event.reverse_subpage("register", args=[occurrence.pk])
    assert "la veille" in client.get(url).content.decode()
    client.post(
        url,
        {
            "name": "Alice",
            "email": "a@example.org",
            "seats": 1,
            "consent": "on",
            "wants_reminder": "on",
        },
    )
    assert Registration.objects.get(occurrence=occurrence).wants_reminder


def test_confirmation_page_offers_the_date_as_an_ics_file(client, home):
    event = make_event(make_agenda(home), starts=[in_days(5), in_days(12)])
    occurrence = event.occurrences.order_by("start").last()
    registration = Registration.register(occurrence.pk, name="A", email="a@example.org")
    page = client.get(event.url + event.reverse_subpage("registration", args=[registration.token]))
    html = page.content.decode()
    assert "Ajouter à mon agenda" in html
    ics_url = event.url + event.reverse_subpage("occurrence_ics", args=[occurrence.pk])
    assert ics_url in html
    calendar = Calendar.from_ical(client.get(ics_url).content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert events[0].decoded("dtstart") == timezone.localtime(occurrence.start)


def test_reminders_skip_cancelled_dates(home):
    event = make_event(make_agenda(home), starts=[in_days(1)], capacity=10)
    occurrence = event.occurrences.get()
    Registration.register(occurrence.pk, name="A", email="a@example.org", wants_reminder=True)
    Occurrence.objects.filter(pk=occurrence.pk).update(status=Occurrence.Status.CANCELLED)
    mail.outbox.clear()
    with mock.patch("django.utils.timezone.now", return_value=timezone.now()):
        call_command("send_event_reminders", stdout=io.StringIO())
    assert mail.outbox == []
