"""A registrant's e-mails are in the language of the event page they registered on, though
they are sent outside any request (task worker, scheduled commands: the site's default
language, French, is active there)."""

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from campaigns import notifications
from campaigns.models import EventPage
from campaigns.models.registrations import Registration

pytestmark = pytest.mark.django_db


def registration_on(event):
    occurrence = event.occurrences.filter(start__gt=timezone.now()).order_by("start").first()
    return Registration.objects.create(
        occurrence=occurrence,
        name="Alex Martin",
        email="alex@example.org",
        status=Registration.Status.CONFIRMED,
    )


@pytest.fixture
def events(home):
    english = Locale.objects.get(language_code="en")
    french = EventPage.objects.get(url_path="/accueil/agenda/cafe-numerique/")
    agenda = french.get_parent().specific.copy_for_translation(english)
    agenda.save_revision().publish()
    copy = french.copy_for_translation(english)
    copy.save_revision().publish()
    return french, EventPage.objects.get(pk=copy.pk)


def test_emails_follow_the_language_of_the_event_page(events):
    french, english = events
    for event in (french, english):
        registration = registration_on(event)
        assert notifications.send_status(registration, fail_silently=False)
        notifications.send_reminder(registration, fail_silently=False)
    fr_status, fr_reminder, en_status, en_reminder = mail.outbox
    assert fr_status.subject == f"Votre inscription : {french.title}"
    assert "Votre inscription est confirmée." in fr_status.body
    assert "h00 – " in fr_status.body  # « jeudi 10 décembre 2026, 14h00 – 16h00 »
    assert en_status.subject == f"Your registration: {english.title}"
    assert "Your registration is confirmed." in en_status.body
    assert ":00 – " in en_status.body and "h00" not in en_status.body
    assert "1 place" in en_status.body
    assert en_reminder.subject == f"Reminder: {english.title}, tomorrow"
    assert fr_reminder.subject == f"Rappel : {french.title}, demain"


def test_the_password_reset_follows_the_language_the_user_chose(client, django_user_model):
    """Asked from the French admin page: in English for an editor who chose English in their
    account, in French for one who chose nothing."""
    from wagtail.users.models import UserProfile

    english = django_user_model.objects.create_user("jo", "jo@example.org", "x")
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    django_user_model.objects.create_user("lou", "lou@example.org", "x")
    for address in ("jo@example.org", "lou@example.org"):
        response = client.post("/admin/password_reset/", {"email": address})
        assert response.status_code == 302
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "jo@example.org": "Password reset",
        "lou@example.org": "Réinitialisation de mot de passe",
    }
