"""gunicorn for Cap Numérique (docs/deployment.md): `gunicorn -c deploy/gunicorn.conf.py
capnum.wsgi`. Every value can be changed from the environment without editing this file."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: pages render in a few milliseconds and the slow work (e-mails, kits) is in
# the task worker, so a request never waits long. 2 × cores + 1 is gunicorn's own advice.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Loaded once before forking: less memory, and a broken setting fails at start, not per worker.
preload_app = True
# A request past this is killed (and logged): nothing the site serves should take that long.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (a slow leak in any library cannot grow without bound).
max_requests = 2000
max_requests_jitter = 200
# Access log off by default (visitors' addresses are personal data; the proxy may keep its own
# short log); errors to stderr, where systemd's journal keeps them.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind the reverse proxy on the same machine: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket (one path per user by default) is not used: systemd signals the
# master, and two instances on one machine would fight over the path.
control_socket_disable = True
# Visitors' bodies are capped by the app (ANONYMOUS_MAX_BODY_SIZE) and by the proxy.
limit_request_line = 8190
