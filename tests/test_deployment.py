"""The deployment files (docs/deployment.md) agree with the application: the reverse proxy
sends on /media/h5p/ the very headers the app sends when it serves those files itself, and the
production settings queue background work for the worker. The topology itself is started and
used through HTTP by deploy/smoke.py (.ci/run)."""

import os
import re
import subprocess
import sys
from pathlib import Path

from content.h5p.middleware import asset_headers

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def location_headers(config, prefix):
    """The add_header lines of nginx's `location <prefix> { … }` block (no nested braces)."""
    block = re.search(re.escape(f"location {prefix} ") + r"\{([^{}]*)\}", config)
    assert block, f"no location {prefix} in deploy/nginx.conf"
    return dict(re.findall(r'add_header\s+(\S+)\s+"([^"]*)";', block.group(1)))


def test_nginx_sends_the_h5p_headers_of_the_app():
    config = (DEPLOY / "nginx.conf").read_text()
    for prefix in ("/media/h5p/", "/static/vendor/h5p-standalone/"):
        expected = asset_headers(prefix + "x.json")
        assert expected  # the app does set headers there
        headers = location_headers(config, prefix)
        assert {name: headers.get(name) for name in expected} == expected


def test_production_settings_queue_tasks_in_the_database():
    code = (
        "from django.conf import settings;"
        "print(settings.TASKS['default']['BACKEND'], settings.DEBUG)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "capnum.settings.production",
        "SECRET_KEY": "x" * 50,
    }
    env.pop("TASKS_BACKEND", None)
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=DEPLOY.parent,
    ).stdout.split()
    assert out == ["content.background.DatabaseBackend", "False"]
