"""Every transition of a case on the working-day clock, as the center's rules describe them."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from content.models import CompletionAnnouncementPage
from intranet.calendar.workdays import add_working_days
from intranet.cases import rules, workflow
from intranet.cases.models import Case, CaseEvent, FollowUp, NegativeFiling, Rating
from intranet.cases.workflow import TransitionError
from tests.builders import new_case

from .conftest import approve_leave

D = dt.date


def test_receipt_number_is_unguessable_and_phone_digits_are_kept(case):
    assert re.fullmatch(r"BJ-\d{4}-[2-9A-HJ-NP-Z]{6}", case.receipt_number)
    assert case.phone_last4 == "1234"
    assert case.first_contact == case.handler


@pytest.mark.usefixtures("national_day_eve")
def test_accepted_promised_case_is_due_after_the_guides_working_days(case):
    assert case.state == Case.State.ACCEPTED
    assert case.kind == Case.Kind.PROMISED
    # Accepted on 30 September: 8, 9, Saturday 10 (调休), 12 and 13 October.
    assert case.accepted_on == dt.date(2026, 9, 30)
    assert case.deadline == dt.date(2026, 10, 13)
    assert [e.action for e in case.events.all()] == ["收件", "受理"]


def test_immediate_case_is_due_the_same_working_day(center, users):
    case = new_case(center, users, guide=center.immediate, today=D(2026, 3, 4))
    assert case.kind == Case.Kind.IMMEDIATE
    assert case.deadline == D(2026, 3, 4)


def test_deadline_skips_the_2026_spring_festival(center, users):
    # 13 Feb (Fri), 14 Feb (Saturday worked in exchange), then 24, 25, 26 Feb after the holiday.
    case = new_case(center, users, today=D(2026, 2, 12))
    assert case.deadline == D(2026, 2, 26)


def test_deadline_skips_the_2026_national_day_holiday(center, users):
    # 30 Sep, then 8, 9, 10 (Saturday worked in exchange) and 12 Oct.
    case = new_case(center, users, today=D(2026, 9, 29))
    assert case.deadline == D(2026, 10, 12)


def test_supplement_stops_the_clock_and_completion_restarts_it(center, users):
    case = new_case(center, users, today=D(2026, 3, 2))
    assert case.deadline == D(2026, 3, 9)
    workflow.request_supplement(case, users["staff"], ["户口簿"], today=D(2026, 3, 3))
    case.refresh_from_db()
    assert case.state == Case.State.SUPPLEMENT
    workflow.supplement_done(case, users["staff"], today=D(2026, 3, 5))
    case.refresh_from_db()
    # Two working days (4 and 5 March) stood still, so the deadline moves by two.
    assert case.state == Case.State.ACCEPTED
    assert case.paused_working_days == 2
    assert case.deadline == D(2026, 3, 11)


def test_supplement_at_the_counter_starts_the_clock_when_materials_are_complete(center, users):
    case = new_case(center, users, today=D(2026, 3, 2), accept_now=False)
    assert case.state == Case.State.RECEIVED and case.deadline is None
    workflow.request_supplement(case, users["staff"], ["居民身份证", "户口簿"], "原件核对")
    workflow.supplement_done(case, users["staff"], today=D(2026, 3, 4))
    case.refresh_from_db()
    assert case.accepted_on == D(2026, 3, 4)
    assert case.deadline == D(2026, 3, 11)


def test_supplement_without_any_item_is_refused_and_writes_nothing(case, users):
    with pytest.raises(TransitionError, match="请勾选所缺材料"):
        workflow.request_supplement(case, users["staff"], [], "  ")
    case.refresh_from_db()
    assert case.state == Case.State.ACCEPTED
    assert not case.supplements.exists()


def test_second_supplement_needs_a_reason_and_counts_against_the_handler(case, users):
    workflow.request_supplement(case, users["staff"], ["户口簿"])
    workflow.supplement_done(case, users["staff"])
    with pytest.raises(TransitionError, match="一次性告知"):
        workflow.request_supplement(case, users["staff"], ["近期免冠照片"])
    assert case.supplements.count() == 1
    second = workflow.request_supplement(
        case, users["staff"], ["近期免冠照片"], reason="照片不符合要求，首次未发现"
    )
    assert second.is_breach and second.breach_by == users["staff"]
    assert case.supplements.filter(is_breach=True).count() == 1


def test_refusal_needs_reason_and_basis(case, users):
    with pytest.raises(TransitionError, match="理由和法律依据"):
        workflow.refuse(case, users["staff"], "不符合条件", "")
    case.refresh_from_db()
    assert case.state == Case.State.ACCEPTED
    assert not NegativeFiling.objects.exists()


def test_refusal_files_a_negative_report_due_in_two_working_days(center, users):
    case = new_case(center, users, today=D(2026, 2, 12))
    filing = workflow.refuse(
        case, users["staff"], "非本镇户籍", "《残疾人证管理办法》第八条", today=D(2026, 2, 13)
    )
    case.refresh_from_db()
    assert case.state == Case.State.REFUSED
    # 14 Feb is a worked Saturday, then the Spring Festival: the second working day is 24 Feb.
    assert filing.review_deadline == D(2026, 2, 24)
    assert filing.is_overdue(D(2026, 2, 25)) and not filing.is_overdue(D(2026, 2, 24))


def test_upheld_refusal_keeps_the_case_closed(case, users):
    filing = workflow.refuse(case, users["staff"], "不符合条件", "《办法》第八条")
    workflow.review_filing(filing, users["head"], NegativeFiling.Decision.UPHELD)
    case.refresh_from_db()
    assert case.state == Case.State.REFUSED
    assert NegativeFiling.objects.get().decision == "upheld"


def test_corrected_refusal_reopens_the_case_with_the_instruction(center, users):
    case = new_case(center, users, today=D(2026, 3, 2))
    filing = workflow.refuse(
        case, users["staff"], "材料不符", "《办法》第八条", today=D(2026, 3, 3)
    )
    with pytest.raises(TransitionError, match="审核意见"):
        workflow.review_filing(filing, users["head"], NegativeFiling.Decision.CORRECTED)
    workflow.review_filing(
        filing, users["head"], "corrected", "材料符合要求，应予受理", today=D(2026, 3, 4)
    )
    case.refresh_from_db()
    assert case.state == Case.State.ACCEPTED
    assert case.deadline == D(2026, 3, 10)
    assert case.events.filter(internal_note="材料符合要求，应予受理").exists()


def test_joint_case_closes_only_when_every_partner_has_finished(case, center, users):
    part = workflow.add_partner(case, users["staff"], center.partner, "出具残疾评定意见")
    with pytest.raises(TransitionError, match="联办"):
        workflow.complete(case, users["staff"], "granted", "准予发证")
    assert rules.may(center.b_user, case, "part_done")
    workflow.part_done(part, center.b_user, "已出具")
    workflow.complete(case, users["staff"], "granted", "准予发证")
    case.refresh_from_db()
    assert case.state == Case.State.COMPLETED


def test_forwarded_case_names_the_agent_and_records_handoffs(case, users):
    workflow.forward(case, users["staff"], "县政务服务中心", users["other_staff"], "材料已送达")
    workflow.record_handoff(case, users["staff"], "reply", "县中心已受理")
    workflow.complete(case, users["staff"], "reported", "已报县政务服务中心")
    case.refresh_from_db()
    assert case.agent == users["other_staff"]
    assert [h.kind for h in case.handoffs.all()] == ["sent", "reply"]
    assert case.get_result_display() == "已上报"


def test_extension_needs_the_heads_approval_and_adds_working_days(center, users):
    case = new_case(center, users, today=D(2026, 3, 2))
    ext = workflow.request_extension(case, users["staff"], 3, "需县级部门会签")
    with pytest.raises(TransitionError, match="中心负责人"):
        workflow.decide_extension(ext, users["staff"], approve=True)
    workflow.decide_extension(ext, users["head"], approve=True)
    case.refresh_from_db()
    assert case.deadline == D(2026, 3, 12)


def test_completion_then_collection(case, users):
    workflow.complete(case, users["staff"], "granted", "准予发证")
    workflow.collect(case, users["staff"], D(2026, 3, 20))
    case.refresh_from_db()
    assert case.state == Case.State.COLLECTED and case.collected_on == D(2026, 3, 20)
    assert case.on_time is True


def test_a_case_cannot_be_completed_twice(case, users):
    workflow.complete(case, users["staff"], "granted", "准予发证")
    with pytest.raises(TransitionError, match="已办结"):
        workflow.complete(case, users["staff"], "denied", "不予")
    assert case.events.filter(action="办结").count() == 1


def test_closing_publishes_a_masked_completion_announcement(case, users):
    workflow.complete(case, users["staff"], "granted", "准予发证")
    page = CompletionAnnouncementPage.objects.live().get()
    assert page.public_title == "残疾人证申领（测**）"
    assert page.result == "approved" and page.result_note == "准予发证"


def test_private_guides_are_not_announced(center, users):
    case = new_case(center, users, guide=center.private)
    workflow.complete(case, users["staff"], "granted", "准予")
    assert not CompletionAnnouncementPage.objects.exists()


def test_overdue_cases_come_first(center, users):
    today = timezone.localdate()
    fresh = new_case(center, users)
    late = new_case(center, users, today=today - dt.timedelta(days=30))
    ordered = list(Case.objects.for_list(today))
    assert ordered[0] == late and late.is_overdue(today) and not fresh.is_overdue(today)


def test_b_post_sees_and_acts_on_the_a_posts_cases_only_during_approved_leave(case, center, users):
    b = center.b_user
    assert case not in Case.objects.visible_to(b)
    assert not rules.can_handle(b, case)
    approve_leave(users["staff"], timezone.localdate(), users["head"])
    assert case in Case.objects.visible_to(b)
    workflow.complete(case, b, "granted", "准予发证")
    event = CaseEvent.objects.get(case=case, action="办结")
    assert event.actor == b and event.on_behalf_of == users["staff"]


def test_other_window_staff_do_not_see_the_case(case, users):
    assert case not in Case.objects.visible_to(users["other_staff"])
    assert case in Case.objects.visible_to(users["inspector"])


def test_rating_is_given_once_per_closed_case(case, users):
    with pytest.raises(TransitionError, match="办结后"):
        workflow.rate(case, 5)
    workflow.complete(case, users["staff"], "granted", "准予发证")
    workflow.rate(case, 5, "很快")
    with pytest.raises(TransitionError, match="只能评价一次"):
        workflow.rate(case, 1)
    assert Rating.objects.get().level == 5
    assert not FollowUp.objects.exists()


def test_bad_rating_opens_a_follow_up_the_head_closes(center, users):
    case = new_case(center, users, today=D(2026, 9, 10))
    workflow.complete(case, users["staff"], "granted", "准予发证")
    workflow.rate(case, 2, "等太久", today=D(2026, 9, 28))
    follow_up = FollowUp.objects.get()
    # 15 working days from 28 Sep, skipping the National Day week.
    assert follow_up.deadline == add_working_days(D(2026, 9, 28), 15) == D(2026, 10, 23)
    with pytest.raises(TransitionError):
        workflow.close_follow_up(follow_up, users["staff"], "已回访")
    workflow.close_follow_up(follow_up, users["head"], "已电话回访并致歉")
    follow_up.refresh_from_db()
    assert follow_up.closed_at is not None
