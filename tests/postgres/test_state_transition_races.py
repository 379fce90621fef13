"""Parallel requests on one complaint, one roll or one disclosure: each step happens once.

Like test_concurrency.py these need PostgreSQL (SQLite serialises writers). Every thread
posts through the real views with its own logged-in client and database connection.
"""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from intranet import roles
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint, ComplaintEvent, DeadlineExtension
from intranet.disclosures.models import Disclosure, DisclosureRead
from intranet.study.models import Attendance, AttendanceChange, StudyPlan, StudySession
from tests.builders import client_for, make_user
from tests.postgres.test_concurrency import run_in_parallel

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PARALLEL = 8


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


@pytest.fixture
def people():
    return {
        "staff": make_user("staff1", roles.WINDOW_STAFF, first_name="王芳"),
        "head": make_user("head", roles.HEAD, first_name="郑建国"),
    }


@pytest.fixture
def accepted(people):
    # A phone number: a complaint without contact details may only be answered online.
    complaint = Complaint(
        channel=Complaint.Channel.ONLINE,
        content="窗口无人，等了半小时。",
        complainant_phone="13800001234",
    )
    complaint_workflow.receive(complaint, [])
    complaint.category = Complaint.Category.ATTITUDE
    complaint.method = Complaint.Method.DIRECT
    complaint.handler = people["staff"]
    complaint_workflow.triage(complaint, people["head"], accepted=True)
    return complaint


def post_in_parallel(user, path, data):
    """PARALLEL logged-in clients post at once; returns each one's flashed messages."""
    clients = [client_for(user) for _ in range(PARALLEL)]

    def post(index):
        response = clients[index].post(path, data)
        assert response.status_code == 302, response.status_code
        return [str(message) for message in get_messages(response.wsgi_request)]

    results, errors = run_in_parallel(PARALLEL, post)
    assert errors == [None] * PARALLEL
    return results


def split(results, success):
    """The requests that got the success message, and the messages the others got."""
    won = [r for r in results if r == [success]]
    lost = [" ".join(r) for r in results if r != [success]]
    return won, lost


def events(complaint, action):
    return ComplaintEvent.objects.filter(complaint=complaint, action=action).count()


def test_parallel_replies_to_one_complaint_store_one_reply(people, accepted):
    results = post_in_parallel(
        people["staff"],
        url("complaint_reply", accepted.pk),
        {"reply_method": "phone", "reply_text": "已电话答复投诉人"},
    )
    won, lost = split(results, "已保存。")
    assert len(won) == 1 and len(lost) == PARALLEL - 1
    assert all("不能再次答复" in m or "不能进行此操作" in m for m in lost)
    assert events(accepted, "答复投诉人") == 1


def test_parallel_closings_of_one_complaint_close_it_once(people, accepted):
    results = post_in_parallel(
        people["staff"],
        url("complaint_close", accepted.pk),
        {"outcome": "confirmed", "result_text": "已批评教育"},
    )
    won, lost = split(results, "已保存。")
    assert len(won) == 1 and len(lost) == PARALLEL - 1
    assert all("不能再次办结" in m or "不能进行此操作" in m for m in lost)
    assert events(accepted, "办结") == 1
    assert Complaint.objects.get(pk=accepted.pk).status == Complaint.Status.CLOSED


def test_parallel_triage_of_one_complaint_accepts_it_once(people):
    complaint = Complaint(channel=Complaint.Channel.ONLINE, content="窗口无人。")
    complaint_workflow.receive(complaint, [])
    results = post_in_parallel(
        people["head"],
        url("complaint_triage", complaint.pk),
        {
            "accepted": "0",
            "complexity": "simple",
            "not_accepted_reason": "不属于本中心职责",
        },
    )
    won, lost = split(results, "已作不予受理处理。")
    assert len(won) == 1 and len(lost) == PARALLEL - 1
    assert all("不能重新分办" in m for m in lost)
    assert events(complaint, "不予受理") == 1


def test_parallel_extension_requests_leave_one_pending(people, accepted):
    results = post_in_parallel(
        people["staff"],
        url("complaint_extension_request", accepted.pk),
        {"extra_working_days": "3", "reason": "需要调取监控"},
    )
    won, lost = split(results, "已保存。")
    assert len(won) == 1
    assert len(lost) == PARALLEL - 1
    assert all("已有一份待批准的延期申请" in m for m in lost)
    assert DeadlineExtension.objects.filter(complaint=accepted).count() == 1


def test_parallel_publication_approvals_publish_once(people, accepted):
    complaint_workflow.close(accepted, people["staff"], "confirmed", "已整改")
    complaint_workflow.request_publication(accepted, people["staff"], "经查属实，已整改。")
    results = post_in_parallel(
        people["head"], url("complaint_publication_approve", accepted.pk), {}
    )
    won, lost = split(results, "处理结果已在门户网站公开。")
    assert len(won) == 1 and len(lost) == PARALLEL - 1
    assert all("没有待批准的公开摘要" in m for m in lost)
    assert events(accepted, "批准公开处理结果") == 1


def ended_session(host):
    day = timezone.localdate() - dt.timedelta(days=1)
    return StudySession.objects.create(
        plan=StudyPlan.objects.get_or_create(year=day.year, defaults={"title": "计划"})[0],
        date=day,
        start_time=dt.time(9),
        end_time=dt.time(10),
        topic="业务学习",
        kind=StudySession.Kind.BUSINESS,
        host=host,
        place="会议室",
    )


def test_parallel_roll_views_after_the_session_mark_each_absentee_once(people):
    session = ended_session(people["head"])
    clients = [client_for(people["head"]) for _ in range(PARALLEL)]

    results, errors = run_in_parallel(
        PARALLEL, lambda i: clients[i].get(url("study_roll", session.pk)).status_code
    )
    assert errors == [None] * PARALLEL
    assert results == [200] * PARALLEL
    assert Attendance.objects.filter(session=session, user=people["staff"]).count() == 1


def test_parallel_corrections_for_someone_without_a_row_store_one_row(people):
    session = ended_session(people["head"])
    post_in_parallel(
        people["head"],
        url("study_roll_correct", session.pk),
        {"user": people["staff"].pk, "status": "trip", "reason": "县里开会，补登公出"},
    )
    rows = Attendance.objects.filter(session=session, user=people["staff"])
    assert rows.count() == 1 and rows.get().status == "trip"
    assert AttendanceChange.objects.filter(attendance=rows.get()).count() == PARALLEL


def test_parallel_readings_of_a_disclosure_store_one_receipt(people):
    item = Disclosure.objects.create(
        title="第三季度财务收支",
        category=Disclosure.Category.FINANCE,
        body="支出明细",
        created_by=people["head"],
    )
    clients = [client_for(people["staff"]) for _ in range(PARALLEL)]
    results, errors = run_in_parallel(
        PARALLEL, lambda i: clients[i].get(url("disclosure_detail", item.pk)).status_code
    )
    assert errors == [None] * PARALLEL and results == [200] * PARALLEL
    assert DisclosureRead.objects.filter(disclosure=item, user=people["staff"]).count() == 1
