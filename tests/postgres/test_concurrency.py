"""Many writers at once on a real PostgreSQL: nothing lost, nothing doubled.

These run only on PostgreSQL (TEST_DATABASE_URL; `make test` with CI=true or
SERVICES=1 starts it): SQLite serialises writers, so it cannot show these races.
Each thread has its own database connection and starts at the same barrier.
"""

import itertools
import threading

import pytest
from django.db import connection
from django.utils import timezone

from content.models import ServiceGuidePage
from intranet import roles
from intranet.complaints import models as complaint_models
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint
from intranet.study import attendance
from intranet.study.models import Attendance, StudySession
from search import backends
from search.documents import page_doc_id
from search.models import EngineCursor, OutboxEntry
from tests.builders import make_user, session_around_now

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_in_parallel(count, work):
    """Run work(i) in `count` threads released together; returns (results, errors) by index."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, [None] * count

    def worker(index):
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001  (collected and asserted on)
            errors[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


@pytest.fixture
def crowded_tracking_codes(monkeypatch):
    """Tracking codes drawn from 300 values, so that parallel writers really do collide."""
    pool = itertools.cycle(f"TS-2026-AAA{n:03d}" for n in range(300))
    lock = threading.Lock()

    def next_code(year=None):
        with lock:
            return next(pool)

    monkeypatch.setattr(complaint_models, "new_tracking_code", next_code)


def test_parallel_complaints_all_stored_with_unique_tracking_codes(crowded_tracking_codes):
    per_thread = 5

    def file_complaints(index):
        codes = []
        for n in range(per_thread):
            complaint = Complaint(
                channel=Complaint.Channel.ONLINE,
                content=f"并发投诉 {index}-{n}：窗口无人，等待超过半小时。",
            )
            complaint_workflow.receive(complaint, [])
            codes.append(complaint.code)
        return codes

    results, errors = run_in_parallel(20, file_complaints)
    assert errors == [None] * 20
    shown = [code for codes in results for code in codes]
    stored = list(Complaint.objects.values_list("code", flat=True))
    assert len(stored) == 20 * per_thread
    assert len(set(stored)) == len(stored)
    assert sorted(shown) == sorted(stored)
    # Every complaint got its "received" timeline entry exactly once.
    for complaint in Complaint.objects.prefetch_related("events"):
        assert complaint.events.count() == 1


@pytest.mark.usefixtures("working_morning")
def test_parallel_sign_ins_of_one_person_record_one_attendance():
    host = make_user("host", roles.HEAD)
    staff = make_user("staff", roles.WINDOW_STAFF)
    session = session_around_now(host)

    results, errors = run_in_parallel(12, lambda _i: attendance.sign_in(staff, session.signin_code))
    signed = [row for row in results if row is not None]
    refused = [error for error in errors if error is not None]
    assert len(signed) == 1
    assert len(refused) == 11
    assert all(isinstance(error, attendance.SignInError) for error in refused)
    assert all("无需重复签到" in str(error) for error in refused)
    assert Attendance.objects.filter(session=session, user=staff).count() == 1


@pytest.mark.usefixtures("working_morning")
def test_parallel_sign_ins_of_many_people_record_each_once():
    host = make_user("host", roles.HEAD)
    people = [make_user(f"staff{i}", roles.WINDOW_STAFF) for i in range(20)]
    session = session_around_now(host)

    results, errors = run_in_parallel(
        20, lambda i: attendance.sign_in(people[i], session.signin_code)
    )
    assert errors == [None] * 20
    rows = Attendance.objects.filter(session=session)
    assert rows.count() == 20
    assert {row.user_id for row in rows} == {person.pk for person in people}


@pytest.mark.usefixtures("working_morning")
def test_parallel_new_study_sessions_get_distinct_sign_in_codes(monkeypatch):
    host = make_user("host", roles.HEAD)
    pool = itertools.cycle(f"{n:06d}" for n in range(40))
    lock = threading.Lock()

    def crowded_code():
        with lock:
            return next(pool)

    monkeypatch.setattr(StudySession._meta.get_field("signin_code"), "default", crowded_code)
    results, errors = run_in_parallel(
        20, lambda i: session_around_now(host, topic=f"并发学习{i}").signin_code
    )
    assert errors == [None] * 20
    codes = list(StudySession.objects.values_list("signin_code", flat=True))
    assert len(codes) == 20
    assert len(set(codes)) == 20


@pytest.fixture
def embedded_index(settings, tmp_path):
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    backends._embedded.cache_clear()
    backends._elasticsearch.cache_clear()
    yield backends.get_engine("embedded")
    backends._embedded.cache_clear()


def indexed_title(engine, doc_id):
    row = engine._conn().execute("SELECT title FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def test_parallel_publishes_leave_the_index_at_the_last_published_version(
    site_tree, embedded_index
):
    guide_pk = site_tree.disability.pk

    def publish(index):
        guide = ServiceGuidePage.objects.get(pk=guide_pk)
        guide.title = f"残疾人证申领第{index}版"
        guide.save_revision().publish()
        return timezone.now()

    results, errors = run_in_parallel(10, publish)
    assert errors == [None] * 10

    final_title = ServiceGuidePage.objects.get(pk=guide_pk).title
    assert indexed_title(embedded_index, page_doc_id(guide_pk)) == final_title
    # Every outbox row was applied: the engine's cursor reached the last row.
    last_seq = OutboxEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    assert EngineCursor.objects.get(engine="embedded").last_seq == last_seq


def test_parallel_publishes_of_different_guides_all_reach_the_index(site_tree, embedded_index):
    guides = [site_tree.disability, site_tree.subsidy, site_tree.residence]

    def publish(index):
        guide = ServiceGuidePage.objects.get(pk=guides[index % 3].pk)
        guide.title = f"{guide.title.split('·')[0]}·第{index}次修订"
        guide.save_revision().publish()

    results, errors = run_in_parallel(9, publish)
    assert errors == [None] * 9
    for guide in guides:
        title = ServiceGuidePage.objects.get(pk=guide.pk).title
        assert indexed_title(embedded_index, page_doc_id(guide.pk)) == title
    seqs = list(OutboxEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == sorted(set(seqs))
    assert EngineCursor.objects.get(engine="embedded").last_seq == seqs[-1]
