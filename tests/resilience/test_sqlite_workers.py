"""The embedded default under several processes (issue 16, item 4): 20 visitors register at
the same moment with a real gunicorn running four workers on one SQLite file, and none is lost.
Before WAL, immediate transactions and the busy timeout (`sqlite_options()`), 10 of 20 got a
500 ("database is locked"). The test uses its own SQLite file whatever DATABASE_URL says, so it
runs on the PostgreSQL CI too."""

import http.client
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie

import pytest
from django.db import connection

from .conftest import ROOT, finish_migrate, server_env

VISITORS = 20
WORKERS = 4

SET_UP_EVENT = """
import django
django.setup()
from wagtail.models import Page
from tests.events.factories import make_agenda, make_event
home = Page.objects.filter(depth=2).first().specific
event = make_event(make_agenda(home, slug="agenda-charge"), capacity=500, slug="atelier-charge")
occurrence = event.occurrences.get()
print(event.url + event.reverse_subpage("register", args=[occurrence.pk]))
"""


@pytest.fixture(scope="session")
def migrated_sqlite_template(django_db_setup, tmp_path_factory):
    """A migrated SQLite file to copy: the suite's own test database when it is SQLite (already
    migrated), otherwise the `migrate` the session started in the background (conftest.py)."""
    if connection.vendor != "sqlite":
        return finish_migrate()
    template = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite3"
    source = sqlite3.connect(connection.settings_dict["NAME"])
    target = sqlite3.connect(template)
    source.backup(target)  # consistent even while the suite's connection is open
    source.close()
    target.close()
    return template


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        conn.close()


@pytest.fixture
def gunicorn(migrated_sqlite_template, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_sqlite_template, database)
    env = server_env(database)
    register_path = (
        subprocess.run(
            [sys.executable, "-c", SET_UP_EVENT],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    port = free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "capnum.wsgi:application"),
            *("--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}", "--preload"),
            *("--timeout", "60", "--error-logfile", "-"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if request(port, "GET", register_path)[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
            assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
            time.sleep(0.3)
        yield port, register_path, database, tmp_path / "gunicorn.log"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_twenty_simultaneous_registrations_on_sqlite_with_four_workers_lose_none(gunicorn):
    port, path, database, log = gunicorn
    barrier = threading.Barrier(VISITORS)
    statuses = {}

    def visitor(number):
        # Each visitor loads the form (CSRF cookie and token), then all post at once.
        status, headers, html = request(port, "GET", path)
        assert status == 200
        cookies = SimpleCookie()
        for name, value in headers:
            if name.lower() == "set-cookie":
                cookies.load(value)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = (
            f"csrfmiddlewaretoken={token}&name=Visiteur+{number}"
            f"&email=visiteur{number}%40example.org&seats=1&consent=on"
        )
        barrier.wait(timeout=60)
        statuses[number] = request(
            port,
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookies['csrftoken'].value}",
            },
        )[0]

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(VISITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(statuses) == list(range(VISITORS)), log.read_text()
    assert set(statuses.values()) == {302}, (statuses, log.read_text())
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT COUNT(*), COUNT(DISTINCT email) FROM campaigns_registration")
        assert rows.fetchone() == (VISITORS, VISITORS)
    assert "database is locked" not in log.read_text()
