"""Every transition of a case. Each runs in one transaction, locks the case row and checks the
state it starts from, so two parallel requests cannot both act; each writes the timeline.

The clock (限时办结): a 承诺件's deadline is the guide's promised working days counted from the
acceptance day, plus the working days the clock stood still (补正, a refusal later corrected) and
the extensions the head approved. A 即办件 is due the day it is accepted.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centers.models import only_center_id
from intranet.calendar.workdays import WorkCalendar
from intranet.cases import rules, substitution
from intranet.cases.models import (
    Case,
    CaseEvent,
    CasePart,
    Extension,
    FollowUp,
    Handoff,
    IdentityView,
    NegativeFiling,
    Rating,
    SupplementRequest,
)
from intranet.workflow_steps import TransitionError

S = Case.State
REVIEW_WORKING_DAYS = 2


def _today(today):
    return today or timezone.localdate()


def _lock(case, key=None):
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if key is not None and locked.state not in rules.ACTIONS[key].states:
        raise TransitionError(
            _("办件当前状态为“%(state)s”，不能执行此操作。") % {"state": locked.get_state_display()}
        )
    return locked


def log(case, actor, action, public_text="", internal_note="", today=None):
    on_behalf_of = None
    if (
        actor is not None
        and case.handler_id != actor.pk
        and substitution.covers(actor, case.handler_id, today)
    ):
        on_behalf_of = case.handler
    return CaseEvent.objects.create(
        case=case,
        actor=actor,
        on_behalf_of=on_behalf_of,
        action=action,
        public_text=public_text,
        internal_note=internal_note,
        is_public=bool(public_text),
    )


def recompute_deadline(case, calendar=None):
    if case.accepted_on is None:
        case.deadline, case.deadline_provisional = None, False
        return
    calendar = calendar or WorkCalendar.load()
    days = case.promised_days + case.paused_working_days + case.extension_days
    result = calendar.add_working_days(case.accepted_on, days)
    case.deadline, case.deadline_provisional = result.date, result.provisional


def _pause(case, today):
    case.paused_on = today


def _resume(case, today, calendar):
    """Start the clock again: on first acceptance, or after the days it stood still."""
    if case.accepted_on is None:
        case.accepted_on = today
    elif case.paused_on is not None:
        case.paused_working_days += max(calendar.working_days_between(case.paused_on, today), 0)
    case.paused_on = None
    recompute_deadline(case, calendar)


def kind_for(guide):
    if guide is None or guide.promised_days == 0:
        return Case.Kind.IMMEDIATE
    return Case.Kind.PROMISED


def center_id_of(guide):
    """The center a case made from ``guide`` belongs to: its department's, else the only one."""
    if guide is not None and guide.department_id is not None:
        return guide.department.center_id
    return only_center_id()


@transaction.atomic
def receive(case, actor, accept_now=True, partners=(), today=None):
    """收件 at the counter; with complete materials the case is accepted (受理) at once. A case
    made without saying where (a script, the demo) belongs to its guide's center."""
    today = _today(today)
    if case.center_id is None:
        case.center_id = center_id_of(case.guide)
    if case.guide is not None:
        case.matter = case.matter or case.guide.title
        case.promised_days = case.guide.promised_days
    case.kind = kind_for(case.guide)
    case.first_contact = case.first_contact if case.first_contact_id else actor
    case.handler = case.handler if case.handler_id else actor
    case.state = S.RECEIVED
    case.save_with_new_number()
    for window, task in partners:
        CasePart.objects.create(case=case, window=window, task=task)
    log(
        case,
        actor,
        _("收件"),
        public_text=_("已收到您的申请材料（%(channel)s）。")
        % {"channel": case.get_channel_display()},
        today=today,
    )
    if accept_now:
        accept(case, actor, today=today)
        case.refresh_from_db()
    return case


