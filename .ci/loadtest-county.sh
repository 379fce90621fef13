#!/usr/bin/env bash
# `make loadtest-county`: the county scale (30 centers, 3,000 guides, 300,000 cases) served by
# two gunicorn processes on two ports over one PostgreSQL, one Elasticsearch and one Redis
# (the shared cache), as several application hosts would; measured with wrk, 100
# connections divided between the two processes, rotating over every center's host name.
#
#   1. its own PostgreSQL database (portal_county_loadtest): migrate, then
#      `python -m benchmarks.county generate` unless the county is there already
#   2. `search_rebuild` into Elasticsearch (prefix loadtest-county) after generating (or
#      with COUNTY_REINDEX=1), collectstatic,
#      the Redis database emptied (only the one REDIS_URL names)
#   3. gunicorn twice (.ci/serve.sh, production settings, each its own VAR_DIR), then
#      `python -m benchmarks.county measure`: each page type LOADTEST_ROUNDS times
#      (default 3) for LOADTEST_DURATION seconds (default 10, at most 15)
#
# Environment (all optional): LOADTEST_DATABASE_URL, REDIS_URL, ELASTICSEARCH_URL (unset:
# the scripts under .ci/services/ start them), ELASTICSEARCH_INDEX_PREFIX, COUNTY_PORTS
# (default "8765 8766"), LOADTEST_CONNECTIONS (100), LOADTEST_WORKERS (gunicorn workers per
# process, default 4), COUNTY_CENTERS / COUNTY_GUIDES / COUNTY_CASES (30 / 3000 / 300000).
# Figures: var/loadtest-county/results.jsonl and a Markdown table at the end. Only
# 127.0.0.1 is ever targeted.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PY:-.venv/bin/python}"
read -r -a PORTS <<<"${COUNTY_PORTS:-8765 8766}"
DURATION="${LOADTEST_DURATION:-10}"
CONNECTIONS="${LOADTEST_CONNECTIONS:-100}"
ROUNDS="${LOADTEST_ROUNDS:-3}"
WORK_DIR="${LOADTEST_DIR:-$PWD/var/loadtest-county}"
RESULTS="$WORK_DIR/results.jsonl"

log() { echo "loadtest-county.sh: $*" >&2; }

if ! command -v wrk >/dev/null; then
    log "installing wrk with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq wrk >&2
fi

mkdir -p "$WORK_DIR"
rm -f "$RESULTS"

if [[ -z "${LOADTEST_DATABASE_URL:-}" ]]; then
    LOADTEST_DATABASE_URL="$(PG_DB=portal_county_loadtest bash .ci/services/postgres.sh start | tail -n 1)"
fi
if [[ -z "${REDIS_URL:-}" ]]; then
    REDIS_URL="$(bash .ci/services/redis.sh start | tail -n 1)"
fi
if [[ -z "${ELASTICSEARCH_URL:-}" ]]; then
    ELASTICSEARCH_URL="$(bash .ci/services/elasticsearch.sh start | tail -n 1)"
fi
export DATABASE_URL="$LOADTEST_DATABASE_URL" REDIS_URL ELASTICSEARCH_URL
export ELASTICSEARCH_INDEX_PREFIX="${ELASTICSEARCH_INDEX_PREFIX:-loadtest-county}"
export CACHE_KEY_PREFIX="${CACHE_KEY_PREFIX:-loadtest-county}"
export DJANGO_SETTINGS_MODULE=portal.settings.production
# One secret for both processes, as every host of a deployment shares it.
export SECRET_KEY="${SECRET_KEY:-loadtest-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')}"
export ALLOWED_HOSTS=".county.test,127.0.0.1,localhost"
export SECURE_SSL_REDIRECT=false SECURE_COOKIES=false
export LOG_LEVEL=WARNING
export PAGE_CACHE_ENABLED=true

log "preparing ${DATABASE_URL%%@*}@… (migrate, generate, search_rebuild, collectstatic)"
export VAR_DIR="$WORK_DIR/host1"
"$PY" manage.py migrate --noinput -v 0
generated="$("$PY" -m benchmarks.county generate --if-missing --centers "${COUNTY_CENTERS:-30}" \
    --guides "${COUNTY_GUIDES:-3000}" --cases "${COUNTY_CASES:-300000}" | tee /dev/stderr)"
# The pages were inserted in bulk, without the publishing signals that feed the index.
if [[ "$generated" != *"nothing generated"* || "${COUNTY_REINDEX:-}" == "1" ]]; then
    log "indexing the pages into Elasticsearch (search_rebuild)"
    "$PY" manage.py search_rebuild --engine elasticsearch -v 0
fi
# Every run starts from an empty shared cache: the page cache is measured filling up.
"$PY" manage.py shell -c "from django.core.cache import caches; caches['default'].clear(); caches['pages'].clear()"

SERVER_PIDS=()
stop_servers() {
    for pid in "${SERVER_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    SERVER_PIDS=()
}
trap stop_servers EXIT

host=0
for port in "${PORTS[@]}"; do
    host=$((host + 1))
    # Each process has its own var/ (file caches, embedded index), as separate machines would.
    export VAR_DIR="$WORK_DIR/host$host" MEDIA_ROOT="$WORK_DIR/host$host/media"
    mkdir -p "$VAR_DIR"
    "$PY" manage.py collectstatic --noinput -v 0
    SERVE_SKIP_SETUP=1 HOST=127.0.0.1 PORT="$port" WEB_WORKERS="${LOADTEST_WORKERS:-4}" \
        ACCESS_LOG=/dev/null PY="$PY" bash .ci/serve.sh 2>"$VAR_DIR/gunicorn.log" &
    SERVER_PIDS+=($!)
done
for port in "${PORTS[@]}"; do
    ready=""
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthz/ready" 2>/dev/null; then
            ready=1
            break
        fi
        sleep 0.5
    done
    if [[ -z "$ready" ]]; then
        log "gunicorn on port $port did not become ready; its logs:"
        tail -n 40 "$WORK_DIR"/host*/gunicorn.log >&2
        exit 1
    fi
done

log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" -m benchmarks.county measure --ports "${PORTS[@]}" --connections "$CONNECTIONS" \
    --duration "$DURATION" --rounds "$ROUNDS" --results "$RESULTS" --work-dir "$WORK_DIR"
stop_servers

echo
"$PY" -m benchmarks.county report --results "$RESULTS"
