"""The monthly cycle: generate the draft, take objections within N working days, answer, adjust,
confirm. Every change locks the month's row first (select_for_update) inside one transaction, so
two heads clicking at once cannot confirm a month while it is being regenerated. Each center
evaluates its own month (docs/county.md)."""

import datetime as dt

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from centers.models import Center
from content.models import StaffMember
from intranet.calendar import workdays
from intranet.evaluation import defaults, scoring
from intranet.evaluation.facts import gather
from intranet.evaluation.models import (
    ManualItem,
    MonthlyEvaluation,
    Objection,
    RuleSet,
    ScoreEntry,
)
from portal import cache_purge

# 效能考评制（八）: 处理前应当听取责任人的意见 — the staff member has this many working days to object.
OBJECTION_WORKING_DAYS = 3


class CycleError(Exception):
    """A refused step, with the Chinese message shown to the user."""


def previous_month(today=None):
    today = today or timezone.localdate()
    first = today.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


def parse_month(text):
    try:
        return dt.datetime.strptime(text, "%Y-%m").date()
    except (TypeError, ValueError):
        raise CycleError(_("月份格式应为“年-月”，如 2026-05。")) from None


def _locked(month, center):
    return MonthlyEvaluation.objects.select_for_update().filter(center=center, month=month).first()


def center_of(user):
    """The center whose evaluation an account runs: its own (a one-center install's when the
    step is run by no one, as the draft command does)."""
    center = Center.for_user(user) if user is not None else Center.only()
    if center is None:
        raise CycleError(_("账号未归属任何中心，不能办理考评。"))
    return center


def _figures(summary):
    return {
        "received": summary.cases_received,
        "closed": summary.cases_closed,
        "on_time": summary.cases_on_time,
        "on_time_share": summary.on_time_share,
        "overdue": summary.cases_overdue,
        "avg_days": summary.avg_working_days,
        "second_supplements": summary.second_supplements,
        "refusals_corrected": summary.refusals_corrected,
        "ratings": summary.ratings,
        "satisfied_share": summary.satisfied_share,
        "bad_ratings": summary.bad_ratings,
        "bad_ratings_open": summary.bad_ratings_open,
        "complaints_received": summary.complaints_received,
        "complaints_upheld": summary.complaints_upheld,
        "upheld_by_category": summary.upheld_by_category(),
        "attendance_rate": summary.attendance_rate,
        "unexcused_absences": summary.unexcused_absences,
        "contacts_open": summary.contacts_open,
    }


def _write_entries(evaluation):
    """(Re)compute every score of a month that is not confirmed, keeping the head's mentions."""
    mentions = {
        (e.window_id, e.person_id): (e.mention, e.mention_reason) for e in evaluation.entries.all()
    }
    center = evaluation.center
    ruleset, windows, people = scoring.compute(
        evaluation.month, gather(evaluation.month, center), center
    )
    evaluation.ruleset = ruleset
    person_window = dict(
        StaffMember.objects.filter(user__isnull=False, is_active=True).values_list(
            "user_id", "window_id"
        )
    )
    entries = []
    for score in windows + people:
        window_id = score.pk if score.target == "window" else None
        person_id = score.pk if score.target == "person" else None
        mention, reason = mentions.get((window_id, person_id), ("", ""))
        entries.append(
            ScoreEntry(
                evaluation=evaluation,
                window_id=window_id,
                person_id=person_id,
                person_window_id=person_window.get(person_id) if person_id else None,
                total=score.total,
                lines=[
                    {
                        "points": line.points,
                        "text": line.text,
                        "url": line.url,
                        "rule": line.rule.pk if line.rule else None,
                        "record": line.record_key,
                        "choosable": line.choosable,
                        "author": (
                            line.manual.author.get_full_name() or line.manual.author.username
                        )
                        if line.manual
                        else "",
                        "at": timezone.localtime(line.manual.created_at).strftime("%Y-%m-%d %H:%M")
                        if line.manual
                        else "",
                    }
                    for line in score.lines
                ],
                figures=_figures(score.summary),
                honour_blocked=bool(score.honour_blocked_by),
                mention=mention,
                mention_reason=reason,
            )
        )
    # Objections follow the person across a regeneration.
    evaluation.entries.filter(objections__isnull=True).delete()
    kept = {e.person_id: e for e in evaluation.entries.all()}
    for entry in entries:
        old = kept.get(entry.person_id) if entry.person_id else None
        if old is not None:
            entry.pk = old.pk
            entry.save()
        else:
            entry.save()
    evaluation.save()
    return evaluation