@transaction.atomic
def accept(case, actor, today=None):
    today = _today(today)
    case = _lock(case, "accept")
    calendar = WorkCalendar.load()
    case.state = S.ACCEPTED
    _resume(case, today, calendar)
    case.save()
    log(
        case,
        actor,
        _("受理"),
        public_text=_("已受理（%(kind)s），办结期限 %(deadline)s。")
        % {"kind": case.get_kind_display(), "deadline": f"{case.deadline:%Y-%m-%d}"},
        today=today,
    )
    return case


@transaction.atomic
def request_supplement(case, actor, materials, other_text="", reason="", today=None):
    """补正: every missing item at once. A second request on the same case is the 不一次性告知
    breach: it needs a reason and counts against the handler."""
    today = _today(today)
    case = _lock(case, "supplement")
    materials = [m for m in materials if m]
    if not materials and not other_text.strip():
        raise TransitionError(_("请勾选所缺材料或填写需补正的内容。"))
    earlier = case.supplements.exists()
    if earlier and not reason.strip():
        raise TransitionError(_("同一办件再次补正违反一次性告知制，必须填写理由。"))
    request = SupplementRequest.objects.create(
        case=case,
        requested_by=actor,
        materials=materials,
        other_text=other_text.strip(),
        reason=reason.strip() if earlier else "",
        is_breach=earlier,
        breach_by=case.handler if earlier else None,
    )
    case.state = S.SUPPLEMENT
    if case.accepted_on is not None:
        _pause(case, today)
    case.save()
    log(
        case,
        actor,
        _("再次补正（未一次性告知）") if earlier else _("补正通知"),
        public_text=_("需补正材料，办理时限暂停计算，材料补齐后继续。"),
        internal_note=reason.strip(),
        today=today,
    )
    return request


@transaction.atomic
def supplement_done(case, actor, today=None):
    today = _today(today)
    case = _lock(case, "supplement_done")
    calendar = WorkCalendar.load()
    case.supplements.filter(completed_on__isnull=True).update(completed_on=today)
    case.state = S.ACCEPTED
    _resume(case, today, calendar)
    case.save()
    log(
        case,
        actor,
        _("材料已补齐"),
        public_text=_("材料已补齐，继续办理，办结期限 %(deadline)s。")
        % {"deadline": f"{case.deadline:%Y-%m-%d}"},
        today=today,
    )
    return case


@transaction.atomic
def refuse(case, actor, reason, basis, today=None):
    """退回 / 不予受理: reason and legal basis required; registers the 否定报备 entry."""
    today = _today(today)
    case = _lock(case, "refuse")
    if not reason.strip() or not basis.strip():
        raise TransitionError(_("退回必须写明理由和法律依据。"))
    calendar = WorkCalendar.load()
    if case.accepted_on is not None and case.paused_on is None:
        _pause(case, today)
    case.state = S.REFUSED
    case.save()
    filing = NegativeFiling.objects.create(
        case=case,
        filed_by=actor,
        reason=reason.strip(),
        basis=basis.strip(),
        review_deadline=calendar.add_working_days(today, REVIEW_WORKING_DAYS).date,
    )
    log(
        case,
        actor,
        _("退回（不予受理）"),
        public_text=_("申请已退回：%(reason)s（依据：%(basis)s）")
        % {"reason": reason.strip()[:120], "basis": basis.strip()[:80]},
        today=today,
    )
    return filing


@transaction.atomic
def review_filing(filing, actor, decision, instruction="", today=None):
    """否定报备审核: uphold, or correct, which reopens the case with the reviewer's instruction."""
    today = _today(today)
    filing = NegativeFiling.objects.select_for_update().get(pk=filing.pk)
    if filing.decision != NegativeFiling.Decision.PENDING:
        raise TransitionError(_("该否定报备已审核。"))
    if decision not in (NegativeFiling.Decision.UPHELD, NegativeFiling.Decision.CORRECTED):
        raise TransitionError(_("请选择审核结论。"))
    if decision == NegativeFiling.Decision.CORRECTED and not instruction.strip():
        raise TransitionError(_("纠正退回必须写明审核意见。"))
    case = Case.objects.select_for_update().get(pk=filing.case_id)
    if case.state != S.REFUSED:
        raise TransitionError(_("办件已不是退回状态。"))
    filing.decision = decision
    filing.instruction = instruction.strip()
    filing.reviewed_by = actor
    filing.reviewed_at = timezone.now()
    filing.save()
    if decision == NegativeFiling.Decision.CORRECTED:
        case.state = S.ACCEPTED
        _resume(case, today, WorkCalendar.load())
        case.save()
        log(
            case,
            actor,
            _("否定报备审核：纠正，重新办理"),
            public_text=_("经审核，退回决定已纠正，继续办理。"),
            internal_note=instruction.strip(),
            today=today,
        )
    else:
        log(case, actor, _("否定报备审核：维持"), internal_note=instruction.strip(), today=today)
    return filing


