"""Admin login (issue 16, item 2): locked after the documented number of failures (django-axes),
the right password refused until the cool-off ends, and a strict CSP on the login page."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "un-mot-de-passe-solide-42"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "redacteur", "redacteur@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def attempt(client, password, **extra):
    return client.post(LOGIN, {"username": "redacteur", "password": password}, **extra)


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_the_right_password_used_to_work_after_many_failures(client, editor):
    """The problem reproduced: with Django's backend alone, 20 wrong passwords change nothing."""
    with override_settings(
        AUTHENTICATION_BACKENDS=["django.contrib.auth.backends.ModelBackend"], AXES_ENABLED=False
    ):
        for _ in range(20):
            assert attempt(client, "faux").status_code == 200
        assert logged_in(attempt(client, PASSWORD))


def test_login_locks_after_the_limit_and_refuses_the_right_password(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5  # the documented default (docs/protections.md)
    statuses = [attempt(client, "faux").status_code for _ in range(limit)]
    assert statuses[:-1] == [200] * (limit - 1)  # the form again, with its error
    assert statuses[-1] == 429
    refused = attempt(client, PASSWORD)
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Connexion bloquée pour le moment" in html
    assert "même le bon mot de passe est refusé" in html
    assert int(refused["Retry-After"]) == 15 * 60
    assert "'unsafe-inline'" not in refused["Content-Security-Policy"]
    assert "_auth_user_id" not in client.session

    # Another address is not locked out: an attacker cannot lock an editor out from elsewhere.
    assert logged_in(attempt(client.__class__(), PASSWORD, REMOTE_ADDR="192.0.2.20"))

    # Once the cool-off has passed, the right password works again.
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(seconds=1)
    )
    assert logged_in(attempt(client, PASSWORD))


def test_an_administrator_can_unlock(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "faux")
    assert attempt(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "redacteur", verbosity=0)
    assert logged_in(attempt(client, PASSWORD))


def test_the_lockout_follows_the_trusted_proxy_address(client, editor, settings):
    """Behind the proxy, changing the forged (left) part of X-Forwarded-For does not escape."""
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "faux", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.5")
    refused = attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="6.6.6.99, 203.0.113.5")
    assert refused.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"


def test_login_page_policy_has_no_unsafe_inline(client, editor):
    for response in (
        client.get(LOGIN),
        attempt(client, "faux"),
        client.get("/admin/password_reset/"),
    ):
        assert response.status_code == 200
        csp = response["Content-Security-Policy"]
        assert "'unsafe-inline'" not in csp
        assert "script-src 'self'" in csp


def test_the_logged_in_admin_keeps_its_own_policy(client, editor):
    assert logged_in(attempt(client, PASSWORD))
    assert "'unsafe-inline'" in client.get("/admin/")["Content-Security-Policy"]


def test_an_administrator_unlocks_from_the_admin(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "faux", REMOTE_ADDR="203.0.113.8")
    assert attempt(client, PASSWORD, REMOTE_ADDR="203.0.113.8").status_code == 429

    admin = client.__class__()
    admin.force_login(
        get_user_model().objects.create_superuser("admin2", "admin2@example.org", "x")
    )
    listing = admin.get("/admin/connexions-bloquees/")
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "redacteur" in html and "203.0.113.8" in html
    locked = AccessAttempt.objects.get()
    response = admin.post("/admin/connexions-bloquees/", {"attempt": locked.pk}, follow=True)
    assert "Connexion débloquée pour « redacteur »" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert logged_in(attempt(client, PASSWORD, REMOTE_ADDR="203.0.113.8"))


def test_only_administrators_see_the_lockouts(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "faux")
    user = get_user_model().objects.create_user("ed", "ed@example.org", "x", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    other = client.__class__()
    other.force_login(user)
    # Wagtail turns the refusal into a redirect to the dashboard, with its own message.
    listing = other.get("/admin/connexions-bloquees/")
    assert listing.status_code == 302 and listing["Location"] == "/admin/"
    other.post("/admin/connexions-bloquees/", {"attempt": AccessAttempt.objects.get().pk})
    assert AccessAttempt.objects.exists()


def test_password_reset_requests_and_emails_are_limited(client, editor, mailoutbox, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset": "4/h"}
    url = "/admin/password_reset/"
    statuses = [client.post(url, {"email": "redacteur@example.org"}).status_code for _ in range(4)]
    # Three e-mails a day to one address; the page answers the same either way.
    assert statuses == [302] * 4
    assert len(mailoutbox) == int(settings.RATE_LIMITS["password_reset_email"].split("/")[0])
    refused = client.post(url, {"email": "quelquun@example.org"})
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Trop de demandes depuis cette connexion" in html
    assert 'value="quelquun@example.org"' in html
    assert "'unsafe-inline'" not in refused["Content-Security-Policy"]
