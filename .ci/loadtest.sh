#!/usr/bin/env bash
# `make loadtest`: the demo site under gunicorn (production settings, PostgreSQL) on
# 127.0.0.1, measured with wrk (GETs) and a thread pool (complaint POSTs).
#
#   phase cached:     static file, home, guide page, search   (page cache on)
#   phase uncached:   static file, home, guide page           (page cache off)
#   phase complaints: 500 complaint submissions, 20 at a time (complaint rate limit off)
#
# Every wrk run lasts LOADTEST_DURATION seconds (default 10, at most 15) with
# LOADTEST_CONNECTIONS connections (default 10). Figures: var/loadtest/results.jsonl,
# and a Markdown table at the end. Only 127.0.0.1 is ever targeted.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PY:-.venv/bin/python}"
PORT="${LOADTEST_PORT:-8765}"
DURATION="${LOADTEST_DURATION:-10}"
CONNECTIONS="${LOADTEST_CONNECTIONS:-10}"
BASE_URL="http://127.0.0.1:${PORT}"
WORK_DIR="${LOADTEST_DIR:-$PWD/var/loadtest}"
RESULTS="$WORK_DIR/results.jsonl"

log() { echo "loadtest.sh: $*" >&2; }

if ! command -v wrk >/dev/null; then
    log "installing wrk with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq wrk >&2
fi

mkdir -p "$WORK_DIR"
rm -f "$RESULTS"

# A database of its own, so the load never touches `make serve`'s data.
if [[ -z "${LOADTEST_DATABASE_URL:-}" ]]; then
    LOADTEST_DATABASE_URL="$(PG_DB=portal_loadtest bash .ci/services/postgres.sh start | tail -n 1)"
fi
export DATABASE_URL="$LOADTEST_DATABASE_URL"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY="${SECRET_KEY:-loadtest-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')}"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export VAR_DIR="$WORK_DIR"
export MEDIA_ROOT="$WORK_DIR/media"
# Plain HTTP on loopback: no HTTPS proxy in front here.
export SECURE_SSL_REDIRECT=false SECURE_COOKIES=false
# Every simulated citizen comes from 127.0.0.1: the per-IP complaint limit would stop them.
export COMPLAINT_SUBMIT_LIMIT=0
export LOG_LEVEL=WARNING

log "preparing the demo site in ${DATABASE_URL%%@*}@… (migrate, load_demo, collectstatic)"
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py load_demo >/dev/null
if "$PY" manage.py help search_rebuild >/dev/null 2>&1; then
    "$PY" manage.py search_rebuild >/dev/null
fi
"$PY" manage.py collectstatic --noinput -v 0
rm -rf "$WORK_DIR/cache"

SERVER_PID=""
stop_server() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
}
trap stop_server EXIT

start_server() {
    SERVE_SKIP_SETUP=1 HOST=127.0.0.1 PORT="$PORT" ACCESS_LOG=/dev/null PY="$PY" \
        bash .ci/serve.sh 2>"$WORK_DIR/gunicorn.log" &
    SERVER_PID=$!
    for _ in $(seq 1 60); do
        if curl -fsS -o /dev/null --max-time 2 "$BASE_URL/"; then
            return 0
        fi
        sleep 0.5
    done
    log "gunicorn did not answer on $BASE_URL; its log:"
    tail -n 40 "$WORK_DIR/gunicorn.log" >&2
    exit 1
}

run_phase() {
    "$PY" -m benchmarks.loadtest --base-url "$BASE_URL" --phase "$1" --duration "$DURATION" \
        --connections "$CONNECTIONS" --results "$RESULTS"
}

log "phase 1/3: page cache on"
export PAGE_CACHE_ENABLED=true
start_server
run_phase cached
stop_server

log "phase 2/3: page cache off"
export PAGE_CACHE_ENABLED=false
start_server
run_phase uncached
stop_server

log "phase 3/3: complaint submissions"
export PAGE_CACHE_ENABLED=true
start_server
run_phase complaints
stop_server

echo
"$PY" -m benchmarks.loadtest --results "$RESULTS" --report
