#!/usr/bin/env bash
# Make Debian's Chromium and the browser-side test assets (axe-core) available.
#
#   .ci/services/chromium.sh start    # prints the Chromium executable as the last line of stdout
#   .ci/services/chromium.sh status   # exit 0 and the executable when everything is in place
#   .ci/services/chromium.sh stop     # nothing to stop: Playwright launches its own browser
#
# Playwright drives the Debian package (never a browser build it downloads itself);
# axe-core comes from the npm registry at the version pinned in tests/e2e/package-lock.json.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
E2E_DIR="$ROOT/tests/e2e"
CHROMIUM="${CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"

log() { echo "chromium.sh: $*" >&2; }

apt_install() {
    if [[ "$(id -u)" -ne 0 ]]; then
        log "missing $*; install it with apt-get (needs root)"
        exit 1
    fi
    log "installing $* with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "$@" >&2
}

axe_installed() { [[ -s "$E2E_DIR/node_modules/axe-core/axe.min.js" ]]; }

start() {
    [[ -x "$CHROMIUM" ]] || apt_install chromium fonts-noto-cjk
    [[ -x "$CHROMIUM" ]] || {
        log "$CHROMIUM is still missing after apt-get"
        exit 1
    }
    if ! axe_installed; then
        command -v npm >/dev/null || apt_install npm
        log "installing axe-core from tests/e2e/package-lock.json"
        npm ci --prefix "$E2E_DIR" --no-audit --no-fund --loglevel=error >&2
    fi
    axe_installed || {
        log "axe-core did not install into $E2E_DIR/node_modules"
        exit 1
    }
    "$CHROMIUM" --headless --no-sandbox --version >&2 2>/dev/null || "$CHROMIUM" --version >&2 || true
    echo "$CHROMIUM"
}

status() {
    if [[ -x "$CHROMIUM" ]] && axe_installed; then
        echo "$CHROMIUM"
    else
        log "Chromium ($CHROMIUM) or axe-core is missing"
        exit 1
    fi
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
