"""Production smoke test (docs/deployment.md): the site started as production runs it, then
used through HTTP.

A fresh PostgreSQL database; migrate, the French demo, the search index, collectstatic and
`check --deploy` with the production settings (DEBUG off, SECRET_KEY, ALLOWED_HOSTS, Redis for
the cache and the rate limits, the database task queue); gunicorn with deploy/gunicorn.conf.py
(2 workers), the task worker (`db_worker`) and a real SMTP server (aiosmtpd) on local ports.
Through HTTP, as nginx would forward it (X-Forwarded-Proto: https): the home page and a static
file, a lesson, a search, then an event registration (GET the form, CSRF cookie and token,
POST) whose confirmation e-mail must reach the SMTP server through the worker, within a bound;
then the admin's password reset, whose e-mail (Django's, queued by content/mail.py) must too.
Everything started is stopped and the database dropped, whatever happens; any failure exits
non-zero with the servers' logs.

    .venv/bin/python deploy/smoke.py

Environment: SMOKE_POSTGRES (server URL, default postgres://postgres@127.0.0.1:5432),
SMOKE_REDIS_URL (default redis://127.0.0.1:6379/14: a database number of its own, emptied at
start so earlier runs' rate-limit counters cannot refuse the registration), SMOKE_KEEP=1 keeps
the database and the temporary folder for a look afterwards.
"""

import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes, policy
from html import escape
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
import redis
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
POSTGRES = os.environ.get("SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/14")
EMAIL = "smoke.test@example.org"
STAFF_EMAIL = "smoke.staff@example.org"
MAIL_WAIT = 30  # seconds the confirmation e-mail may take through the worker
START_WAIT = 90  # seconds gunicorn may take to answer


