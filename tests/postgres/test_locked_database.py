"""A complaint submitted while its table is locked by another connection (a real lock).

Another PostgreSQL session takes LOCK TABLE on the complaints table, as a long
migration, a backup tool or a stuck transaction would. The submission waits a bounded
time, retries, and then either stores the complaint once the lock is gone or shows the
citizen the form again with their text kept: never a 500, never silent loss.
"""

import threading

import psycopg
import pytest
from django.db import connection
from django.test import Client

from intranet import roles
from intranet.complaints.models import Complaint
from portal.locked_database import LOCK_WAIT_SECONDS
from tests.builders import client_for, make_user

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONTENT = "在1号窗口办理居住证时，工作人员态度生硬，没有一次性告知材料。请核查。"


class TableLock:
    """ACCESS EXCLUSIVE lock on a table, held by a separate connection until release()."""

    def __init__(self, table):
        params = connection.settings_dict
        self.conn = psycopg.connect(
            dbname=params["NAME"],
            user=params["USER"],
            password=params["PASSWORD"],
            host=params["HOST"],
            port=params["PORT"] or 5432,
        )
        self.conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        self.released = threading.Event()

    def release(self):
        if not self.released.is_set():
            self.conn.rollback()
            self.conn.close()
            self.released.set()


@pytest.fixture
def locked_complaints():
    lock = TableLock(Complaint._meta.db_table)
    yield lock
    lock.release()


def submit(client):
    return client.post(
        "/complaints/new/",
        {"content": CONTENT, "complainant_name": "", "complainant_phone": "", "website": ""},
    )


def test_a_complaint_submitted_while_the_database_stays_locked_gets_its_text_back_with_503(
    locked_complaints,
):
    response = submit(Client())

    assert response.status_code == 503
    html = response.content.decode()
    assert "系统繁忙，您的投诉暂未保存" in html
    assert CONTENT in html  # the textarea still holds what the citizen wrote
    locked_complaints.release()
    assert Complaint.objects.count() == 0


def test_a_complaint_submitted_while_the_database_is_briefly_locked_is_stored_once(
    locked_complaints,
):
    # Held past the first attempt's wait, released during the second.
    threading.Timer(LOCK_WAIT_SECONDS + 1, locked_complaints.release).start()

    client = Client()
    response = submit(client)

    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.content == CONTENT
    assert complaint.code in client.get(response["Location"]).content.decode()


def test_a_staff_entry_while_the_database_stays_locked_keeps_the_form_with_503(
    locked_complaints,
):
    clerk = make_user("clerk", roles.WINDOW_STAFF)
    response = client_for(clerk).post(
        "/intranet/complaints/new/",
        {"channel": "phone", "received_at": "2026-01-05T09:30", "content": CONTENT},
    )
    assert response.status_code == 503
    html = response.content.decode()
    assert "数据库繁忙，投诉暂未登记" in html and CONTENT in html
    locked_complaints.release()
    assert Complaint.objects.count() == 0
