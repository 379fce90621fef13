#!/usr/bin/env bash
# Start, stop or check a throwaway single-node Elasticsearch for the search tests.
#
#   .ci/services/elasticsearch.sh start    # prints the URL as the last line of stdout
#   .ci/services/elasticsearch.sh status   # exit 0 and the URL when healthy
#   .ci/services/elasticsearch.sh stop
#
# The distribution is Maven Central's integ-test-zip (no bundled JDK, a few MB),
# fetched once with mvn into a cache and run with the machine's Java 17+.
# Elasticsearch refuses to run as root, so as root the node runs as a system
# user created on first use. Data and logs live under var/elasticsearch/.
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.7}"
ES_PORT="${ES_PORT:-9200}"
ES_HOST=127.0.0.1
ES_HEAP="${ES_HEAP:-512m}"
ES_TIMEOUT="${ES_TIMEOUT:-120}"
ES_USER="${ES_USER:-bianmin-es}"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE_DIR="${BIANMIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bianmin}"
RUN_DIR="${ES_RUN_DIR:-$ROOT/var/elasticsearch}"
URL="http://${ES_HOST}:${ES_PORT}"
FALLBACK_RUN_DIR=/var/tmp/bianmin-elasticsearch
# A node started from the fallback directory (see launch) is found there again.
if [[ ! -f "$RUN_DIR/port-${ES_PORT}/es.pid" && -f "$FALLBACK_RUN_DIR/port-${ES_PORT}/es.pid" ]]; then
    RUN_DIR="$FALLBACK_RUN_DIR"
fi

log() { echo "elasticsearch.sh: $*" >&2; }

healthy() {
    curl -fsS --max-time 3 "${URL}/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null |
        grep -q '"status":"\(green\|yellow\)"'
}

pidfile() { echo "$RUN_DIR/port-${ES_PORT}/es.pid"; }

