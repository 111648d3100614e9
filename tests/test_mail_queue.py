"""Every e-mail out of the request (content/mail.py, docs/background-tasks.md « E-mail »):
Wagtail's moderation notifications and the admin password reset are queued as tasks, the real
worker delivers them intact, a refused one is retried then listed in « Tâches en échec »; our
own tasks' e-mails are not queued a second time; with the embedded default nothing changes."""

import json
import re
from email.mime.text import MIMEText

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection, send_mail
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from content import background
from content.mail import deserialise, serialise
from tests.organisations.helpers import cast
from tests.organisations.test_workflow import page_form
from tests.test_background_tasks import (  # noqa: F401 (reload_demo_afterwards: a fixture)
    DATABASE_QUEUE,
    closed_port,
    reload_demo_afterwards,
    run_worker,
)

QUEUED = "content.mail.QueuedEmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"
MAIL_TASK = "content.tasks.deliver_email"


def wire(message):
    """The message as the mail server gets it, minus what differs between two renderings."""
    return re.sub(rb"(Date|Message-ID): .*\n|=+\d+==", b"", message.message().as_bytes())


def test_a_message_survives_the_queue_byte_for_byte():
    message = EmailMultiAlternatives(
        "Sujet accentué : été",
        "Le texte.",
        "Cap Numérique <ne-pas-repondre@example.org>",
        ["a@example.org"],
        cc=["b@example.org"],
        bcc=["c@example.org"],
        reply_to=["d@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Le texte.</p>", "text/html")
    message.attach("bilan.pdf", b"%PDF-1.7\x00\xff", "application/pdf")
    message.attach("note.txt", "Une note.", "text/plain")
    message.attach(MIMEText("Une partie MIME."))
    data = json.loads(json.dumps(serialise(message)))  # what the task row stores
    assert data["attachments"][0]["base64"]
    copy = deserialise(data)
    assert wire(copy) == wire(message)
    assert copy.recipients() == ["a@example.org", "b@example.org", "c@example.org"]

    html_only = EmailMessage("Sujet", "<p>HTML</p>", to=["a@example.org"])
    html_only.content_subtype = "html"
    assert wire(deserialise(serialise(html_only))) == wire(html_only)


@pytest.mark.django_db
def test_the_embedded_default_sends_at_once_as_before(settings):
    """Tasks run in the request: the queue hands the message to the real backend at once,
    and a refusal reaches the caller as it did without the queue."""
    settings.EMAIL_BACKEND = QUEUED
    assert send_mail("Sujet", "Texte", None, ["a@example.org"]) == 1
    assert [m.subject for m in mail.outbox] == ["Sujet"]
    assert not DBTaskResult.objects.filter(task_path=MAIL_TASK).exists()
    settings.EMAIL_DELIVERY_BACKEND = SMTP
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    with pytest.raises(ConnectionRefusedError):
        send_mail("Sujet", "Texte", None, ["a@example.org"])
    assert send_mail("Sujet", "Texte", None, ["a@example.org"], fail_silently=True) == 0


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE, EMAIL_BACKEND=QUEUED)
def test_queued_in_the_callers_transaction():
    """A message becomes one task row (nothing sent); an opened connection (Wagtail opens one
    for a batch) changes nothing; a message without recipients is not queued."""
    with get_connection() as connection:
        sent = connection.send_messages(
            [EmailMessage("Un", "Texte", to=["a@example.org"]), EmailMessage("Vide", "Texte")]
        )
    assert sent == 1 and mail.outbox == []
    row = DBTaskResult.objects.get(task_path=MAIL_TASK)
    assert row.status == TaskResultStatus.READY
    assert row.priority == 10
    assert row.args_kwargs["args"][0]["subject"] == "Un"


# All in one override: pytest-django's `settings` fixture, changed inside a decorator's
# override, would restore the decorator's values after it, for the rest of the session.
@pytest.mark.django_db
@override_settings(
    TASKS=DATABASE_QUEUE,
    EMAIL_BACKEND=QUEUED,
    ROOT_URLCONF="tests.test_error_notifications",
    ADMINS=[("Équipe technique", "tech@example.org")],
)
def test_a_server_error_queues_its_mail_to_the_admins():
    """Django's AdminEmailHandler goes through the queue too: the 500 page never waits on the
    mail server; the queued message is the one Django built, traceback included."""
    from content.mail import deliver

    response = Client(raise_request_exception=False).get("/panne/")
    assert response.status_code == 500 and mail.outbox == []
    row = DBTaskResult.objects.get(task_path=MAIL_TASK)
    assert deliver(row.args_kwargs["args"][0]) == 1
    assert mail.outbox[0].to == ["tech@example.org"]
    assert "panne simulée pour le test" in mail.outbox[0].body