@transaction.atomic
def generate(month, user=None, today=None, center=None):
    """Create (or recompute) the month's draft of the user's center; refused once the month is
    confirmed. A center without rules of its own gets the default rule set first."""
    today = today or timezone.localdate()
    center = center or center_of(user)
    month = month.replace(day=1)
    if month > previous_month(today):
        raise CycleError(_("只能为已结束的月份生成考评。"))
    defaults.give_default_rules(center)
    evaluation = _locked(month, center)
    if evaluation and evaluation.is_confirmed:
        raise CycleError(_("该月考评已确认，不能重新生成；更正请以新的加减分项登记。"))
    if evaluation is None:
        evaluation = MonthlyEvaluation(center=center, month=month)
    evaluation.state = MonthlyEvaluation.State.REVIEW
    evaluation.generated_at = timezone.now()
    evaluation.generated_by = user
    evaluation.objection_deadline = workdays.add_working_days(today, OBJECTION_WORKING_DAYS)
    evaluation.save()
    _write_entries(evaluation)
    return evaluation


@transaction.atomic
def object_to(evaluation, user, text, today=None):
    today = today or timezone.localdate()
    evaluation = _locked(evaluation.month, evaluation.center_id)
    text = (text or "").strip()
    if not text:
        raise CycleError(_("请写明异议内容。"))
    if evaluation.is_confirmed:
        raise CycleError(_("该月考评已确认，不能再提出异议。"))
    if today > evaluation.objection_deadline:
        raise CycleError(
            _("异议期已于 %(d)s 截止。") % {"d": evaluation.objection_deadline.isoformat()}
        )
    entry = evaluation.entries.filter(person=user).first()
    if entry is None:
        raise CycleError(_("本月考评中没有您的得分。"))
    return Objection.objects.create(entry=entry, author=user, text=text)


@transaction.atomic
def answer(objection, user, text):
    _locked(objection.entry.evaluation.month, objection.entry.evaluation.center_id)
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    text = (text or "").strip()
    if not text:
        raise CycleError(_("请填写答复内容。"))
    if objection.entry.evaluation.is_confirmed:
        raise CycleError(_("该月考评已确认。"))
    objection.answer, objection.answered_by, objection.answered_at = text, user, timezone.now()
    objection.save(update_fields=["answer", "answered_by", "answered_at"])
    return objection


@transaction.atomic
def adjust(evaluation, user, points, reason, window=None, person=None, rule=None, record_key=""):
    """A manual item (or a pick within a ranged rule). On a confirmed month it is recorded as a
    dated correction and the frozen scores stay as they were."""
    evaluation = _locked(evaluation.month, evaluation.center_id)
    reason = (reason or "").strip()
    if not reason:
        raise CycleError(_("请填写理由。"))
    if (window is None) == (person is None):
        raise CycleError(_("请选择一个窗口或一名工作人员（只能选其一）。"))
    if rule is not None and not rule.in_range(points):
        raise CycleError(
            _("该项只能在 %(a)s 至 %(b)s 分之间确定。") % {"a": rule.points, "b": rule.points_limit}
        )
    if rule is not None:
        ManualItem.objects.filter(
            center=evaluation.center_id, month=evaluation.month, rule=rule, record_key=record_key
        ).delete()
    item = ManualItem.objects.create(
        center_id=evaluation.center_id,
        month=evaluation.month,
        window=window,
        person=person,
        points=points,
        reason=reason,
        rule=rule,
        record_key=record_key,
        author=user,
    )
    if not evaluation.is_confirmed:
        _write_entries(evaluation)
    return item


