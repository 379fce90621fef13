"""Demo cases: about 300 over the last three months across the demo windows, in every state.

Most rows are written in bulk with the fields the workflow would have set; the stories a visitor
should find (two refusals with their 否定报备 — one upheld, one corrected —, a 联办件, an 上报件
with an agent, a bad rating with its 回访整改) go through the workflow itself.
Personal data is visibly fictional: 演示 names, 199 0000 phones, ID numbers from region 99.
Listed in settings.DEMO_LOADERS after the intranet demo (which creates the staff logins).
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from content.models import ServiceGuidePage, StaffMember
from intranet.calendar.workdays import WorkCalendar
from intranet.cases import workflow
from intranet.cases.models import (
    Case,
    CaseEvent,
    Rating,
    SupplementRequest,
    new_receipt_number,
)

BULK_CASES = 290
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"


def fictional_person(n):
    return {
        "applicant_name": f"{SURNAMES[n % len(SURNAMES)]}演示{n:03d}",
        "id_number": f"99{n:016d}",
        "phone": f"1990000{n % 10000:04d}",
        "address": f"示范镇演示村{n % 12 + 1}组",
    }


def _aware(day, hour):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, (hour * 7) % 60)))


def _handlers():
    """Window → the users working there (the demo roster links logins to windows)."""
    by_window = {}
    for member in StaffMember.objects.filter(user__isnull=False, window__isnull=False):
        by_window.setdefault(member.window_id, []).append(member.user)
    return by_window


def _bulk(guides, handlers, fallback, today, calendar, rng):
    cases, plans = [], []
    numbers = set()
    for n in range(BULK_CASES):
        guide = rng.choice(guides)
        staff = handlers.get(guide.window_id) or fallback
        handler = rng.choice(staff)
        received = today - dt.timedelta(days=rng.randint(0, 90))
        while not calendar.is_working_day(received):
            received -= dt.timedelta(days=1)
        number = new_receipt_number(received.year)
        while number in numbers:
            number = new_receipt_number(received.year)
        numbers.add(number)
        case = Case(
            center_id=workflow.center_id_of(guide),
            receipt_number=number,
            guide=guide,
            matter=guide.title,
            window_id=guide.window_id,
            first_contact=handler,
            handler=handler,
            channel=rng.choice(Case.Channel.values[:3] * 4 + Case.Channel.values),
            kind=workflow.kind_for(guide),
            promised_days=guide.promised_days,
            received_at=_aware(received, rng.randint(9, 16)),
            materials_received="、".join(m.name for m in guide.materials.all()[:3]),
            **fictional_person(n),
        )
        case.phone_last4 = case.phone[-4:]
        roll = rng.random()
        age = calendar.working_days_between(received, today)
        if roll < 0.05 and received == today:
            case.state = Case.State.RECEIVED
        elif roll < 0.10:
            case.state = Case.State.SUPPLEMENT
            case.accepted_on = received
            case.paused_on = min(received + dt.timedelta(days=1), today)
        else:
            case.state = Case.State.ACCEPTED
            case.accepted_on = received
        workflow.recompute_deadline(case, calendar)
        finish_after = rng.choice([0, 1, 2, 3, 4, 5, 6, 8]) if guide.promised_days else 0
        if case.state == Case.State.ACCEPTED and (age > finish_after or roll > 0.97):
            done = calendar.add_working_days(received, finish_after).date
            if done <= today and roll < 0.93:
                case.state = Case.State.COLLECTED if rng.random() < 0.7 else Case.State.COMPLETED
                case.completed_at = _aware(done, rng.randint(10, 17))
                case.result = Case.Result.GRANTED if rng.random() < 0.95 else Case.Result.DENIED
                case.public_result = "准予办理" if case.result == "granted" else "不符合条件"
                case.on_time = done <= case.deadline
                case.working_days_used = calendar.working_days_between(received, done)
                if case.state == Case.State.COLLECTED:
                    case.collected_on = min(done + dt.timedelta(days=rng.randint(0, 3)), today)
        cases.append(case)
        plans.append(rng.random())
    Case.objects.bulk_create(cases)
    events, ratings, supplements = [], [], []
    for case, chance in zip(cases, plans, strict=True):
        events.append(
            CaseEvent(
                case=case,
                at=case.received_at,
                actor=case.handler,
                action="收件",
                public_text="已收到您的申请材料。",
                is_public=True,
            )
        )
        if case.accepted_on:
            events.append(
                CaseEvent(
                    case=case,
                    at=case.received_at,
                    actor=case.handler,
                    action="受理",
                    public_text=f"已受理，办结期限 {case.deadline:%Y-%m-%d}。",
                    is_public=True,
                )
            )
        if case.state == Case.State.SUPPLEMENT:
            names = list(case.guide.materials.values_list("name", flat=True)[:2]) or ["身份证明"]
            supplements.append(
                SupplementRequest(
                    case=case,
                    requested_by=case.handler,
                    requested_at=_aware(case.paused_on, 15),
                    materials=names,
                )
            )
            events.append(
                CaseEvent(
                    case=case,
                    at=_aware(case.paused_on, 15),
                    actor=case.handler,
                    action="补正通知",
                    public_text="需补正材料，办理时限暂停计算，材料补齐后继续。",
                    is_public=True,
                )
            )
        if case.completed_at:
            events.append(
                CaseEvent(
                    case=case,
                    at=case.completed_at,
                    actor=case.handler,
                    action="办结",
                    public_text=f"已办结：{case.get_result_display()}。{case.public_result}",
                    is_public=True,
                )
            )
            if chance < 0.6:
                level = 5 if chance < 0.4 else (4 if chance < 0.55 else 3)
                ratings.append(Rating(case=case, level=level, at=case.completed_at))
    CaseEvent.objects.bulk_create(events)
    SupplementRequest.objects.bulk_create(supplements)
    Rating.objects.bulk_create(ratings)


def _stories(guides, handlers, fallback, head, today, calendar):
    """The cases a demo visitor is told about, walked through the workflow."""

    def receive(n, guide, days_ago, accept_now=True, **fields):
        staff = handlers.get(guide.window_id) or fallback
        day = today - dt.timedelta(days=days_ago)
        while not calendar.is_working_day(day):
            day -= dt.timedelta(days=1)
        case = Case(
            guide=guide,
            window_id=guide.window_id,
            handler=staff[0],
            channel=Case.Channel.WINDOW,
            received_at=_aware(day, 10),
            **fictional_person(900 + n),
            **fields,
        )
        return workflow.receive(case, staff[0], accept_now, today=day), day, staff

    promised = [g for g in guides if g.promised_days] or guides
    # Two refusals: one upheld, one corrected and reopened.
    upheld, day, staff = receive(1, promised[0], 20)
    filing = workflow.refuse(
        upheld, staff[0], "申请人不属于本镇户籍，不符合受理条件。", "《示范办法》第五条", today=day
    )
    workflow.review_filing(filing, head, "upheld", "理由与依据充分，维持。", today=day)
    corrected, day, staff = receive(2, promised[-1], 15)
    filing = workflow.refuse(
        corrected, staff[0], "缺少村委会证明。", "《示范办法》第八条", today=day
    )
    workflow.review_filing(
        filing,
        head,
        "corrected",
        "村委会证明属于可补正材料，应按补正处理，不应退回。",
        today=calendar.add_working_days(day, 1).date,
    )
    # A joint case with a partner window still at work.
    joint, day, staff = receive(3, promised[0], 5)
    partner = next((g.window for g in guides if g.window_id != joint.window_id), None)
    if partner is not None:
        workflow.add_partner(joint, staff[0], partner, "出具联办审核意见", today=day)
    # A case reported to the county with an agent carrying it.
    reported, day, staff = receive(4, promised[-1], 10)
    workflow.forward(
        reported, staff[0], "县政务服务中心", staff[-1], "材料已由代办人送县中心窗口", today=day
    )
    workflow.record_handoff(reported, staff[-1], "reply", "县中心已受理，预计5个工作日答复")
    # A closed case with a bad rating the head has followed up.
    rated, day, staff = receive(5, promised[0], 25)
    workflow.complete(rated, staff[0], "granted", "准予办理", today=day)
    rating = workflow.rate(rated, 2, "等候时间太长，窗口只开了一个。", today=day)
    workflow.close_follow_up(
        rating.follow_up, head, "已电话回访致歉，高峰时段增开窗口。", today=day
    )
    # Materials just handed in at the counter, not yet accepted.
    receive(7, promised[0], 0, accept_now=False)
    # A second 补正 (the breach) on a case still waiting.
    breach, day, staff = receive(6, promised[0], 3)
    workflow.request_supplement(breach, staff[0], ["居民身份证"], today=day)
    workflow.supplement_done(breach, staff[0], today=day)
    workflow.request_supplement(
        breach, staff[0], ["户口簿"], reason="首次审查时未发现户口簿页码缺失", today=day
    )


def is_loaded():
    return Case.objects.exists()


def load(stdout=None):
    """Load the demo cases once; return False when they were already there."""
    if is_loaded():
        return False
    guides = list(
        ServiceGuidePage.objects.live()
        .filter(window__isnull=False)
        .select_related("window", "department")
        .prefetch_related("materials")
    )
    User = get_user_model()
    head = User.objects.filter(username="head").first()
    fallback = list(User.objects.filter(username__startswith="staff").order_by("username"))
    if not guides or head is None or not fallback:
        return False
    rng = random.Random(2026)  # noqa: S311 (demo data, not security)
    today = timezone.localdate()
    calendar = WorkCalendar.load()
    handlers = _handlers()
    with transaction.atomic():
        _bulk(guides, handlers, fallback, today, calendar, rng)
        _stories(guides, handlers, fallback, head, today, calendar)
    if stdout:
        stdout.write(f"办件示范数据：{Case.objects.count()} 件（过去三个月）。")
    return True
