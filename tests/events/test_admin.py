import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from campaigns.models import Registration

from .factories import make_agenda, make_event

pytestmark = pytest.mark.django_db


def test_organisers_filter_and_export_registrations_as_csv(client, home):
    admin = get_user_model().objects.create_superuser("orga", "orga@example.org", "x")
    client.force_login(admin)
    agenda = make_agenda(home)
    event, other = make_event(agenda, title="Café A"), make_event(agenda, title="Café B")
    Registration.register(event.occurrences.get().pk, name="Alice", email="a@example.org", seats=2)
    Registration.register(other.occurrences.get().pk, name="Bob", phone="0321000000", seats=1)
    url = reverse("registrations:index")
    listing = client.get(url, {"occurrence__event": event.pk})
    assert listing.status_code == 200
    assert "Alice" in listing.content.decode()
    assert "Bob" not in listing.content.decode()
    export = client.get(url, {"occurrence__event": event.pk, "export": "csv"})
    assert export.status_code == 200
    body = b"".join(export.streaming_content if export.streaming else [export.content]).decode()
    assert "Alice" in body and "a@example.org" in body and "Café A" in body
    assert "Bob" not in body
