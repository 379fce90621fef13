import datetime as dt

import pytest

from content.models import StaffMember
from intranet.cases.models import Case, FirstContact, NegativeFiling, Rating, SupplementRequest
from intranet.complaints.models import Complaint
from intranet.evaluation import scoring
from intranet.evaluation.facts import gather
from intranet.evaluation.models import ManualItem, Rule, RuleSet
from intranet.study.models import Attendance, StudyPlan, StudySession

from .conftest import case, complaint, local

MAY = dt.date(2026, 5, 1)


def score_of(scores, pk):
    return next(s for s in scores if s.pk == pk)


def test_cases_count_in_the_month_of_local_time_not_utc(shop):
    # 1 May 00:30 Beijing time is 30 April in UTC: it belongs to May.
    case(shop, received_at=local(2026, 5, 1, 0, 30))
    case(shop, received_at=local(2026, 4, 30, 23, 59))
    case(shop, received_at=local(2026, 5, 31, 23, 59))
    case(shop, received_at=local(2026, 6, 1, 0, 0))
    facts = gather(MAY)
    assert facts.summary("window", shop.w3.pk).cases_received == 2
    assert facts.summary("person", shop.staff.pk).cases_received == 2


def test_closed_on_time_share_and_average_working_days(shop):
    for on_time, days in [(True, 3), (True, 5), (False, 7)]:
        case(
            shop,
            received_at=local(2026, 4, 20),
            state=Case.State.COMPLETED,
            completed_at=local(2026, 5, 12),
            on_time=on_time,
            working_days_used=days,
        )
    s = gather(MAY).summary("window", shop.w3.pk)
    assert (s.cases_closed, s.cases_on_time, s.on_time_share, s.avg_working_days) == (
        3,
        2,
        66.7,
        5.0,
    )


def test_overdue_promised_case_counts_in_the_month_its_deadline_passed(shop):
    # Deadline 30 April (the day before the 劳动节 holiday), closed 6 May: April's breach, not May's.
    case(
        shop,
        received_at=local(2026, 4, 20),
        state=Case.State.COMPLETED,
        deadline=dt.date(2026, 4, 30),
        completed_at=local(2026, 5, 6),
        on_time=False,
    )
    # Deadline in May, still running after it.
    late = case(
        shop,
        received_at=local(2026, 5, 4),
        state=Case.State.ACCEPTED,
        deadline=dt.date(2026, 5, 15),
    )
    # A 即办件 is not a 承诺件.
    case(
        shop,
        received_at=local(2026, 5, 4),
        state=Case.State.ACCEPTED,
        kind=Case.Kind.IMMEDIATE,
        deadline=dt.date(2026, 5, 6),
    )
    assert gather(dt.date(2026, 4, 1)).summary("window", shop.w3.pk).cases_overdue == 1
    may = gather(MAY).summary("window", shop.w3.pk)
    assert may.cases_overdue == 1
    assert may.records["overdue"][0].url.endswith(f"/cases/{late.pk}/")


def test_supplements_refusals_ratings_and_follow_ups(shop, users):
    c = case(
        shop,
        received_at=local(2026, 5, 4),
        state=Case.State.COMPLETED,
        completed_at=local(2026, 5, 8),
        on_time=True,
    )
    SupplementRequest.objects.create(
        case=c,
        requested_by=shop.staff,
        is_breach=True,
        breach_by=shop.staff,
        requested_at=local(2026, 5, 5),
    )
    NegativeFiling.objects.create(
        case=c,
        filed_by=shop.staff,
        reason="x",
        basis="y",
        review_deadline=dt.date(2026, 5, 8),
        decision=NegativeFiling.Decision.CORRECTED,
        reviewed_at=local(2026, 5, 7),
    )
    Rating.objects.create(case=c, level=Rating.Level.DISSATISFIED, at=local(2026, 5, 9))
    good = case(shop, received_at=local(2026, 5, 4))
    Rating.objects.create(case=good, level=Rating.Level.SATISFIED, at=local(2026, 5, 9))
    s = gather(MAY).summary("person", shop.staff.pk)
    assert (s.second_supplements, s.refusals_corrected) == (1, 1)
    assert (s.ratings, s.satisfied_share, s.bad_ratings, s.bad_ratings_open) == (2, 50.0, 1, 1)