def notifications_and_reset(client, people):
    """The organisation's editor submits a page for moderation; then asks for a new password."""
    section = Page.objects.get(url_path="/accueil/enseignants/")  # Bellidée's section
    client.force_login(people.editor)
    add = reverse("wagtailadmin_pages:add", args=["content", "standardpage", section.pk])
    response = client.post(add, page_form("Séance parents", **{"action-submit": "1"}))
    assert response.status_code == 302
    client.logout()
    response = client.post("/admin/password_reset/", {"email": people.editor.email})
    assert response.status_code == 302


# One transactional test (the worker commits; each such test flushes, then the demo reloads).
def test_wagtail_and_django_mails_go_through_the_worker(
    reload_demo_afterwards,  # noqa: F811 (a fixture, first: its teardown follows the flush)
    transactional_db,
    demo_site,
    client,
    django_user_model,
):
    people = cast()
    with override_settings(TASKS=DATABASE_QUEUE, EMAIL_BACKEND=QUEUED, TASK_RETRY_DELAYS=[0]):
        DBTaskResult.objects.all().delete()  # what cast() left (Wagtail's index updates)
        from campaigns.tasks import send_registration_email

        # 1. In the requests: rows written, nothing sent.
        notifications_and_reset(client, people)
        send_registration_email.enqueue(people.alice.pk, "status")  # one of our own tasks
        assert mail.outbox == []
        queued = DBTaskResult.objects.filter(task_path=MAIL_TASK).order_by("enqueued_at")
        messages = [row.args_kwargs["args"][0] for row in queued]
        assert [m["to"] for m in messages] == [
            ["coordinatrice@example.org"],
            ["redactrice@example.org"],
        ]
        notification, reset = messages
        assert "a été soumise pour validation" in notification["subject"]
        [html] = notification["alternatives"]
        assert html["mimetype"] == "text/html" and "attend votre relecture" in html["text"]

        # 2. The worker sends each, the notification with its HTML part intact; our own task
        # sent its e-mail itself (no second row for it).
        run_worker()
        assert {row.status for row in DBTaskResult.objects.all()} == {TaskResultStatus.SUCCESSFUL}
        assert DBTaskResult.objects.filter(task_path=MAIL_TASK).count() == 2
        outbox = {m.to[0]: m for m in mail.outbox}
        assert sorted(outbox) == sorted(
            ["coordinatrice@example.org", "redactrice@example.org", "alice@example.org"]
        )
        sent = outbox["coordinatrice@example.org"]
        assert sent.subject == notification["subject"] and sent.body == notification["body"]
        assert sent.alternatives == [(html["text"], "text/html")]
        assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
        assert "/admin/password_reset/confirm/" in outbox["redactrice@example.org"].body
        assert people.alice.token in outbox["alice@example.org"].body
        mail.outbox.clear()

        # 3. The mail server refuses: the reset e-mail is tried twice, both attempts recorded,
        # the second listed in « Tâches en échec » under its subject; the request answered.
        response = client.post("/admin/password_reset/", {"email": people.editor.email})
        assert response.status_code == 302
        refusing = {
            "EMAIL_DELIVERY_BACKEND": SMTP,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": closed_port(),
            "EMAIL_TIMEOUT": 2,
        }
        with override_settings(**refusing):
            run_worker()
        first, second = DBTaskResult.objects.filter(
            task_path=MAIL_TASK, status=TaskResultStatus.FAILED
        ).order_by("enqueued_at")
        assert second.args_kwargs["kwargs"] == {"_attempt": 2, "_retry_of": str(first.id)}
        assert "ConnectionRefusedError" in second.traceback
        assert [row.id for row in background.failed_tasks()] == [second.id]
        assert mail.outbox == []
        admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
        client.force_login(admin)
        page = client.get("/admin/taches-en-echec/").content.decode()
        assert "Courriel : " + reset["subject"] in page

        # 4. Back: relaunched, delivered.
        client.post("/admin/taches-en-echec/", {"task": str(second.id)})
        run_worker()
        assert [m.to for m in mail.outbox] == [["redactrice@example.org"]]
        assert background.failed_tasks() == []
