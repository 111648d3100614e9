import pytest
from django.core import mail

from campaigns.models import Occurrence, Registration
from campaigns.models.registrations import MAX_SEATS_PER_REGISTRATION

from .factories import in_days, make_agenda, make_event

pytestmark = pytest.mark.django_db

VALID = {"name": "Marie Dupont", "email": "marie@example.org", "seats": "1", "consent": "on"}


@pytest.fixture
def event(home):
    return make_event(make_agenda(home), capacity=5)


def register_url(event, occurrence):
    return event.url + event.reverse_subpage("register", args=[occurrence.pk])


def test_registration_confirms_and_sends_cancellation_link(client, event):
    occurrence = event.occurrences.get()
    response = client.post(register_url(event, occurrence), VALID)
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert response.status_code == 302
    assert response["Location"].endswith(f"/inscription/suivi/{registration.token}/")
    follow = client.get(response["Location"])
    assert "Inscription confirmée pour 1 place" in follow.content.decode()
    assert len(mail.outbox) == 1
    assert registration.token in mail.outbox[0].body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "phone": ""}, "Indiquez une adresse électronique ou un numéro de téléphone"),
        ({"seats": "0"}, "Indiquez au moins 1 place"),
        ({"seats": "1000"}, "au plus 5 places"),
        ({"seats": "deux"}, "Indiquez un nombre de places"),
        ({"consent": ""}, "Cochez la case"),
        ({"email": "pas-une-adresse"}, "adresse électronique valide"),
    ],
)
def test_bad_input_shows_error_summary_and_changes_nothing(client, event, data, message):
    occurrence = event.occurrences.get()
    response = client.post(register_url(event, occurrence), {**VALID, **data})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html
    assert message in html
    assert Registration.objects.count() == 0


def test_errors_and_help_are_tied_to_their_fields(client, event):
    """A screen reader reads a field's help and its error with it, and knows it is invalid."""
    occurrence = event.occurrences.get()
    response = client.post(register_url(event, occurrence), {**VALID, "email": "pas-une-adresse"})
    html = response.content.decode()
    assert 'aria-describedby="id_email-aide id_email-erreur"' in html
    assert html.count('aria-invalid="true"') == 1
    assert 'id="id_email-erreur"' in html
    assert 'aria-describedby="id_phone-aide"' in html


def test_phone_alone_is_enough(client, event):
    occurrence = event.occurrences.get()
    client.post(register_url(event, occurrence), {**VALID, "email": "", "phone": "0321000000"})
    assert Registration.objects.get().phone == "0321000000"


def test_seats_limit_never_above_global_maximum(home):
    event = make_event(make_agenda(home), capacity=500)
    from campaigns.views.registrations import RegistrationForm

    form = RegistrationForm({**VALID, "seats": str(MAX_SEATS_PER_REGISTRATION + 1)}, max_seats=500)
    assert not form.is_valid()
    assert event.capacity == 500


def test_cancelled_occurrence_refuses_registration(client, event):
    occurrence = event.occurrences.get()
    occurrence.status = Occurrence.Status.CANCELLED
    occurrence.save()
    response = client.post(register_url(event, occurrence), VALID)
    assert response.status_code == 409
    assert "Cette séance est annulée" in response.content.decode()
    assert Registration.objects.count() == 0


def test_past_occurrence_refuses_registration(client, home):
    event = make_event(make_agenda(home), starts=[in_days(-3)])
    occurrence = event.occurrences.get()
    response = client.post(register_url(event, occurrence), VALID)
    assert response.status_code == 409
    assert "déjà commencé ou est passée" in response.content.decode()
    assert Registration.objects.count() == 0


def test_unknown_occurrence_is_404(client, event):
    other = make_event(event.get_parent().specific)
    response = client.get(register_url(event, other.occurrences.get()))
    assert response.status_code == 404


@pytest.mark.parametrize("token", ["forged", "1-abc", "999-xyz", "-"])
def test_forged_cancellation_link_is_refused(client, event, token):
    occurrence = event.occurrences.get()
    registration = Registration.register(occurrence.pk, name="A", email="a@example.org", seats=1)
    url = event.url + event.reverse_subpage("registration", args=[token])
    response = client.post(url, {"action": "annuler"})
    assert response.status_code == 404
    assert "Ce lien n'est pas valide" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_token_of_one_event_does_not_work_on_another(client, event):
    registration = Registration.register(
        event.occurrences.get().pk, name="A", email="a@example.org", seats=1
    )
    other = make_event(event.get_parent().specific)
    url = other.url + other.reverse_subpage("registration", args=[registration.token])
    assert client.post(url, {"action": "annuler"}).status_code == 404
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_waiting_list_and_promotion_on_cancellation(client, home):
    event = make_event(make_agenda(home), capacity=2)
    occurrence = event.occurrences.get()
    first = Registration.register(occurrence.pk, name="A", email="a@example.org", seats=2)
    waiting = Registration.register(occurrence.pk, name="B", email="b@example.org", seats=1)
    later = Registration.register(occurrence.pk, name="C", email="c@example.org", seats=1)
    assert first.status == Registration.Status.CONFIRMED
    assert waiting.status == later.status == Registration.Status.WAITING
    url = event.url + event.reverse_subpage("registration", args=[first.token])
    response = client.post(url, {"action": "annuler"})
    assert "Votre inscription est annulée" in response.content.decode()
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == later.status == Registration.Status.CONFIRMED
    # The two promoted, then the confirmation of the cancellation.
    assert [m.to for m in mail.outbox] == [["b@example.org"], ["c@example.org"], ["a@example.org"]]
    # Cancelling twice changes nothing.
    response = client.post(url, {"action": "annuler"})
    assert "déjà annulée" in response.content.decode()


def test_waiting_list_is_first_come_first_served(home):
    event = make_event(make_agenda(home), capacity=3)
    occurrence = event.occurrences.get()
    full = Registration.register(occurrence.pk, name="A", email="a@example.org", seats=3)
    big = Registration.register(occurrence.pk, name="B", email="b@example.org", seats=3)
    small = Registration.register(occurrence.pk, name="C", email="c@example.org", seats=1)
    assert small.status == Registration.Status.WAITING  # nobody jumps the queue
    full.cancel()
    big.refresh_from_db()
    small.refresh_from_db()
    assert big.status == Registration.Status.CONFIRMED
    assert small.status == Registration.Status.WAITING
