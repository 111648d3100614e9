"""Background work through django-tasks' database backend and its real worker
(`manage.py db_worker --batch`), as in production (docs/background-tasks.md): the request only
queues, the worker sends; a refused e-mail is retried, then listed in « Tâches en échec » and
relaunched from there; a failing queue loses nothing a visitor typed.

The worker tests are transactional (the worker commits, and checks its connection the way a
long-running process must, which a test wrapped in a transaction cannot survive)."""

import io
import signal
import socket

import django_tasks_db
import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from campaigns.models import Registration
from content import background
from tests.events.factories import make_agenda, make_event

DATABASE_QUEUE = {"default": {"BACKEND": "content.background.DatabaseBackend"}}
VALID = {"name": "Marie Dupont", "email": "marie@example.org", "seats": "1", "consent": "on"}
EMAIL_TASK = "campaigns.tasks.send_registration_email"


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_worker():
    """The worker as production runs it, until the queue has nothing ready (it installs its
    own SIGINT/SIGTERM handlers: pytest's are put back)."""
    names = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {name: signal.getsignal(name) for name in names}
    try:
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO()
        )
    finally:
        for name, handler in handlers.items():
            signal.signal(name, handler)


def refused(response):
    """Wagtail answers a PermissionDenied in the admin by sending back to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def register_url(home):
    event = make_event(make_agenda(home), capacity=5)
    occurrence = event.occurrences.get()
    return event.url + event.reverse_subpage("register", args=[occurrence.pk])


@pytest.fixture
def reload_demo_afterwards(django_db_blocker):
    """Requested before transactional_db, so it runs after the flush (as in
    tests/events/test_concurrency.py): the tests that follow find the demo site."""
    yield
    from tests.conftest import ensure_demo_site

    with django_db_blocker.unblock():
        ensure_demo_site()


# One transactional test (each one flushes the database, and the demo is reloaded after it).
@override_settings(TASKS=DATABASE_QUEUE, TASK_RETRY_DELAYS=[0])
def test_the_worker_sends_retries_and_the_admin_relaunches(
    reload_demo_afterwards, transactional_db, demo_site, client, django_user_model
):
    url = register_url(demo_site)

    # 1. The request only writes the task: no e-mail yet, nothing waited on a mail server.
    assert client.post(url, VALID).status_code == 302
    registration = Registration.objects.get(email=VALID["email"])
    task = DBTaskResult.objects.get(task_path=EMAIL_TASK)
    assert task.status == TaskResultStatus.READY
    assert task.args_kwargs == {"args": [registration.pk, "status"], "kwargs": {}}
    assert mail.outbox == []
    run_worker()
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert [message.to for message in mail.outbox] == [[VALID["email"]]]
    assert registration.token in mail.outbox[0].body
    mail.outbox.clear()

    # 2. The mail server refuses: two attempts (one retry with TASK_RETRY_DELAYS=[0]), both
    # recorded as failed, the second naming the first; only the second is listed.
    other = {**VALID, "name": "Paul Martin", "email": "paul@example.org"}
    assert client.post(url, other).status_code == 302
    registration = Registration.objects.get(email=other["email"])
    refusing = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": closed_port(),
        "EMAIL_TIMEOUT": 2,
    }
    with override_settings(**refusing):
        run_worker()
    rows = DBTaskResult.objects.filter(task_path=EMAIL_TASK).order_by("enqueued_at")
    first, second = [row for row in rows if row.args_kwargs["args"][0] == registration.pk]
    assert first.status == second.status == TaskResultStatus.FAILED
    assert second.args_kwargs["kwargs"] == {"_attempt": 2, "_retry_of": str(first.id)}
    assert "ConnectionRefusedError" in second.traceback
    assert [row.id for row in background.failed_tasks()] == [second.id]
    assert mail.outbox == []

    # 3. « Tâches en échec »: refused to an editor, shown to an administrator.
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    editor = django_user_model.objects.create_user("editor", "e@example.org", "x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert refused(client.get("/admin/taches-en-echec/"))
    assert refused(client.post("/admin/taches-en-echec/", {"task": str(second.id)}))
    second.refresh_from_db()
    assert second.status == TaskResultStatus.FAILED
    client.force_login(admin)
    page = client.get("/admin/taches-en-echec/").content.decode()
    assert "Courriel à une personne inscrite" in page
    assert "ConnectionRefusedError" in page
    assert page.count('name="task"') == 1  # the first attempt is not listed: it was retried

    # 4. The mail server is back: the administrator relaunches, the worker sends.
    response = client.post("/admin/taches-en-echec/", {"task": str(second.id)})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == TaskResultStatus.READY
    run_worker()
    second.refresh_from_db()
    assert second.status == TaskResultStatus.SUCCESSFUL
    assert [message.to for message in mail.outbox] == [[other["email"]]]
    assert registration.token in mail.outbox[0].body
    assert background.failed_tasks() == []
    assert "Aucune tâche en échec" in client.get("/admin/taches-en-echec/").content.decode()


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_failing_queue_loses_nothing(client, home, monkeypatch, caplog):
    """The queue's table cannot be written: the registration is kept, the visitor gets the
    follow-up page and the e-mail goes out from the request, as with the embedded default.
    (Every enqueue is covered, Wagtail's index updates on the registration's save too.)"""

    def broken(*args, **kwargs):
        raise DatabaseError("queue table unavailable")

    url = register_url(home)
    monkeypatch.setattr(django_tasks_db.DatabaseBackend, "_task_to_db_task", broken)
    response = client.post(url, VALID)
    assert response.status_code == 302
    registration = Registration.objects.get(email=VALID["email"])
    assert len(mail.outbox) == 1 and registration.token in mail.outbox[0].body
    assert not DBTaskResult.objects.filter(task_path=EMAIL_TASK).exists()
    assert "Task queue failing" in caplog.text


@pytest.mark.django_db
def test_the_immediate_backend_tries_once_and_never_breaks_the_request(client, home, settings):
    """The embedded default runs the task in the request: a refused e-mail is logged, not
    retried (that would make the visitor wait), and the registration still succeeds."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    response = client.post(register_url(home), VALID)
    assert response.status_code == 302
    assert Registration.objects.filter(email=VALID["email"]).exists()


@pytest.mark.django_db
def test_only_administrators_see_the_failed_tasks_screen(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", "e@example.org", "x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert refused(client.get("/admin/taches-en-echec/"))
    assert "/admin/taches-en-echec/" not in client.get("/admin/").content.decode()
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    assert "/admin/taches-en-echec/" in client.get("/admin/").content.decode()
    # The embedded default keeps no queue: the screen says where errors go instead.
    assert "journal du serveur" in client.get("/admin/taches-en-echec/").content.decode()