@transaction.atomic
def add_partner(case, actor, window, task, today=None):
    case = _lock(case, "partner")
    if window.pk == case.window_id:
        raise TransitionError(_("牵头窗口不能同时作为联办窗口。"))
    part = CasePart.objects.create(case=case, window=window, task=task)
    log(case, actor, _("添加联办窗口：%(window)s") % {"window": window.name}, today=today)
    return part


@transaction.atomic
def part_done(part, actor, note="", today=None):
    case = _lock(part.case, "part_done")
    part = CasePart.objects.select_for_update().get(pk=part.pk, case=case)
    if part.state == CasePart.State.DONE:
        raise TransitionError(_("该联办部分已完成。"))
    part.state, part.done_at, part.note = CasePart.State.DONE, timezone.now(), note.strip()
    part.save()
    log(case, actor, _("联办部分完成：%(window)s") % {"window": part.window.name}, today=today)
    return part


@transaction.atomic
def forward(case, actor, counterpart, agent, note, today=None):
    """上报件 / 代办: the center carries the matter on; the agent is named."""
    case = _lock(case, "forward")
    if not counterpart.strip() or not note.strip():
        raise TransitionError(_("请填写上报单位和移交情况。"))
    case.forwarded_to, case.agent = counterpart.strip(), agent
    case.save()
    Handoff.objects.create(
        case=case,
        kind=Handoff.Kind.SENT,
        counterpart=case.forwarded_to,
        note=note.strip(),
        recorded_by=actor,
    )
    log(
        case,
        actor,
        _("上报 / 代办"),
        public_text=_("已由中心代办人报送%(to)s。") % {"to": case.forwarded_to},
        internal_note=note.strip(),
        today=today,
    )
    return case


@transaction.atomic
def record_handoff(case, actor, kind, note, today=None):
    case = _lock(case, "handoff")
    if not case.forwarded_to:
        raise TransitionError(_("办件未上报，不能登记交接。"))
    if kind not in Handoff.Kind.values or not note.strip():
        raise TransitionError(_("请选择类型并填写情况。"))
    handoff = Handoff.objects.create(
        case=case, kind=kind, counterpart=case.forwarded_to, note=note.strip(), recorded_by=actor
    )
    log(case, actor, _("代办%(kind)s") % {"kind": handoff.get_kind_display()}, today=today)
    return handoff


@transaction.atomic
def request_extension(case, actor, working_days, reason, today=None):
    case = _lock(case, "extension")
    if not working_days or working_days < 1 or not reason.strip():
        raise TransitionError(_("延期须写明理由和延长的工作日数。"))
    if case.extensions.filter(status=Extension.Status.PENDING).exists():
        raise TransitionError(_("已有待审批的延期申请。"))
    ext = Extension.objects.create(
        case=case, requested_by=actor, working_days=working_days, reason=reason.strip()
    )
    log(case, actor, _("申请延期 %(n)s 个工作日") % {"n": working_days}, reason, today=today)
    return ext


