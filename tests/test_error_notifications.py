"""Error notifications (issue 16, item 10): ADMINS from the environment, a 500 e-mailed to
them with its traceback, and a 500 page that says what really happens."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import path

from capnum import urls as site_urls
from capnum.settings.base import parse_admins


def broken_view(request):
    raise RuntimeError("panne simulée pour le test")


# The site's own URLs behind a failing one (the middleware reverses admin URLs).
urlpatterns = [path("panne/", broken_view), *site_urls.urlpatterns]


def test_admins_come_from_one_variable():
    assert parse_admins("") == []
    assert parse_admins('Équipe technique <tech@example.org>, "Dupont, Marie" <m@example.org>') == [
        ("Équipe technique", "tech@example.org"),
        ("Dupont, Marie", "m@example.org"),
    ]
    assert parse_admins("ops@example.org") == [("ops@example.org", "ops@example.org")]


@pytest.mark.django_db
def test_a_server_error_is_mailed_to_the_admins(settings):
    settings.ROOT_URLCONF = __name__
    settings.ADMINS = [("Équipe technique", "tech@example.org")]
    settings.SERVER_EMAIL = "serveur@example.org"
    response = Client(raise_request_exception=False).get("/panne/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "L’erreur est notée dans le journal du site" in html
    assert "prévenue" not in html  # not promised: ADMINS may be empty
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["tech@example.org"] and message.from_email == "serveur@example.org"
    assert "panne simulée pour le test" in message.body


@pytest.mark.django_db
def test_without_admins_nothing_is_sent_and_the_error_is_still_logged(settings, caplog):
    settings.ROOT_URLCONF = __name__
    settings.ADMINS = []
    with caplog.at_level("ERROR", logger="django.request"):
        assert Client(raise_request_exception=False).get("/panne/").status_code == 500
    assert mail.outbox == []
    assert [r.exc_info[1].args[0] for r in caplog.records] == ["panne simulée pour le test"]