@transaction.atomic
def mention(entry, user, kind, reason):
    evaluation = _locked(entry.evaluation.month, entry.evaluation.center_id)
    if evaluation.is_confirmed:
        raise CycleError(_("该月考评已确认。"))
    if kind not in ScoreEntry.Mention.values:
        raise CycleError(_("请选择通报类别。"))
    reason = (reason or "").strip()
    if kind and not reason:
        raise CycleError(_("点名表扬或批评须写明事由。"))
    ScoreEntry.objects.filter(pk=entry.pk).update(mention=kind, mention_reason=reason)


def purge_public_page():
    """The public 效能考评公示 page shows confirmed months and honours: drop its cached copies."""
    from intranet.evaluation.models import EvaluationResultsPage

    cache_purge.purge_page_ids(EvaluationResultsPage.objects.values_list("pk", flat=True))


@transaction.atomic
def confirm(evaluation, user, today=None, people_published=""):
    """Freeze the month; ``people_published`` is what the public page may show about individual
    staff (none by default: 考评结果张贴公示 is about windows unless the head decides more)."""
    today = today or timezone.localdate()
    if people_published not in MonthlyEvaluation.PeoplePublished.values:
        raise CycleError(_("请选择个人情况的公示范围。"))
    evaluation = _locked(evaluation.month, evaluation.center_id)
    if evaluation.is_confirmed:
        raise CycleError(_("该月考评已确认。"))
    if today <= evaluation.objection_deadline:
        raise CycleError(
            _("异议期至 %(d)s，期满后方可确认。") % {"d": evaluation.objection_deadline.isoformat()}
        )
    if Objection.objects.filter(entry__evaluation=evaluation, answered_at__isnull=True).exists():
        raise CycleError(_("还有未答复的异议，请先答复。"))
    # The scores frozen are the ones staff were shown (and could object to), not a silent recount.
    evaluation.state = MonthlyEvaluation.State.CONFIRMED
    evaluation.confirmed_at, evaluation.confirmed_by = timezone.now(), user
    evaluation.people_published = people_published
    evaluation.save(update_fields=["state", "confirmed_at", "confirmed_by", "people_published"])
    purge_public_page()
    return evaluation


def later_corrections(evaluation):
    """Items entered after the month was confirmed: shown dated, never folded into frozen scores."""
    if not evaluation.is_confirmed:
        return ManualItem.objects.none()
    return ManualItem.objects.filter(
        center=evaluation.center_id, month=evaluation.month, created_at__gt=evaluation.confirmed_at
    ).select_related("window", "person", "author")


@transaction.atomic
def save_rules(user, month, base_score, note, rules):
    """A new rule-set version of the user's center effective from ``month``; ``rules`` are
    unsaved Rule objects. Months already confirmed keep the rules they were scored with."""
    center = center_of(user)
    month = month.replace(day=1)
    latest = (
        MonthlyEvaluation.objects.select_for_update()
        .filter(center=center, state=MonthlyEvaluation.State.CONFIRMED)
        .order_by("-month")
        .first()
    )
    if latest and month <= latest.month:
        raise CycleError(
            _("%(m)s 及以前的月份已确认，新规则只能自其后的月份起生效。")
            % {"m": f"{latest.month:%Y-%m}"}
        )
    if not rules:
        raise CycleError(_("规则版本中至少要有一条规则。"))
    ruleset, _created = RuleSet.objects.update_or_create(
        center=center,
        effective_from=month,
        defaults={"base_score": base_score, "note": note, "created_by": user},
    )
    try:
        ruleset.rules.all().delete()
    except ProtectedError:
        raise CycleError(
            _("本版本的规则已被负责人确定的扣分引用，请选择下一个月份生效。")
        ) from None
    for rule in rules:
        rule.pk = None
        rule.ruleset = ruleset
        rule.save()
    return ruleset
