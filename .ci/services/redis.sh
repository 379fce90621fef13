#!/usr/bin/env bash
# Start, stop or check a throwaway Redis for the shared cache (page cache, render versions,
# sessions) of the PostgreSQL test pass and of several application processes.
#
#   .ci/services/redis.sh start    # prints redis://127.0.0.1:6379/0 last
#   .ci/services/redis.sh status   # exit 0 and the URL when it answers PING
#   .ci/services/redis.sh stop
#
# Uses Debian's `redis-server` package (installed with apt-get when missing). The server
# runs as the calling user with its data and log under var/redis/port-<port>/, listens on
# 127.0.0.1 only and keeps nothing on disk (no snapshots, no append-only file): it is a
# cache. Running `start` twice is harmless. REDIS_PORT changes the port.
set -euo pipefail

REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_HOST=127.0.0.1
REDIS_DB="${REDIS_DB:-0}"
REDIS_MAXMEMORY="${REDIS_MAXMEMORY:-256mb}"
REDIS_TIMEOUT="${REDIS_TIMEOUT:-30}"

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUN_DIR="${REDIS_RUN_DIR:-$ROOT/var/redis}/port-${REDIS_PORT}"
URL="redis://${REDIS_HOST}:${REDIS_PORT}/${REDIS_DB}"

log() { echo "redis.sh: $*" >&2; }

ensure_installed() {
    if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then
        return 0
    fi
    if [[ "$(id -u)" -ne 0 ]]; then
        log "Redis is not installed and we are not root: apt-get install redis-server"
        exit 1
    fi
    log "installing Debian's redis-server package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends redis-server >&2
    # The package may start its own server on 6379; ours is separate and that one is not needed.
    if command -v service >/dev/null; then
        service redis-server stop >/dev/null 2>&1 || true
    fi
    command -v redis-server >/dev/null || {
        log "apt-get installed redis-server but no redis-server binary was found"
        exit 1
    }
}

answering() {
    command -v redis-cli >/dev/null || return 1
    [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]
}

start() {
    ensure_installed
    if answering; then
        echo "$URL"
        return 0
    fi
    mkdir -p "$RUN_DIR"
    log "starting Redis on ${REDIS_HOST}:${REDIS_PORT}, files in $RUN_DIR"
    # allkeys-lru: when memory is full the least used cache entries go, never an error.
    redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" --protected-mode yes \
        --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log" \
        --dir "$RUN_DIR" --save "" --appendonly no \
        --maxmemory "$REDIS_MAXMEMORY" --maxmemory-policy allkeys-lru >/dev/null
    local deadline=$((SECONDS + REDIS_TIMEOUT))
    until answering; do
        if ((SECONDS >= deadline)); then
            log "not answering after ${REDIS_TIMEOUT}s; log tail:"
            tail -n 40 "$RUN_DIR/redis.log" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.2
    done
    echo "$URL"
}

stop() {
    local pid=""
    [[ -f "$RUN_DIR/redis.pid" ]] && pid="$(cat "$RUN_DIR/redis.pid" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        rm -f "$RUN_DIR/redis.pid"
        log "stopped"
    else
        log "not running"
    fi
}

status() {
    if answering; then
        echo "$URL"
    else
        log "not answering on ${REDIS_HOST}:${REDIS_PORT}"
        exit 1
    fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
restart)
    stop
    start
    ;;
*)
    echo "usage: $0 start|stop|status|restart" >&2
    exit 2
    ;;
esac
