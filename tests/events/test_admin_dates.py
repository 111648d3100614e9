"""A date typed the French way in the page editor is understood, or refused with a message:
never replaced by the current time."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaigns.models import Occurrence
from content.panels import TypedDateTimeInput

from .factories import make_agenda, make_event, paris

pytestmark = pytest.mark.django_db


def publish_with_dates(client, event, start, end):
    occurrence = event.occurrences.get()
    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "summary": "",
            "occurrences": inline_formset(
                [
                    {
                        "id": occurrence.pk,
                        "start": start,
                        "end": end,
                        "capacity": "",
                        "status": "prevue",
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
    return client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "x"))
    return client


@pytest.mark.parametrize(
    "typed",
    ["21/01/2027 14h00", "21/01/2027 14h", "21/01/2027 à 14 h 00", "21/01/2027 14:00"],
)
def test_french_dates_are_understood(editor, home, typed):
    event = make_event(make_agenda(home))
    response = publish_with_dates(editor, event, typed, "21/01/2027 16h30")
    assert response.status_code == 302
    occurrence = Occurrence.objects.get(event=event)
    assert occurrence.start == paris(2027, 1, 21, 14, 0)
    assert occurrence.end == paris(2027, 1, 21, 16, 30)


@pytest.mark.parametrize("typed", ["32/01/2027 14h00", "demain 14h", "21/13/2027"])
def test_dates_not_understood_are_refused_with_a_message(editor, home, typed):
    event = make_event(make_agenda(home))
    before = Occurrence.objects.get(event=event).start
    response = publish_with_dates(editor, event, typed, "21/01/2027 16h30")
    assert response.status_code == 200
    assert "Date ou heure non comprise" in response.content.decode()
    assert Occurrence.objects.get(event=event).start == before
    assert abs(before - timezone.now()) > datetime.timedelta(days=1)


def test_the_picker_keeps_what_the_editor_typed():
    """Wagtail's picker replaces unparsed text by "now" on blur unless told not to."""
    config = TypedDateTimeInput().get_config()
    assert config["validateOnBlur"] is False
    assert config["format"] == "d/m/Y H:i"