@transaction.atomic
def decide_extension(ext, actor, approve, today=None):
    """Only the head approves; the days are added on the working-day clock."""
    if not rules.is_head(actor):
        raise TransitionError(_("只有中心负责人可以审批延期。"))
    ext = Extension.objects.select_for_update().get(pk=ext.pk)
    if ext.status != Extension.Status.PENDING:
        raise TransitionError(_("该延期申请已审批。"))
    case = _lock(ext.case, "extension")
    ext.status = Extension.Status.APPROVED if approve else Extension.Status.REFUSED
    ext.decided_by, ext.decided_at = actor, timezone.now()
    ext.save()
    if approve:
        case.extension_days += ext.working_days
        recompute_deadline(case)
        case.save()
        log(
            case,
            actor,
            _("批准延期"),
            public_text=_("经批准延期，办结期限 %(deadline)s。")
            % {"deadline": f"{case.deadline:%Y-%m-%d}"},
            today=today,
        )
    else:
        log(case, actor, _("不批准延期"), today=today)
    return ext


@transaction.atomic
def complete(case, actor, result, public_result, today=None):
    """办结 (准予 / 不予 / 已上报), with a short result the public may read."""
    from intranet.cases import announcements

    today = _today(today)
    case = _lock(case, "complete")
    if result not in Case.Result.values:
        raise TransitionError(_("请选择办理结果。"))
    if not public_result.strip():
        raise TransitionError(_("请填写公开的结果说明。"))
    if case.parts.exclude(state=CasePart.State.DONE).exists():
        raise TransitionError(_("联办窗口尚未全部完成，牵头窗口不能办结。"))
    calendar = WorkCalendar.load()
    case.state = S.COMPLETED
    case.result, case.public_result = result, public_result.strip()
    case.completed_at = timezone.now()
    case.on_time = case.deadline is None or today <= case.deadline
    case.working_days_used = max(
        calendar.working_days_between(case.accepted_on or today, today) - case.paused_working_days,
        0,
    )
    case.save()
    log(
        case,
        actor,
        _("办结"),
        public_text=_("已办结：%(result)s。%(text)s")
        % {"result": case.get_result_display(), "text": case.public_result},
        today=today,
    )
    announcements.publish_for(case, today)
    return case


@transaction.atomic
def collect(case, actor, collected_on=None, today=None):
    today = _today(today)
    case = _lock(case, "collect")
    case.state = S.COLLECTED
    case.collected_on = collected_on or today
    case.save()
    log(case, actor, _("已取件"), public_text=_("办理结果已领取。"), today=today)
    return case


@transaction.atomic
def rate(case, level, comment="", today=None):
    """好差评 from the progress page: once per closed case; a bad one opens 回访整改."""
    today = _today(today)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.state not in Case.CLOSED_STATES:
        raise TransitionError(_("办件办结后才能评价。"))
    if Rating.objects.filter(case=case).exists():
        raise TransitionError(_("该办件已评价过，每件只能评价一次。"))
    if level not in Rating.Level.values:
        raise TransitionError(_("请选择评价等级。"))
    rating = Rating.objects.create(case=case, level=level, comment=comment.strip()[:500])
    if level in Rating.BAD:
        days = getattr(settings, "CASES_FOLLOW_UP_WORKING_DAYS", 15)
        FollowUp.objects.create(
            rating=rating, deadline=WorkCalendar.load().add_working_days(today, days).date
        )
    log(case, None, _("申请人评价：%(level)s") % {"level": rating.get_level_display()})
    return rating


@transaction.atomic
def close_follow_up(follow_up, actor, outcome, today=None):
    if not rules.is_head(actor):
        raise TransitionError(_("只有中心负责人可以登记回访整改结果。"))
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.closed_at is not None:
        raise TransitionError(_("该回访整改已登记结果。"))
    if not outcome.strip():
        raise TransitionError(_("请填写回访整改情况。"))
    follow_up.outcome, follow_up.closed_by, follow_up.closed_at = (
        outcome.strip(),
        actor,
        timezone.now(),
    )
    follow_up.save()
    case = follow_up.rating.case
    log(
        case,
        actor,
        _("回访整改"),
        public_text=_("中心已对您的评价进行回访整改。"),
        internal_note=outcome.strip(),
        today=today,
    )
    return follow_up


def log_identity_view(case, user):
    IdentityView.objects.create(case=case, user=user)
