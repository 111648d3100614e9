#!/bin/sh
# manage.py with the production environment (/etc/capnum/capnum.env, or CAPNUM_ENV), for cron
# and for an operator's shell: deploy/manage.sh migrate, deploy/manage.sh db_worker…
set -eu
cd "$(dirname "$0")/.."
set -a
. "${CAPNUM_ENV:-/etc/capnum/capnum.env}"
set +a
exec .venv/bin/python manage.py "$@"
