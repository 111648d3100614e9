"""After `purge_registrations`, a registrant's name, e-mail and phone are nowhere in the
database: every text column of every table is read back (issue 16, item 9)."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Registration

from .factories import make_agenda, make_event

pytestmark = pytest.mark.django_db

NAME = "Zéphyrine Plantard-Quimper"
EMAIL = "zephyrine.plantard@example.org"
PHONE = "0699887766"
PLANTED = (NAME, EMAIL, PHONE, "Plantard")


def as_text(value):
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", "ignore")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value if isinstance(value, str) else ""


def database_dump():
    """{table: every text value of every row}, plus the decoded session data."""
    dump = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            dump[table] = "\n".join(as_text(v) for row in cursor.fetchall() for v in row)
    dump["sessions (decoded)"] = "\n".join(
        json.dumps(s.get_decoded(), ensure_ascii=False, default=str) for s in Session.objects.all()
    )
    return dump


def tables_holding(dump, text):
    return sorted(table for table, values in dump.items() if text.lower() in values.lower())


def test_no_registrant_data_left_anywhere_after_the_purge(client, home, settings):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 30
    event = make_event(make_agenda(home), capacity=5)
    occurrence = event.occurrences.get()
    url = event.url + event.reverse_subpage("register", args=[occurrence.pk])
    # The visitor registers on the public form, twice (the second is deleted by the organiser).
    for email in (EMAIL, "autre." + EMAIL):
        response = client.post(
            url,
            {
                "name": NAME,
                "email": email,
                "phone": PHONE,
                "seats": "1",
                "accessibility_needs": f"Fauteuil, appeler {NAME}",
                "consent": "on",
            },
        )
        assert response.status_code == 302
    kept, deleted = Registration.objects.order_by("pk")

    # The organiser edits one in the admin and deletes the other: Wagtail logs both, with the
    # registrant's name as the entry's label (shown in « Historique du site »).
    organiser = get_user_model().objects.create_superuser("orga", "orga@example.org", "x")
    client.force_login(organiser)
    edit = client.post(
        reverse("registrations:edit", args=[kept.pk]),
        {
            "occurrence": occurrence.pk,
            "name": NAME,
            "email": EMAIL,
            "phone": PHONE,
            "seats": "2",
            "accessibility_needs": "",
            "status": Registration.Status.CONFIRMED,
        },
    )
    assert edit.status_code == 302, edit.content.decode()[:2000]
    assert client.post(reverse("registrations:delete", args=[deleted.pk])).status_code == 302
    assert client.get(reverse("wagtailadmin_reports:site_history")).status_code == 200

    before = database_dump()
    # The problem the purge must solve, seen first: the name is in the audit log.
    assert "wagtailcore_modellogentry" in tables_holding(before, NAME)

    occurrence.start = timezone.now() - datetime.timedelta(days=40, hours=2)
    occurrence.end = timezone.now() - datetime.timedelta(days=40)
    occurrence.save()
    call_command("purge_registrations", stdout=io.StringIO())

    after = database_dump()
    for text in PLANTED:
        assert tables_holding(after, text) == [], text
    # The history itself stays: who did what, when.
    site_history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "(données effacées)" in site_history and "Plantard" not in site_history


def test_a_registration_still_held_keeps_its_history(home):
    from wagtail.log_actions import log

    event = make_event(make_agenda(home), capacity=5)
    registration = Registration.register(
        event.occurrences.get().pk, name=NAME, email=EMAIL, seats=1
    )
    log(instance=registration, action="wagtail.edit")
    call_command("purge_registrations", stdout=io.StringIO())
    assert tables_holding(database_dump(), NAME) == [
        "campaigns_registration",
        "wagtailcore_modellogentry",
    ]
