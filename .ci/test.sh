#!/usr/bin/env bash
# What `make test` runs: ruff (lint and format check), then the whole suite on SQLite and, side by side, again on PostgreSQL.
#
# With CI=true (or SERVICES=1) the real services are started first and the suites
# that need them are mandatory: Java for the Nu HTML checker (.ci/services/java.sh),
# Elasticsearch (.ci/services/elasticsearch.sh),
# PostgreSQL (.ci/services/postgres.sh), Redis (.ci/services/redis.sh) and Debian's Chromium with axe-core
# (.ci/services/chromium.sh). Without them those suites skip (tests/conftest.py).
# Services started here are stopped on exit. Extra pytest arguments: PYTEST_ARGS.
set -uo pipefail
cd "$(dirname "$0")/.."

PY="${PY:-.venv/bin/python}"
RUFF="${RUFF:-.venv/bin/ruff}"
CI="${CI:-}"
SERVICES="${SERVICES:-}"
read -r -a EXTRA <<<"${PYTEST_ARGS:-}"

in_ci() { [[ "${CI,,}" == "true" ]]; }
want_services() { in_ci || [[ -n "$SERVICES" && "$SERVICES" != "0" ]]; }
log() { echo "test.sh: $*" >&2; }

STARTED=()
stop_services() {
    local svc
    for svc in "${STARTED[@]}"; do
        bash ".ci/services/$svc.sh" stop >/dev/null 2>&1 || true
    done
}
trap stop_services EXIT

# Starts a service script and sets SERVICE_OUT to its last stdout line (the URL or path).
# Under CI a service that cannot start fails the run before any test; locally it
# is reported and its suite skips.
start_service() {
    local svc="$1" out
    SERVICE_OUT=""
    if [[ ! -f ".ci/services/$svc.sh" ]]; then
        if in_ci; then
            log "FATAL: .ci/services/$svc.sh is missing and CI=true"
            exit 1
        fi
        log "no .ci/services/$svc.sh yet; its suite will skip"
        return 0
    fi
    local already=""
    bash ".ci/services/$svc.sh" status >/dev/null 2>&1 && already=1
    if ! out="$(bash ".ci/services/$svc.sh" start)"; then
        if in_ci; then
            log "FATAL: $svc did not start"
            exit 1
        fi
        log "$svc did not start; its suite will skip"
        return 0
    fi
    # Leave running what someone else started.
    [[ -z "$already" ]] && STARTED+=("$svc")
    SERVICE_OUT="$(printf '%s\n' "$out" | tail -n 1)"
}

# pytest exits 5 when it collected nothing; a pass with nothing to run is not a failure.
run_pytest() {
    "$PY" -m pytest "$@" "${EXTRA[@]}"
    local rc=$?
    [[ $rc -eq 5 ]] && rc=0
    return $rc
}

SECONDS=0
"$RUFF" check . || exit 1
"$RUFF" format --check . || exit 1

PG_URL=""
REDIS_SERVICE_URL=""
if want_services; then
    # Java first: Elasticsearch and the Nu HTML checker (vnu.jar) both run on it.
    start_service java
    [[ -n "$SERVICE_OUT" ]] && export JAVA_EXECUTABLE="$SERVICE_OUT"
    start_service elasticsearch
    [[ -n "$SERVICE_OUT" ]] && export ELASTICSEARCH_URL="$SERVICE_OUT"
    start_service postgres
    PG_URL="$SERVICE_OUT"
    start_service redis
    REDIS_SERVICE_URL="$SERVICE_OUT"
    start_service chromium
    [[ -n "$SERVICE_OUT" ]] && export CHROMIUM_EXECUTABLE="$SERVICE_OUT"
    log "services ready after ${SECONDS}s (java=${JAVA_EXECUTABLE:-none} elasticsearch=${ELASTICSEARCH_URL:-none} postgres=${PG_URL:+yes} redis=${REDIS_SERVICE_URL:-none} chromium=${CHROMIUM_EXECUTABLE:-none})"
fi

status=0
if [[ -n "$PG_URL" ]]; then
    # The two passes run side by side, one per core: each has its own database, its own
    # Elasticsearch index prefix, temporary folders (portal/settings/test.py) and free ports.
    # Pass 1 streams; pass 2 writes to a file that is printed when both have finished.
    PASS2_LOG="$(mktemp)"
    # Pass 2 also shares its caches through Redis (REDIS_URL), as several application hosts
    # do; pass 1 keeps the embedded defaults (no Redis), as `make run` does.
    log "pass 2/2 starts beside pass 1: the whole suite on PostgreSQL and Redis (browser journeys run in pass 1)"
    (
        TEST_DATABASE_URL="$PG_URL" REDIS_URL="$REDIS_SERVICE_URL" ELASTICSEARCH_INDEX_PREFIX=test-pg \
            run_pytest -m "not browser" >"$PASS2_LOG" 2>&1
        echo $? >"$PASS2_LOG.rc"
    ) &
    PASS2_PID=$!
    log "pass 1/2: the whole suite on SQLite"
    ELASTICSEARCH_INDEX_PREFIX=test-sqlite run_pytest -m "not postgres" || status=1
    wait "$PASS2_PID"
    log "pass 2/2 (PostgreSQL) output:"
    cat "$PASS2_LOG"
    [[ "$(cat "$PASS2_LOG.rc" 2>/dev/null)" == "0" ]] || status=1
    rm -f "$PASS2_LOG" "$PASS2_LOG.rc"
else
    run_pytest || status=1
fi
exit $status
