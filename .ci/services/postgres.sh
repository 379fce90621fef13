#!/usr/bin/env bash
# Start, stop or check a throwaway PostgreSQL cluster for the test suite and `make serve`.
#
#   .ci/services/postgres.sh start    # prints postgres://portal:...@127.0.0.1:54329/portal last
#   .ci/services/postgres.sh status   # exit 0 and the URL when it accepts connections
#   .ci/services/postgres.sh stop
#
# Uses Debian's `postgresql` package (installed with apt-get when missing) and its
# binaries under /usr/lib/postgresql/*/bin explicitly: /usr/local/bin may hold other
# tools of the same name. The cluster lives under var/postgres/ and is owned by the
# `postgres` system user; it listens on 127.0.0.1 only. Running `start` twice is harmless.
set -euo pipefail

PG_PORT="${PG_PORT:-54329}"
PG_HOST=127.0.0.1
PG_DB="${PG_DB:-portal}"
PG_ROLE="${PG_ROLE:-portal}"
PG_PASSWORD="${PG_PASSWORD:-portal-test-only}"
PG_OS_USER="${PG_OS_USER:-postgres}"
PG_TIMEOUT="${PG_TIMEOUT:-60}"

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUN_DIR="${PG_RUN_DIR:-$ROOT/var/postgres}"
URL="postgres://${PG_ROLE}:${PG_PASSWORD}@${PG_HOST}:${PG_PORT}/${PG_DB}"

log() { echo "postgres.sh: $*" >&2; }

pg_bin_dir() {
    local dir
    # Newest major version first.
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -V -r); do
        if [[ -x "$dir/pg_ctl" && -x "$dir/initdb" ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

ensure_installed() {
    if pg_bin_dir >/dev/null; then
        return 0
    fi
    if [[ "$(id -u)" -ne 0 ]]; then
        log "PostgreSQL is not installed and we are not root: apt-get install postgresql"
        exit 1
    fi
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    # The package starts its own cluster on 5432; ours is separate and that one is not needed.
    if command -v pg_ctlcluster >/dev/null; then
        for cluster in $(pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1 "/" $2}'); do
            pg_ctlcluster "${cluster%/*}" "${cluster#*/}" stop >&2 || true
        done
    fi
    pg_bin_dir >/dev/null || {
        log "apt-get installed postgresql but no /usr/lib/postgresql/*/bin/pg_ctl was found"
        exit 1
    }
}

# Runs a command as the cluster's owner: ourselves, or the postgres user when we are root.
as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        if command -v runuser >/dev/null; then
            runuser -u "$PG_OS_USER" -- "$@"
        else
            su -s /bin/sh "$PG_OS_USER" -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

data_dir() { echo "$RUN_DIR/port-${PG_PORT}/data"; }

# The postgres user must reach the cluster directory; a checkout under /root is not reachable.
choose_run_dir() {
    [[ "$(id -u)" -eq 0 ]] || {
        mkdir -p "$RUN_DIR/port-${PG_PORT}"
        return 0
    }
    mkdir -p "$RUN_DIR/port-${PG_PORT}"
    chown "$PG_OS_USER" "$RUN_DIR" "$RUN_DIR/port-${PG_PORT}"
    if ! as_owner test -w "$RUN_DIR/port-${PG_PORT}" 2>/dev/null; then
        RUN_DIR="/var/tmp/bianmin-postgres"
        log "$PG_OS_USER cannot write under the checkout; using $RUN_DIR"
        mkdir -p "$RUN_DIR/port-${PG_PORT}"
        chown "$PG_OS_USER" "$RUN_DIR" "$RUN_DIR/port-${PG_PORT}"
    fi
}

accepting() {
    local bin
    bin="$(pg_bin_dir)" || return 1
    "$bin/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1
}

psql_super() {
    local bin
    bin="$(pg_bin_dir)"
    as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_OS_USER" -d postgres "$@"
}

init_cluster() {
    local bin data
    bin="$(pg_bin_dir)"
    data="$(data_dir)"
    if [[ -s "$data/PG_VERSION" ]]; then
        return 0
    fi
    log "creating a cluster in $data"
    as_owner mkdir -p "$data"
    chmod 700 "$data" 2>/dev/null || as_owner chmod 700 "$data"
    # trust for the owner over the local socket and loopback; passwords for everyone else.
    as_owner "$bin/initdb" -D "$data" -U "$PG_OS_USER" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null 2>"$RUN_DIR/port-${PG_PORT}/initdb.err" || {
        cat "$RUN_DIR/port-${PG_PORT}/initdb.err" >&2
        exit 1
    }
    # The superuser connects over TCP without a password; only on loopback and only as postgres.
    local hba="$data/pg_hba.conf"
    as_owner sh -c "printf '%s\n' 'local all all trust' \
        'host all $PG_OS_USER 127.0.0.1/32 trust' \
        'host all all 127.0.0.1/32 scram-sha-256' > '$hba'"
    # Tuned for a throwaway test cluster: durability off, enough connections for the load run.
    as_owner sh -c "cat >> '$data/postgresql.conf'" <<EOF
listen_addresses = '127.0.0.1'
port = ${PG_PORT}
unix_socket_directories = '$RUN_DIR/port-${PG_PORT}'
max_connections = 200
fsync = ${PG_FSYNC:-off}
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
EOF
}

start() {
    ensure_installed
    choose_run_dir
    if accepting; then
        ensure_role
        echo "$URL"
        return 0
    fi
    init_cluster
    local bin data
    bin="$(pg_bin_dir)"
    data="$(data_dir)"
    rm -f "$data/postmaster.pid.stale"
    log "starting PostgreSQL ($bin) on ${PG_HOST}:${PG_PORT}, data in $data"
    as_owner "$bin/pg_ctl" -D "$data" -l "$RUN_DIR/port-${PG_PORT}/server.log" -w -t "$PG_TIMEOUT" start >/dev/null || {
        log "pg_ctl start failed; log tail:"
        tail -n 40 "$RUN_DIR/port-${PG_PORT}/server.log" >&2 || true
        exit 1
    }
    ensure_role
    echo "$URL"
}

ensure_role() {
    psql_super <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_ROLE}') THEN
        CREATE ROLE "${PG_ROLE}" LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
    ELSE
        ALTER ROLE "${PG_ROLE}" LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
    END IF;
END
\$\$;
SQL
    if [[ "$(psql_super -tAc "SELECT 1 FROM pg_database WHERE datname = '${PG_DB}'")" != "1" ]]; then
        psql_super -c "CREATE DATABASE \"${PG_DB}\" OWNER \"${PG_ROLE}\" ENCODING 'UTF8' TEMPLATE template0"
    fi
}

stop() {
    local bin data
    bin="$(pg_bin_dir)" || {
        log "not installed"
        return 0
    }
    for RUN_DIR in "$RUN_DIR" /var/tmp/bianmin-postgres; do
        data="$(data_dir)"
        if [[ -f "$data/postmaster.pid" ]]; then
            as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null && log "stopped ($data)"
            return 0
        fi
    done
    log "not running"
}

status() {
    if accepting; then
        echo "$URL"
    else
        log "not accepting connections on ${PG_HOST}:${PG_PORT}"
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
