"""Real server processes a test starts on 127.0.0.1 and stops again: gunicorn, moto_server.

Ports are free ones the system hands out, or, when TEST_PORT_RANGE is set (e.g.
`8160-8169`, for a machine where each developer keeps to their own ports), the first free
ones of that range.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_handed_out = set()


def _bindable(port):
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port():
    wanted = os.environ.get("TEST_PORT_RANGE", "").strip()
    if wanted:
        first, last = (int(part) for part in wanted.split("-"))
        for port in range(first, last + 1):
            if port not in _handed_out and _bindable(port):
                _handed_out.add(port)
                return port
        raise RuntimeError(f"no free port left in TEST_PORT_RANGE={wanted}")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """One server started with `command`, answering at `base_url` once `ready_path` answers."""

    def __init__(self, command, port, env, log_path, ready_path="/", timeout=90):
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.log_path = Path(log_path)
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(  # noqa: S603  (our own command line)
            command, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )
        try:
            self._wait_ready(ready_path, timeout)
        except Exception:
            self.stop()
            raise

    def _wait_ready(self, ready_path, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base_url + ready_path, timeout=5):  # noqa: S310
                    return
            except urllib.error.HTTPError:
                return  # it answers, whatever it thinks of the path
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"no answer on {self.base_url} after {timeout}s:\n{self.log_tail()}")

    def log_tail(self, size=4000):
        self._log.flush()
        return self.log_path.read_bytes()[-size:].decode("utf-8", "replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        with contextlib.suppress(OSError):
            self._log.close()


def python_module(module, *args):
    """A command line running `python -m module args` with this interpreter."""
    return [sys.executable, "-m", module, *args]