def test_complaints_received_and_upheld_by_category(shop):
    member = StaffMember.objects.get(user=shop.staff)
    complaint(
        shop,
        category=Complaint.Category.ATTITUDE,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 5, 20),
        staff_member=member,
    )
    complaint(
        shop,
        category=Complaint.Category.INEFFICIENCY,
        outcome=Complaint.Outcome.PARTLY,
        closed_at=local(2026, 5, 21),
    )
    complaint(
        shop,
        category=Complaint.Category.FEES,
        outcome=Complaint.Outcome.UNFOUNDED,
        closed_at=local(2026, 5, 22),
    )
    w = gather(MAY).summary("window", shop.w3.pk)
    assert w.complaints_received == 3
    assert w.upheld_by_category() == {"attitude": 1, "inefficiency": 1}
    assert gather(MAY).summary("person", shop.staff.pk).complaints_upheld == 1


def _session(day, host, closed=True):
    plan, _ = StudyPlan.objects.get_or_create(year=day.year, defaults={"title": "计划"})
    return StudySession.objects.create(
        plan=plan,
        date=day,
        start_time=dt.time(16),
        end_time=dt.time(17),
        topic="业务学习",
        kind=StudySession.Kind.BUSINESS,
        host=host,
        place="会议室",
        roll_closed=closed,
    )


def test_study_attendance_rate_excuses_leave_and_counts_absences(shop, users):
    s = Attendance.Status
    for day, status in [(5, s.PRESENT), (12, s.LATE), (19, s.LEAVE), (26, s.ABSENT)]:
        session = _session(dt.date(2026, 5, day), users["head"])
        Attendance.objects.create(session=session, user=shop.staff, status=status)
    p = gather(MAY).summary("person", shop.staff.pk)
    assert (p.attendance_rate, p.unexcused_absences, p.full_attendance) == (66.7, 1, 0)


def test_first_contacts_without_follow_up(shop):
    FirstContact.objects.create(
        at=local(2026, 5, 3),
        recorded_by=shop.staff,
        matter="咨询低保",
        kind=FirstContact.Kind.ENQUIRY,
        action_taken="已引导",
    )
    FirstContact.objects.create(
        at=local(2026, 5, 3),
        recorded_by=shop.staff,
        matter="咨询",
        kind=FirstContact.Kind.ENQUIRY,
        action_taken="已解答",
        follow_up="已回电",
    )
    assert gather(MAY).summary("person", shop.staff.pk).contacts_open == 1


@pytest.mark.parametrize("fact", [f for f, _label in Rule.Fact.choices])
def test_every_default_rule_fact_is_seeded_from_the_center_rules(db, fact):
    rules = RuleSet.objects.in_force(MAY).rules.filter(fact=fact)
    assert rules.exists() and all(r.source for r in rules)


def test_window_complaint_deducts_the_range_default_and_the_head_picks_within_it(shop, users):
    c = complaint(
        shop,
        category=Complaint.Category.INEFFICIENCY,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 5, 20),
    )
    _rs, windows, _people = scoring.compute(MAY)
    assert score_of(windows, shop.w3.pk).total == 95
    rule = Rule.objects.get(fact="complaints_upheld", target="window")
    ManualItem.objects.create(
        month=MAY,
        window=shop.w3,
        points=-8,
        reason="推诿两次",
        rule=rule,
        record_key=f"complaint:{c.pk}",
        author=users["head"],
    )
    _rs, windows, _people = scoring.compute(MAY)
    w3 = score_of(windows, shop.w3.pk)
    assert w3.total == 92 and "推诿两次" in w3.lines[0].text


