"""The head's dashboard and the lists: figures link to their lists, charts are accessible SVG, and
every list costs the same number of queries however many rows it has."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.models import Window
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint
from intranet.disclosures.models import Disclosure, DisclosureRead
from intranet.study.models import Attendance, StudyPlan, StudySession
from tests.builders import make_user


def add_complaints(n, window, handler, head):
    for i in range(n):
        c = Complaint(
            channel="online",
            content="投诉内容",
            target_window=window,
            received_at=timezone.now() - dt.timedelta(days=i * 7),
        )
        complaint_workflow.receive(c, [])
        c.handler, c.category, c.method = handler, "attitude", "direct"
        complaint_workflow.triage(c, head, accepted=True)
        if i % 2:
            complaint_workflow.reply(c, handler, "phone", "已答复")


def add_study(n, users):
    year = timezone.localdate().year - 1
    plan, _ = StudyPlan.objects.get_or_create(year=year, defaults={"title": "计划"})
    for i in range(n):
        s = StudySession.objects.create(
            plan=plan,
            date=dt.date(year, 1 + i % 12, 1 + i),
            start_time=dt.time(9),
            end_time=dt.time(10),
            topic=f"第{i}次",
            kind="law",
            host=users["head"],
            place="会议室",
        )
        Attendance.objects.create(session=s, user=users["staff"], status="present")


def add_disclosures(n, users):
    for i in range(n):
        d = Disclosure.objects.create(title=f"公开{i}", category="other", body="……")
        DisclosureRead.objects.create(disclosure=d, user=users["staff"])


def count_queries(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx)


PAGES = [
    "/intranet/",
    "/intranet/complaints/",
    "/intranet/complaints/?state=overdue",
    "/intranet/disclosures/",
    "/intranet/study/",
    "/intranet/complaints/identity-log/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_cost_the_same_queries_for_few_and_many_rows(clients, users, window, path):
    # Three complaints: the oldest (14 days) is overdue, so no list starts out empty.
    add_complaints(3, window, users["staff"], users["head"])
    add_disclosures(2, users)
    few = count_queries(clients["head"], path)
    other_window = Window.objects.create(name="2号窗口")
    add_complaints(12, other_window, users["other_staff"], users["head"])
    add_disclosures(12, users)
    for i in range(5):
        make_user(f"extra{i}", "window_staff")
    assert count_queries(clients["head"], path) == few


def test_attendance_report_costs_the_same_for_more_sessions(clients, users):
    year = timezone.localdate().year - 1
    add_study(2, users)
    few = count_queries(clients["head"], f"/intranet/study/attendance/?year={year}")
    add_study(8, users)
    # Closing the rolls of new past sessions happens once; compare the steady state.
    count_queries(clients["head"], f"/intranet/study/attendance/?year={year}")
    assert count_queries(clients["head"], f"/intranet/study/attendance/?year={year}") <= few


def test_disclosure_reads_page_costs_the_same_for_more_staff(clients, users, disclosure):
    path = reverse("intranet:disclosure_reads", args=[disclosure.pk])
    count_queries(clients["head"], path)  # warms the per-worker Site table
    few = count_queries(clients["head"], path)
    for i in range(10):
        make_user(f"more{i}", "window_staff")
    assert count_queries(clients["head"], path) == few


def test_head_dashboard_charts_are_accessible_svg_with_numbers_and_links(clients, users, window):
    add_complaints(3, window, users["staff"], users["head"])
    html = clients["head"].get("/intranet/").content.decode()
    assert html.count('<svg class="bars"') == html.count("<title>") - 1 >= 2
    assert html.count('<svg class="bars"') == html.count('" xmlns="http://www.w3.org/2000/svg"')
    assert "各窗口办理中与已超期投诉" in html
    assert f"?state=open&amp;window={window.pk}" in html
    assert "近12个月按时答复情况" in html and "ontime=1" in html
    assert "<title>" in html and "件" in html
    assert "<script" not in html


def test_other_roles_get_their_own_start_page(clients, users, complaint):
    html = clients["staff"].get("/intranet/").content.decode()
    assert "我承办的投诉" in html and complaint.code in html
    assert '<svg class="bars"' not in html
    assert "中心负责人工作台" not in clients["inspector"].get("/intranet/").content.decode()


def test_the_month_filter_lists_answered_on_time(clients, users, complaint):
    complaint_workflow.reply(complaint, users["staff"], "phone", "已答复")
    month = timezone.localtime(complaint.replied_at).strftime("%Y-%m")
    html = clients["head"].get(f"/intranet/complaints/?month={month}&ontime=1").content.decode()
    assert complaint.code in html
    html = clients["head"].get(f"/intranet/complaints/?month={month}&ontime=0").content.decode()
    assert complaint.code not in html


def test_a_page_number_out_of_range_shows_the_last_page(clients, complaint):
    assert clients["head"].get("/intranet/complaints/?page=999").status_code == 200
    assert clients["head"].get("/intranet/complaints/?page=abc").status_code == 200


def test_mine_filter_lists_only_my_cases(clients, users, complaint):
    other = Complaint(channel="online", content="另一件投诉")
    complaint_workflow.receive(other, [])
    html = clients["head"].get("/intranet/complaints/?mine=1").content.decode()
    assert complaint.code not in html and other.code not in html
    html = clients["staff"].get("/intranet/complaints/?mine=1").content.decode()
    assert complaint.code in html