class SmokeFailure(Exception):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd handler: keeps every message it is given."""

    def __init__(self):
        self.messages = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        with self.arrived:
            self.messages.append((envelope.rcpt_tos, message, time.monotonic()))
            self.arrived.notify_all()
        return "250 OK"

    def wait(self, count, timeout):
        """The `count`-th message, or None if it has not arrived within `timeout` seconds."""
        with self.arrived:
            if self.arrived.wait_for(lambda: len(self.messages) >= count, timeout):
                return self.messages[count - 1]
        return None


class Smoke:
    def __init__(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="capnum-smoke-"))
        self.database = f"capnum_smoke_{os.getpid()}"
        self.web_port, self.smtp_port = free_port(), free_port()
        self.processes = {}
        self.smtp = None
        self.cookies = {}
        self.timings = []
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))},
            "DJANGO_SETTINGS_MODULE": "capnum.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BASE_URL": f"https://127.0.0.1:{self.web_port}",
            "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{self.web_port}",
            "DATABASE_URL": f"{POSTGRES}/{self.database}",
            "REDIS_URL": REDIS_URL,
            "TASKS_BACKEND": "database",
            "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp_port),
            "EMAIL_USE_TLS": "false",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "STATIC_ROOT": str(self.tmp / "static"),
            "BACKUP_DIR": str(self.tmp / "backups"),
            "GUNICORN_BIND": f"127.0.0.1:{self.web_port}",
            "GUNICORN_WORKERS": "2",
            "LOG_LEVEL": "WARNING",
        }
        self.env.pop("DEBUG", None)
        self.env.pop("RATE_LIMITS_ENABLED", None)

    # -- steps --------------------------------------------------------------------------

    def step(self, name, function, *args):
        start = time.monotonic()
        print(f"smoke: {name}…", flush=True)
        result = function(*args)
        self.timings.append((name, time.monotonic() - start))
        return result

    def manage(self, *args, capture=False):
        start = time.monotonic()
        done = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, "TASKS_BACKEND": "immediate"},
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode:
            raise SmokeFailure(
                f"manage.py {' '.join(args)} exited {done.returncode}:\n{done.stdout}{done.stderr}"
            )
        print(f"smoke:   manage.py {args[0]}: {time.monotonic() - start:.1f} s", flush=True)
        return done.stdout if capture else None

    def create_database(self):
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.database}"')
        redis.Redis.from_url(REDIS_URL, socket_timeout=5).flushdb()

    def prepare(self):
        """What an operator runs once; their tasks (Wagtail's thousands of index updates for
        the demo) run in these commands, not in the queue the worker then starts on."""
        if not list((ROOT / "site" / "locale").glob("*/LC_MESSAGES/django.mo")):
            self.manage("compilemessages", "--ignore=.venv", "--ignore=node_modules")
        # collectstatic and the deployment checks need no database: beside the migrations.
        with ThreadPoolExecutor(max_workers=1) as beside:
            static = beside.submit(self.manage, "collectstatic", "--noinput")
            checks = beside.submit(self.manage, "check", "--deploy", "--fail-level", "WARNING")
            self.manage("migrate", "--noinput")
            self.manage("load_demo")
            self.manage("sync_site_url")
            self.manage("update_index")
            static.result(), checks.result()

    def targets(self):
        """A lesson and an event date open for registration, from the demo just loaded."""
        password = secrets.token_urlsafe(16)
        code = (
            "from lessons.models import LessonPage\n"
            "from campaigns.models import EventPage\n"
            "lesson = LessonPage.objects.live().public().filter(locale__language_code='fr')"
            ".order_by('path').first()\n"
            "print(lesson.url, lesson.title, sep='|')\n"
            "for event in EventPage.objects.live().public().order_by('path'):\n"
            "    open_dates = [o for o in event.occurrences.all() if not o.refusal_reason()]\n"
            "    if open_dates:\n"
            "        route = event.reverse_subpage('register', args=[open_dates[0].pk])\n"
            "        print(event.url + route)\n"
            "        break\n"
            # Someone who may ask for a new admin password.
            "from django.contrib.auth import get_user_model\n"
            f"get_user_model().objects.create_user('smoke', '{STAFF_EMAIL}', '{password}')\n"
        )
        lines = self.manage("shell", "--no-imports", "-c", code, capture=True).strip().splitlines()
        if len(lines) != 2:
            raise SmokeFailure(f"no lesson or no open event in the demo: {lines!r}")
        lesson_url, lesson_title = lines[0].split("|", 1)
        return lesson_url, lesson_title, lines[1]

    def start_services(self):
        self.inbox = Inbox()
        self.smtp = Controller(self.inbox, hostname="127.0.0.1", port=self.smtp_port)
        self.smtp.start()
        self.spawn("gunicorn", [GUNICORN, "-c", "deploy/gunicorn.conf.py", "capnum.wsgi"])
        worker = ["db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.5"]
        self.spawn("worker", [PYTHON, "manage.py", *worker, "--queue-name", "*"])
        deadline = time.monotonic() + START_WAIT
        while True:
            self.check_alive()
            try:
                status, _, _ = self.request("GET", "/")
                if status == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SmokeFailure(f"gunicorn did not answer 200 on / within {START_WAIT} s")
            time.sleep(0.5)

    def spawn(self, name, command):
        log = open(self.tmp / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
        self.processes[name] = (
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped with its children
            ),
            log,
        )

    def check_alive(self):
        for name, (process, _) in self.processes.items():
            if process.poll() is not None:
                raise SmokeFailure(f"{name} exited with {process.returncode}")

    # -- HTTP, as the reverse proxy forwards it ---------------------------------------------

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.web_port, timeout=30)
        origin = f"https://127.0.0.1:{self.web_port}"
        sent = {"Host": f"127.0.0.1:{self.web_port}", "X-Forwarded-Proto": "https"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": origin,
                    "Referer": origin + path,
                }
            )
        sent.update(headers or {})
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers, content.decode("utf-8", "replace")

    def get(self, path, expect=200, contains=()):
        status, headers, html = self.request("GET", path)
        if status != expect:
            raise SmokeFailure(f"GET {path}: {status}, expected {expect}")
        for text in contains:
            if text not in html:
                raise SmokeFailure(f"GET {path}: {text!r} not in the page")
        return headers, html

    def browse(self, lesson_url, lesson_title):
        headers, html = self.get("/", contains=["Cap Numérique"])
        for name in ("Content-Security-Policy", "Strict-Transport-Security"):
            if name not in headers:
                raise SmokeFailure(f"GET /: no {name} header in production")
        stylesheet = re.search(r'<link[^>]+href="(/static/[^"]+\.css)"', html)
        if not stylesheet:
            raise SmokeFailure("GET /: no stylesheet link")
        self.get(stylesheet.group(1))  # WhiteNoise, hashed name from collectstatic
        self.get(urlsplit(lesson_url).path, contains=[escape(lesson_title)])
        _, results = self.get("/recherche/?" + urlencode({"q": "mot de passe"}))
        if "résultat" not in results:
            raise SmokeFailure("search: no result count on the results page")

    def register(self, register_url):
        path = urlsplit(register_url).path
        _, form = self.get(path, contains=["csrfmiddlewaretoken"])
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        if "csrftoken" not in self.cookies:
            raise SmokeFailure("registration form: no CSRF cookie")
        fields = {
            "csrfmiddlewaretoken": token,
            "name": "Test Fumée",
            "email": EMAIL,
            "seats": "1",
            "consent": "on",
        }
        status, headers, body = self.request("POST", path, body=urlencode(fields))
        posted_at = time.monotonic()
        if status != 302:
            raise SmokeFailure(f"POST {path}: {status}, expected 302\n{body[:2000]}")
        follow_up = urlsplit(headers["Location"]).path
        self.get(follow_up, contains=["Inscription confirmée"])
        return follow_up, posted_at

    def wait_for_mail(self, follow_up, posted_at):
        arrived = self.inbox.wait(1, MAIL_WAIT)
        if arrived is None:
            raise SmokeFailure(f"no e-mail at the SMTP server within {MAIL_WAIT} s")
        recipients, message, arrived_at = arrived
        body = message.get_body(preferencelist=("plain",)).get_content()
        if recipients != [EMAIL] or "inscription" not in message["Subject"].lower():
            raise SmokeFailure(f"unexpected e-mail: {recipients} {message['Subject']!r}")
        if follow_up not in body:
            raise SmokeFailure("the e-mail does not carry the follow-up link")
        with psycopg.connect(self.env["DATABASE_URL"]) as conn:
            rows = conn.execute(
                "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult"
                " WHERE task_path = 'campaigns.tasks.send_registration_email'"
            ).fetchall()
        if len(rows) != 1 or rows[0][0] != "SUCCESSFUL" or not rows[0][1]:
            raise SmokeFailure(f"the e-mail did not go through the worker: {rows}")
        return arrived_at - posted_at

    def password_reset(self):
        """Django's own e-mail (the admin password reset): queued by the request, sent by the
        worker (content.tasks.deliver_email)."""
        path = "/admin/password_reset/"
        _, form = self.get(path, contains=["csrfmiddlewaretoken"])
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        fields = {"csrfmiddlewaretoken": token, "email": STAFF_EMAIL}
        status, _, body = self.request("POST", path, body=urlencode(fields))
        posted_at = time.monotonic()
        if status != 302:
            raise SmokeFailure(f"POST {path}: {status}, expected 302\n{body[:2000]}")
        arrived = self.inbox.wait(2, MAIL_WAIT)
        if arrived is None:
            raise SmokeFailure(f"no password reset e-mail within {MAIL_WAIT} s")
        recipients, message, arrived_at = arrived
        text = message.get_body(preferencelist=("plain",)).get_content()
        if recipients != [STAFF_EMAIL] or "/admin/password_reset/confirm/" not in text:
            raise SmokeFailure(f"unexpected e-mail: {recipients} {message['Subject']!r}")
        with psycopg.connect(self.env["DATABASE_URL"]) as conn:
            rows = conn.execute(
                "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult"
                " WHERE task_path = 'content.tasks.deliver_email'"
            ).fetchall()
        if len(rows) != 1 or rows[0][0] != "SUCCESSFUL" or not rows[0][1]:
            raise SmokeFailure(f"the reset e-mail did not go through the worker: {rows}")
        return arrived_at - posted_at

    # -- teardown ---------------------------------------------------------------------------

    def stop(self):
        for process, _ in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for name, (process, log) in self.processes.items():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                print(f"smoke: {name} did not stop on SIGTERM, killed", flush=True)
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            log.close()
        if self.smtp is not None:
            self.smtp.stop()

    def print_logs(self):
        for name in self.processes:
            text = (self.tmp / f"{name}.log").read_text(errors="replace")
            print(f"----- {name} log (last 60 lines) -----\n" + "\n".join(text.splitlines()[-60:]))

    def drop_database(self):
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def run(self):
        started = time.monotonic()
        failed = True
        try:
            self.step("create database " + self.database, self.create_database)
            self.step("migrate, demo, index, collectstatic, check --deploy", self.prepare)
            lesson_url, lesson_title, register_url = self.step("find pages", self.targets)
            self.step("start gunicorn, db_worker, SMTP server", self.start_services)
            self.step("home, static file, lesson, search", self.browse, lesson_url, lesson_title)
            follow_up, posted_at = self.step("register for an event", self.register, register_url)
            delay = self.step("wait for the e-mail", self.wait_for_mail, follow_up, posted_at)
            reset_delay = self.step("password reset e-mail", self.password_reset)
            self.check_alive()
            failed = False
        except SmokeFailure as error:
            print(f"\nSMOKE TEST FAILED: {error}\n", file=sys.stderr, flush=True)
        finally:
            self.stop()
            if failed and self.processes:
                self.print_logs()
            if os.environ.get("SMOKE_KEEP") != "1":
                self.drop_database()
                shutil.rmtree(self.tmp, ignore_errors=True)
            else:
                print(f"smoke: kept database {self.database} and {self.tmp}")
        for name, seconds in self.timings:
            print(f"smoke: {seconds:6.1f} s  {name}")
        total = time.monotonic() - started
        if failed:
            print(f"smoke: FAILED after {total:.0f} s", file=sys.stderr)
            return 1
        print(f"smoke: e-mail at the SMTP server {delay:.2f} s after the POST was answered")
        print(f"smoke: password reset e-mail {reset_delay:.2f} s after its POST was answered")
        print(f"smoke: passed in {total:.0f} s")
        return 0


def main():
    smoke = Smoke()
    # SIGTERM (CI's time limit, a Ctrl+C in another terminal) still stops what was started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    return smoke.run()


if __name__ == "__main__":
    sys.exit(main())