def test_person_complaint_deducts_from_the_person_and_blocks_the_window_honour(shop):
    member = StaffMember.objects.get(user=shop.staff)
    complaint(
        shop,
        category=Complaint.Category.ATTITUDE,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 5, 20),
        staff_member=member,
    )
    _rs, windows, people = scoring.compute(MAY)
    assert score_of(people, shop.staff.pk).total == 90
    assert score_of(windows, shop.w3.pk).total == 100
    assert score_of(windows, shop.w3.pk).honour_blocked_by
    assert not score_of(windows, shop.w5.pk).honour_blocked_by


def test_overdue_second_supplement_bad_rating_and_open_contact_deduct(shop):
    c = case(
        shop,
        received_at=local(2026, 5, 4),
        state=Case.State.ACCEPTED,
        deadline=dt.date(2026, 5, 15),
    )
    SupplementRequest.objects.create(
        case=c,
        requested_by=shop.staff,
        is_breach=True,
        breach_by=shop.staff,
        requested_at=local(2026, 5, 5),
    )
    Rating.objects.create(case=c, level=Rating.Level.VERY_DISSATISFIED, at=local(2026, 5, 9))
    FirstContact.objects.create(
        at=local(2026, 5, 3),
        recorded_by=shop.staff,
        matter="咨询",
        kind=FirstContact.Kind.ENQUIRY,
        action_taken="已引导",
    )
    NegativeFiling.objects.create(
        case=c,
        filed_by=shop.staff,
        reason="x",
        basis="y",
        review_deadline=dt.date(2026, 5, 8),
        decision=NegativeFiling.Decision.CORRECTED,
        reviewed_at=local(2026, 5, 7),
    )
    _rs, windows, people = scoring.compute(MAY)
    assert score_of(windows, shop.w3.pk).total == 100 - 5 - 5
    assert score_of(people, shop.staff.pk).total == 100 - 2 - 1 - 2


def test_full_attendance_adds_and_unexcused_absence_deducts(shop, users):
    s1 = _session(dt.date(2026, 5, 5), users["head"])
    s2 = _session(dt.date(2026, 5, 12), users["head"])
    for session in (s1, s2):
        Attendance.objects.create(
            session=session, user=shop.staff, status=Attendance.Status.PRESENT
        )
    Attendance.objects.create(session=s1, user=shop.other, status=Attendance.Status.PRESENT)
    Attendance.objects.create(session=s2, user=shop.other, status=Attendance.Status.ABSENT)
    _rs, _windows, people = scoring.compute(MAY)
    assert score_of(people, shop.staff.pk).total == 102
    assert score_of(people, shop.other.pk).total == 98


def test_threshold_lets_the_first_units_pass_and_a_newer_rule_set_governs_later_months(shop, users):
    for day in (4, 5):
        c = case(shop, received_at=local(2026, 5, day))
        Rating.objects.create(case=c, level=Rating.Level.DISSATISFIED, at=local(2026, 5, 9))
    newer = RuleSet.objects.create(effective_from=dt.date(2026, 5, 1), base_score=100)
    Rule.objects.create(
        ruleset=newer, title="差评", fact="bad_ratings", threshold=1, points=-3, target="person"
    )
    _rs, _windows, people = scoring.compute(MAY)
    assert score_of(people, shop.staff.pk).total == 97
    assert RuleSet.objects.in_force(dt.date(2026, 4, 1)) != newer


def test_manual_item_names_its_author_and_reason(shop, users):
    ManualItem.objects.create(
        month=MAY, person=shop.staff, points=3, reason="主动加班服务群众", author=users["head"]
    )
    _rs, _windows, people = scoring.compute(MAY)
    line = score_of(people, shop.staff.pk).lines[0]
    assert (line.points, line.text, line.manual.author) == (3, "主动加班服务群众", users["head"])
