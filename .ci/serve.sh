#!/usr/bin/env bash
# `make serve`: the production settings under gunicorn.
#
# Environment (all optional):
#   DATABASE_URL       PostgreSQL URL; unset -> the local cluster of .ci/services/postgres.sh
#   ELASTICSEARCH_URL  unset -> the embedded search engine
#   SECRET_KEY         unset -> generated once into var/secret_key (0600) and reused
#   ALLOWED_HOSTS      comma-separated host names (default localhost,127.0.0.1)
#   WEB_WORKERS        gunicorn workers (default 2 x cores + 1)
#   WEB_MAX_REQUESTS   recycle a worker after N..2N requests (default 0: never)
#   HOST, PORT         where gunicorn listens (default 127.0.0.1:8000)
#   SECURE_SSL_REDIRECT, SECURE_COOKIES  default true: put an HTTPS proxy in front that
#                      sets X-Forwarded-Proto; set both to false to try it over plain HTTP.
#   SERVE_SKIP_SETUP=1 skip migrate/collectstatic (the load test does them once)
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PY:-.venv/bin/python}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
VAR_DIR="${VAR_DIR:-$PWD/var}"
mkdir -p "$VAR_DIR"

export DJANGO_SETTINGS_MODULE=portal.settings.production

if [[ -z "${DATABASE_URL:-}" ]]; then
    DATABASE_URL="$(bash .ci/services/postgres.sh start | tail -n 1)"
    export DATABASE_URL
fi
if [[ -z "${SECRET_KEY:-}" ]]; then
    if [[ ! -s "$VAR_DIR/secret_key" ]]; then
        (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$VAR_DIR/secret_key")
    fi
    SECRET_KEY="$(cat "$VAR_DIR/secret_key")"
    export SECRET_KEY
fi

if [[ "${SERVE_SKIP_SETUP:-}" != "1" ]]; then
    "$PY" manage.py migrate --noinput
    "$PY" manage.py collectstatic --noinput -v 0
    "$PY" manage.py createcachetable
fi

CORES="$(nproc 2>/dev/null || echo 1)"
WORKERS="${WEB_WORKERS:-$((CORES * 2 + 1))}"
echo "serve: gunicorn on http://${HOST}:${PORT} with ${WORKERS} workers (database: ${DATABASE_URL%%://*})" >&2
export HOST PORT WEB_WORKERS="$WORKERS"
# Preload, warm-up before forking, connection closing and recycling: deploy/gunicorn.conf.py.
exec "$PY" -m gunicorn --config deploy/gunicorn.conf.py
