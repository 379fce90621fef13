"""A complaint submitted while another connection holds SQLite's write lock (the dev/demo database).

Runs in a separate process on a file database, because the suite's in-memory SQLite
database cannot be opened by a second connection. The lock is real: a plain sqlite3
connection holding BEGIN EXCLUSIVE, as a long import or a stuck writer would.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, os, sqlite3
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
from intranet.complaints.models import Complaint

content = "在1号窗口办理居住证时，工作人员态度生硬。"
Client().get("/complaints/new/")  # the site's settings rows exist, as on any running site
lock = sqlite3.connect(os.environ["LOCK_DB"], isolation_level=None)
lock.execute("BEGIN EXCLUSIVE")
response = Client().post(
    "/complaints/new/",
    {"content": content, "complainant_name": "", "complainant_phone": "", "website": ""},
)
lock.execute("ROLLBACK")
print(json.dumps({
    "status": response.status_code,
    "kept": content in response.content.decode(),
    "message": "系统繁忙，您的投诉暂未保存" in response.content.decode(),
    "stored": Complaint.objects.count(),
}))
"""


def test_a_complaint_submitted_while_sqlite_is_locked_gets_its_text_back_with_503(tmp_path):
    import json

    database = tmp_path / "portal.sqlite3"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "LOCK_DB": str(database),
        "PYTHONPATH": str(ROOT),
    }
    environment.pop("TEST_DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["kept"] and outcome["message"]
    assert outcome["stored"] == 0
