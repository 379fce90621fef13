"""Handling complaints in the intranet: staff entry, triage, deadlines, reply, closing, extensions,
confidentiality of the complainant and the order of the list."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from intranet.calendar.workdays import WorkCalendar
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint, DeadlineExtension, IdentityAccessLog


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


def new_complaint(**fields):
    c = Complaint(
        channel=fields.pop("channel", "online"), content="投诉内容足够长的一段话", **fields
    )
    complaint_workflow.receive(c, [])
    return c


def test_staff_record_a_phone_complaint_and_get_its_code(clients, users):
    response = clients["other_staff"].post(
        url("complaint_new"),
        {
            "channel": "phone",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "content": "来电反映：窗口工作人员中午提前离岗。",
            "complainant_name": "赵六",
            "complainant_phone": "13800001234",
        },
    )
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert complaint.channel == "phone" and complaint.recorded_by == users["other_staff"]
    assert complaint.code.startswith("TS-")


def test_staff_entry_with_a_received_time_in_the_future_is_refused(clients):
    future = (timezone.localtime() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = clients["staff"].post(
        url("complaint_new"), {"channel": "oral", "received_at": future, "content": "口头投诉内容"}
    )
    assert "收到时间不能晚于现在" in response.content.decode()
    assert not Complaint.objects.exists()


def test_staff_entry_with_a_malformed_time_is_refused(clients):
    response = clients["staff"].post(
        url("complaint_new"),
        {"channel": "oral", "received_at": "昨天下午", "content": "口头投诉内容"},
    )
    assert response.status_code == 200
    assert not Complaint.objects.exists()


@pytest.mark.parametrize(
    ("complexity", "check"),
    [
        ("simple", lambda cal, start, d: d == cal.add_working_days(start, 1).date),
        ("complex", lambda cal, start, d: d == cal.add_working_days(start, 5).date),
        ("inspector", lambda cal, start, d: d == cal.add_calendar_days_rolled(start, 15).date),
    ],
)
def test_triage_sets_the_deadline_from_the_working_day_clock(clients, users, complexity, check):
    c = new_complaint()
    response = clients["inspector"].post(
        url("complaint_triage", c.pk),
        {
            "accepted": "1",
            "category": "inefficiency",
            "complexity": complexity,
            "method": "refer",
            "handler": users["staff"].pk,
        },
    )
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.status == "in_progress" and c.handler == users["staff"]
    start = timezone.localtime(c.received_at).date()
    assert check(WorkCalendar.load(), start, c.deadline)
    assert c.events.filter(action="受理并分办").exists()


def test_accepting_without_category_or_handler_is_refused(clients):
    c = new_complaint()
    response = clients["head"].post(
        url("complaint_triage", c.pk), {"accepted": "1", "complexity": "simple"}
    )
    assert "受理的投诉必须填写此项" in response.content.decode()
    c.refresh_from_db()
    assert c.status == "received"


def test_refusing_needs_a_reason_for_the_complainant(clients):
    c = new_complaint()
    response = clients["head"].post(
        url("complaint_triage", c.pk), {"accepted": "0", "complexity": "simple"}
    )
    assert "必须写明理由" in response.content.decode()
    c.refresh_from_db()
    assert c.status == "received"


def test_refusing_a_complaint_says_it_was_not_accepted(clients):
    c = new_complaint()
    response = clients["head"].post(
        url("complaint_triage", c.pk),
        {"accepted": "0", "complexity": "simple", "not_accepted_reason": "不属于本中心职责范围"},
        follow=True,
    )
    html = response.content.decode()
    assert "已作不予受理处理" in html and "已分办" not in html
    c.refresh_from_db()
    assert c.status == "not_accepted"


def test_the_waiting_complaints_tile_count_matches_the_list_it_opens(clients):
    for _n in range(2):
        new_complaint()
    accepted = new_complaint()
    accepted.status = Complaint.Status.IN_PROGRESS
    accepted.save(update_fields=["status"])
    html = clients["head"].get(url("home")).content.decode()
    tile = html.split("待受理投诉", 1)[0].rsplit("<a href=", 1)[1]
    link = tile.split('"')[1].replace("&amp;", "&")
    assert "待受理投诉 <strong>2</strong>" in html
    listed = clients["head"].get(link).content.decode()
    assert listed.count(reverse("intranet:complaint_detail", args=[accepted.pk])) == 0
    for c in Complaint.objects.filter(status="received"):
        assert reverse("intranet:complaint_detail", args=[c.pk]) in listed


def test_the_staff_member_complained_about_cannot_become_its_handler(clients, users):
    from content.models import StaffMember

    member = StaffMember.objects.create(name="王芳", post="窗口人员", user=users["staff"])
    c = new_complaint()
    response = clients["head"].post(
        url("complaint_triage", c.pk),
        {
            "accepted": "1",
            "category": "attitude",
            "complexity": "simple",
            "method": "direct",
            "target_staff": member.pk,
            "handler": users["staff"].pk,
        },
    )
    assert response.status_code == 200
    assert "被投诉的工作人员不能承办针对自己的投诉" in response.content.decode()
    c.refresh_from_db()
    assert c.status == "received" and c.handler is None


def test_a_handler_from_outside_the_staff_is_refused(clients, users):
    c = new_complaint()
    response = clients["head"].post(
        url("complaint_triage", c.pk),
        {
            "accepted": "1",
            "category": "fees",
            "complexity": "simple",
            "method": "direct",
            "handler": users["editor"].pk,
        },
    )
    assert response.status_code == 200
    c.refresh_from_db()
    assert c.handler is None


def test_a_written_complaint_needs_a_written_reply(clients, complaint):
    Complaint.objects.filter(pk=complaint.pk).update(channel="written")
    response = clients["staff"].post(
        url("complaint_reply", complaint.pk), {"reply_method": "phone", "reply_text": "已电话说明"}
    )
    assert "书面投诉必须书面答复" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.replied_at is None
    response = clients["staff"].post(
        url("complaint_reply", complaint.pk),
        {"reply_method": "written", "reply_text": "书面答复函"},
    )
    complaint.refresh_from_db()
    assert complaint.status == "replied" and complaint.reply_method == "written"


def test_a_complaint_without_contact_details_can_only_be_answered_online(clients, complaint):
    Complaint.objects.filter(pk=complaint.pk).update(complainant_name="", complainant_phone="")
    response = clients["staff"].post(
        url("complaint_reply", complaint.pk), {"reply_method": "phone", "reply_text": "已电话说明"}
    )
    assert "只能网上答复" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.replied_at is None and complaint.status == "in_progress"
    clients["staff"].post(
        url("complaint_reply", complaint.pk),
        {"reply_method": "online", "reply_text": "经核实，已对当事人批评教育。"},
    )
    complaint.refresh_from_db()
    assert complaint.status == "replied" and complaint.reply_method == "online"


def test_a_complaint_with_a_phone_can_still_be_answered_by_phone(clients, complaint):
    clients["staff"].post(
        url("complaint_reply", complaint.pk), {"reply_method": "phone", "reply_text": "已电话说明"}
    )
    complaint.refresh_from_db()
    assert complaint.reply_method == "phone"


def test_closing_needs_a_result_and_an_outcome(clients, complaint):
    response = clients["staff"].post(
        url("complaint_close", complaint.pk), {"outcome": "confirmed", "result_text": ""}
    )
    assert response.status_code == 200
    complaint.refresh_from_db()
    assert complaint.status == "in_progress"
    clients["staff"].post(
        url("complaint_close", complaint.pk), {"outcome": "partly", "result_text": "批评教育"}
    )
    complaint.refresh_from_db()
    assert complaint.status == "closed" and complaint.outcome == "partly" and complaint.closed_at


def test_an_extension_needs_the_heads_approval(clients, complaint):
    before = complaint.deadline
    clients["staff"].post(
        url("complaint_extension_request", complaint.pk),
        {"extra_working_days": 3, "reason": "需协调县局"},
    )
    ext = DeadlineExtension.objects.get()
    complaint.refresh_from_db()
    assert complaint.deadline == before
    clients["head"].post(
        url("complaint_extension_decide", complaint.pk, ext.pk), {"decision": "approve"}
    )
    complaint.refresh_from_db()
    assert complaint.deadline == WorkCalendar.load().add_working_days(before, 3).date
    ext.refresh_from_db()
    assert ext.status == "approved"


def test_a_refused_extension_keeps_the_deadline(clients, complaint, extension):
    before = complaint.deadline
    clients["head"].post(
        url("complaint_extension_decide", complaint.pk, extension.pk), {"decision": "refuse"}
    )
    complaint.refresh_from_db()
    extension.refresh_from_db()
    assert complaint.deadline == before and extension.status == "refused"


def test_an_extension_cannot_be_decided_twice(clients, complaint, extension):
    clients["head"].post(
        url("complaint_extension_decide", complaint.pk, extension.pk), {"decision": "approve"}
    )
    once = Complaint.objects.get(pk=complaint.pk).deadline
    response = clients["head"].post(
        url("complaint_extension_decide", complaint.pk, extension.pk),
        {"decision": "approve"},
        follow=True,
    )
    assert "已经处理过" in response.content.decode()
    assert Complaint.objects.get(pk=complaint.pk).deadline == once


def test_an_extension_id_of_another_complaint_is_not_found(clients, complaint, extension):
    other = new_complaint()
    response = clients["head"].post(
        url("complaint_extension_decide", other.pk, extension.pk), {"decision": "approve"}
    )
    assert response.status_code == 404
    extension.refresh_from_db()
    assert extension.status == "pending"


def test_the_identity_page_is_logged_and_the_head_sees_the_log(clients, complaint, users):
    response = clients["staff"].get(url("complaint_identity", complaint.pk))
    assert "张三丰" in response.content.decode()
    log = IdentityAccessLog.objects.get()
    assert (log.user, log.complaint) == (users["staff"], complaint)
    detail = clients["head"].get(url("complaint_detail", complaint.pk)).content.decode()
    assert "投诉人信息查看记录" in detail and "王芳" in detail
    assert "王芳" in clients["inspector"].get(url("identity_access_log")).content.decode()


def test_the_complaint_page_itself_never_shows_the_identity(clients, complaint):
    for role in ("staff", "head", "admin"):
        html = clients[role].get(url("complaint_detail", complaint.pk)).content.decode()
        assert "张三丰" not in html and "13900001111" not in html
    assert not IdentityAccessLog.objects.exists()


def test_other_staff_cannot_open_a_complaint_they_do_not_handle(clients, complaint):
    assert clients["other_staff"].get(url("complaint_detail", complaint.pk)).status_code == 404
    assert clients["other_staff"].get(url("complaint_identity", complaint.pk)).status_code == 404
    assert not IdentityAccessLog.objects.exists()


def test_a_forged_complaint_id_is_not_found(clients):
    assert clients["head"].get(url("complaint_detail", 999999)).status_code == 404


def test_overdue_complaints_come_first_and_are_marked(clients, users):
    fresh = new_complaint()
    old = new_complaint(received_at=timezone.now() - dt.timedelta(days=30))
    html = clients["head"].get(url("complaint_list")).content.decode()
    assert html.index(old.code) < html.index(fresh.code)
    assert "已超期" in html
    assert "超期" in html and "个工作日" in html


def test_overdue_filter_lists_only_overdue_open_complaints(clients):
    fresh = new_complaint()
    old = new_complaint(received_at=timezone.now() - dt.timedelta(days=30))
    html = clients["head"].get(url("complaint_list") + "?state=overdue").content.decode()
    assert old.code in html and fresh.code not in html


def test_a_deadline_beyond_the_known_holidays_is_shown_as_provisional(clients, complaint):
    Complaint.objects.filter(pk=complaint.pk).update(
        deadline=dt.date(2099, 3, 2), deadline_provisional=True
    )
    html = clients["staff"].get(url("complaint_detail", complaint.pk)).content.decode()
    assert "2099-03-02（暂定）" in html


def test_publication_needs_a_summary_without_names(clients, complaint, users):
    complaint_workflow.close(complaint, users["staff"], "confirmed", "已整改")
    response = clients["staff"].post(
        url("complaint_publication", complaint.pk), {"public_summary": "张三丰反映的问题已整改"}
    )
    assert "不能出现投诉人的姓名" in response.content.decode()
    response = clients["staff"].post(
        url("complaint_publication", complaint.pk), {"public_summary": "联系电话13900001111"}
    )
    assert "不能出现投诉人的电话" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.public_summary == ""


@pytest.mark.parametrize(
    "summary",
    [
        "张先生反映的问题已整改",
        "老张反映的窗口问题已整改",
        "三丰同志的意见已采纳",
        "张 三 丰反映的问题已整改",
        "回访电话 139-0000-1111",
        "回访电话 139 0000 1111",
        "回访电话１３９００００１１１１",
    ],
)
def test_publication_refuses_the_complainants_name_or_phone_in_any_form(
    clients, complaint, users, summary
):
    complaint_workflow.close(complaint, users["staff"], "confirmed", "已整改")
    response = clients["staff"].post(
        url("complaint_publication", complaint.pk), {"public_summary": summary}
    )
    assert "公开摘要中不能出现投诉人的" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.public_summary == ""


@pytest.mark.parametrize(
    "summary",
    ["已与当事人联系（138-0013-8000）", "经办人电话 0571-8888 6666", "证件号 110101 19900101 123X"],
)
def test_publication_refuses_anything_shaped_like_a_phone_or_id_number(
    clients, complaint, users, summary
):
    complaint_workflow.close(complaint, users["staff"], "confirmed", "已整改")
    response = clients["staff"].post(
        url("complaint_publication", complaint.pk), {"public_summary": summary}
    )
    assert "请删除" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.public_summary == ""


def test_publication_accepts_dates_and_window_numbers(clients, complaint, users):
    complaint_workflow.close(complaint, users["staff"], "confirmed", "已整改")
    response = clients["staff"].post(
        url("complaint_publication", complaint.pk),
        {"public_summary": "2026-05-01 反映的3号窗口服务态度问题已于2026-05-03整改完毕。"},
    )
    assert response.status_code == 302


def test_only_the_head_approves_publication(clients, complaint, users):
    complaint_workflow.close(complaint, users["staff"], "confirmed", "已整改")
    clients["staff"].post(
        url("complaint_publication", complaint.pk), {"public_summary": "窗口服务态度问题已整改。"}
    )
    assert (
        clients["inspector"].post(url("complaint_publication_approve", complaint.pk)).status_code
        == 403
    )
    clients["head"].post(url("complaint_publication_approve", complaint.pk))
    complaint.refresh_from_db()
    assert complaint.published_at and complaint.publication_approved_by == users["head"]


def test_internal_notes_stay_internal(clients, complaint):
    clients["staff"].post(url("complaint_note", complaint.pk), {"text": "投诉人情绪激动"})
    event = complaint.events.latest("id")
    assert not event.is_public and event.internal_note == "投诉人情绪激动"


def test_a_reply_on_a_closed_complaint_is_refused(clients, complaint, users):
    complaint_workflow.close(complaint, users["staff"], "confirmed", "已整改")
    response = clients["staff"].post(
        url("complaint_reply", complaint.pk),
        {"reply_method": "phone", "reply_text": "x"},
        follow=True,
    )
    assert "不能进行此操作" in response.content.decode()


def test_reassigning_keeps_an_approved_extension(clients, complaint, extension, users):
    clients["head"].post(
        url("complaint_extension_decide", complaint.pk, extension.pk), {"decision": "approve"}
    )
    extended = Complaint.objects.get(pk=complaint.pk).deadline
    clients["head"].post(
        url("complaint_triage", complaint.pk),
        {
            "accepted": "1",
            "category": "attitude",
            "complexity": "simple",
            "method": "refer",
            "handler": users["other_staff"].pk,
        },
    )
    complaint.refresh_from_db()
    assert complaint.handler == users["other_staff"]
    assert complaint.deadline == extended
