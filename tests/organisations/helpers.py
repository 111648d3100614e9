"""Two social centres, each with its editor and an event with a registration, and the
coordination: the cast of the permission and workflow tests."""

import io
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from campaigns.models import EventIndexPage, Registration
from content.management.commands.setup_organisations import Command as SetupCommand
from content.models import Organisation
from content.organisations import COORDINATION_GROUP
from tests.events.factories import in_days, make_event


def user_in(group, username, **fields):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "x", first_name=username.title(), **fields
    )
    user.groups.add(group)
    return user


def cast():
    """Demo organisations and groups (setup_organisations ran with the demo, see
    tests/conftest.py), plus a second social centre with its group."""
    bellidee = Organisation.objects.get(slug="bellidee", locale__language_code="fr")
    other = Organisation.objects.create(
        name="Centre social du Chemin Vert",
        slug="chemin-vert",
        kind=Organisation.Kind.SOCIAL_CENTRE,
        locale=bellidee.locale,
    )
    SetupCommand(stdout=io.StringIO()).editors_group(other, {})
    bellidee.refresh_from_db()
    other.refresh_from_db()
    agenda = EventIndexPage.objects.get(locale__language_code="fr")
    ours = make_event(agenda, title="Atelier Bellidée", organiser=bellidee, starts=[in_days(5)])
    theirs = make_event(agenda, title="Atelier Chemin Vert", organiser=other, starts=[in_days(6)])
    alice = Registration.register(
        ours.occurrences.get().pk, name="Alice Martin", email="alice@example.org"
    )
    bob = Registration.register(
        theirs.occurrences.get().pk, name="Bob Lefebvre", email="bob@example.org"
    )
    return SimpleNamespace(
        bellidee=bellidee,
        other=other,
        ours=ours,
        theirs=theirs,
        alice=alice,
        bob=bob,
        editor=user_in(bellidee.editors_group, "redactrice"),
        neighbour=user_in(other.editors_group, "voisin"),
        coordination=user_in(Group.objects.get(name=COORDINATION_GROUP), "coordinatrice"),
    )


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def refused(response):
    """Wagtail answers a permission refusal in the admin with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].rstrip("/").endswith("/admin")
    )
