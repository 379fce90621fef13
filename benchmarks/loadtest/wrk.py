"""Running wrk against one URL for a fixed time and reading its figures back."""

import json
import shutil
import subprocess
from pathlib import Path

REPORT_SCRIPT = Path(__file__).with_name("report.lua")


def wrk_available():
    return shutil.which("wrk") is not None


def run_wrk(url, *, duration=10, connections=10, threads=2, headers=()):
    """Requests/s, p50/p95/p99 latency and error counts of `duration` seconds of GETs."""
    command = [
        "wrk",
        f"--threads={min(threads, connections)}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=10s",
        f"--script={REPORT_SCRIPT}",
    ]
    for header in headers:
        command += ["--header", header]
    command.append(url)
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, timeout=duration + 60, check=False
    )
    for line in result.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            return json.loads(line.removeprefix("WRK_JSON "))
    raise RuntimeError(f"wrk printed no figures for {url}:\n{result.stdout}\n{result.stderr}")