running_pid() {
    local pf
    pf="$(pidfile)"
    [[ -f "$pf" ]] || return 1
    local pid
    pid="$(cat "$pf" 2>/dev/null || true)"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

find_java_home() {
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then
        echo "$ES_JAVA_HOME"
        return
    fi
    local java
    java="$(command -v java || true)"
    [[ -n "$java" ]] || { log "no java on PATH (install openjdk-17-jre-headless)"; exit 1; }
    dirname "$(dirname "$(readlink -f "$java")")"
}

# The zip is cached per user; it is unpacked beside the node's data so that the
# node user can read it even when the cache sits under /root.
fetch_distribution() {
    local home="$RUN_DIR/elasticsearch-${ES_VERSION}"
    if [[ ! -x "$home/bin/elasticsearch" ]]; then
        mkdir -p "$CACHE_DIR" "$RUN_DIR"
        local zip="$CACHE_DIR/elasticsearch-${ES_VERSION}.zip"
        if [[ ! -s "$zip" ]]; then
            log "fetching $ARTIFACT with mvn"
            mvn -q dependency:copy -Dartifact="$ARTIFACT" -DoutputDirectory="$CACHE_DIR" >&2 </dev/null
        fi
        local tmp
        tmp="$(mktemp -d "$RUN_DIR/unzip.XXXXXX")"
        if command -v unzip >/dev/null; then
            unzip -q "$zip" -d "$tmp"
        else
            python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$tmp"
        fi
        chmod -R a+rX "$tmp"
        chmod a+x "$tmp"/elasticsearch-"${ES_VERSION}"/bin/*
        rm -rf "$home"
        mv "$tmp/elasticsearch-${ES_VERSION}" "$home"
        rmdir "$tmp"
    fi
    echo "$home"
}

# Runs a command as the node's user: ourselves, or the system user when we are root.
as_node_user() {
    if [[ "$(id -u)" -eq 0 ]]; then
        if command -v runuser >/dev/null; then
            runuser -u "$ES_USER" -- "$@"
        else
            su -s /bin/sh "$ES_USER" -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

ensure_user() {
    [[ "$(id -u)" -eq 0 ]] || return 0
    if ! id "$ES_USER" >/dev/null 2>&1; then
        log "creating system user $ES_USER (Elasticsearch refuses to run as root)"
        useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    fi
}

start() {
    if healthy; then
        echo "$URL"
        return 0
    fi
    if pid="$(running_pid)"; then
        log "a node (pid $pid) is starting; waiting for it"
    else
        launch
    fi
    wait_healthy
    echo "$URL"
}

launch() {
    local java_home es_src node_dir
    java_home="$(find_java_home)"
    ensure_user
    node_dir="$RUN_DIR/port-${ES_PORT}"
    # The node user must be able to reach the run directory; a clone under /root is not.
    if [[ "$(id -u)" -eq 0 ]]; then
        mkdir -p "$node_dir"
        chown -R "$ES_USER" "$RUN_DIR"
        if ! runuser -u "$ES_USER" -- test -w "$node_dir" 2>/dev/null; then
            RUN_DIR="$FALLBACK_RUN_DIR"
            node_dir="$RUN_DIR/port-${ES_PORT}"
            log "$ES_USER cannot write under the checkout; using $node_dir"
            mkdir -p "$node_dir"
            chown -R "$ES_USER" "$RUN_DIR"
        fi
    fi
    es_src="$(fetch_distribution)"
    mkdir -p "$node_dir"/{data,logs,tmp}
    # The node needs a config directory it may write (keystore); copy the stock one.
    rm -rf "$node_dir/config"
    cp -r "$es_src/config" "$node_dir/config"
    {
        echo "-Xms${ES_HEAP}"
        echo "-Xmx${ES_HEAP}"
    } >"$node_dir/config/jvm.options.d/heap.options" 2>/dev/null || {
        mkdir -p "$node_dir/config/jvm.options.d"
        printf -- '-Xms%s\n-Xmx%s\n' "$ES_HEAP" "$ES_HEAP" >"$node_dir/config/jvm.options.d/heap.options"
    }
    [[ "$(id -u)" -eq 0 ]] && chown -R "$ES_USER" "$RUN_DIR"
    rm -f "$node_dir/es.pid"
    log "starting Elasticsearch $ES_VERSION on $URL (java: $java_home, data: $node_dir)"
    # A second start with the same node dir after a crash must not find a stale lock.
    rm -f "$node_dir"/data/node.lock
    as_node_user env \
        ES_JAVA_HOME="$java_home" \
        ES_PATH_CONF="$node_dir/config" \
        ES_TMPDIR="$node_dir/tmp" \
        ES_JAVA_OPTS="-Xms${ES_HEAP} -Xmx${ES_HEAP}" \
        "$es_src/bin/elasticsearch" -d -p "$node_dir/es.pid" \
        -Ediscovery.type=single-node \
        -Expack.security.enabled=false \
        -Enetwork.host="$ES_HOST" \
        -Ehttp.port="$ES_PORT" \
        -Etransport.port=0 \
        -Ecluster.name="bianmin-test-${ES_PORT}" \
        -Epath.data="$node_dir/data" \
        -Epath.logs="$node_dir/logs" \
        -Ecluster.routing.allocation.disk.threshold_enabled=false \
        -Eaction.destructive_requires_name=false \
        >"$node_dir/logs/launcher.out" 2>&1 || {
        log "the launcher failed:"
        tail -n 40 "$node_dir/logs/launcher.out" >&2 || true
        exit 1
    }
}

wait_healthy() {
    local deadline=$((SECONDS + ES_TIMEOUT))
    while ((SECONDS < deadline)); do
        if healthy; then
            return 0
        fi
        if [[ -f "$(pidfile)" ]] && ! running_pid >/dev/null; then
            log "the node exited while starting; log tail:"
            break
        fi
        sleep 2
    done
    ((SECONDS >= deadline)) && log "not healthy after ${ES_TIMEOUT}s; log tail:"
    local node_dir="$RUN_DIR/port-${ES_PORT}"
    tail -n 40 "$node_dir/logs/launcher.out" >&2 2>/dev/null || true
    tail -n 40 "$node_dir"/logs/bianmin-test-"${ES_PORT}".log >&2 2>/dev/null || true
    exit 1
}

stop() {
    local pid
    if pid="$(running_pid)"; then
        kill "$pid"
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            log "node $pid did not stop in 60s; killing it"
            kill -9 "$pid" 2>/dev/null || true
        fi
        rm -f "$(pidfile)"
        log "stopped"
    else
        log "not running"
    fi
}

status() {
    if healthy; then
        echo "$URL"
    else
        log "not running on $URL"
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
