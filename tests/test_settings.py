"""Settings and security: production refuses to start without a key, deploy checks are clean,
and security headers are sent on the public site and the admin."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_manage(*args, env_overrides):
    # The test process allows async-unsafe ORM calls for Playwright; a deployment never does.
    ignored = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "capnum.settings.production",
    "SECRET_KEY": "x7!kq2@v9#m4$p8^t1&z6*c3(b5)n0-w_e+r=y]u[i{o}a;s:d,f.g/h?j<l>",
    "ALLOWED_HOSTS": "cap-numerique.example.org",
    "DATABASE_URL": "sqlite:////tmp/capnum-deploy-check.sqlite3",
}


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    # The message itself, in both languages (the traceback's source line is not enough: the
    # old lazy message printed "<exception str() failed>").
    last_lines = result.stderr.strip().splitlines()[-2:]
    assert last_lines[0].startswith(
        "django.core.exceptions.ImproperlyConfigured: SECRET_KEY n'est pas défini"
    ), result.stderr
    assert last_lines[1].startswith("SECRET_KEY is not set")
    assert "exception str() failed" not in result.stderr


def test_the_wsgi_server_says_which_variable_is_missing():
    """What gunicorn prints when it imports the application without SECRET_KEY."""
    ignored = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env.update({k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"})
    result = subprocess.run(
        [sys.executable, "-c", "import capnum.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "exception str() failed" not in result.stderr


def test_deploy_check_is_clean_with_required_environment():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_public_pages_send_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'self'" in csp
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "Set-Cookie" not in response.headers, "visitors must not get cookies"


@pytest.mark.django_db
def test_admin_keeps_working_under_its_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    # The admin renders inline scripts; its looser policy must not leak to public pages.
    assert "'unsafe-inline'" in response.headers["Content-Security-Policy"]


def test_environment_switches_backends(monkeypatch):
    """DATABASE_URL, REDIS_URL and ELASTICSEARCH_URL select the scale-out components."""
    code = (
        "from capnum.settings import base as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.CACHES['default']['BACKEND']);"
        "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/capnum",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
    }
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert output == [
        "django.db.backends.postgresql",
        "django_redis.cache.RedisCache",  # logs and ignores a Redis outage
        "search.elasticsearch",  # Wagtail's elasticsearch9 backend with the French analyzer
    ]
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}
    }
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert output == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "search.backends",  # Wagtail's SQLite FTS5 backend, FTS table read once per query
    ]
