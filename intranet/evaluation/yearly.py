"""The year across confirmed months: scores side by side, ranking, and the consequences the
center's rules attach to 通报批评 and repeated 限时办结 breaches (激励约束制度三; 限时办结制)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from centers.models import Center
from intranet.evaluation.models import Honour, MonthlyEvaluation, ScoreEntry

# 激励约束制度三: 通报批评达2次的站所不得评为“人民满意的基层站所”; 通报批评1次的工作人员取消当年度评先资格.
WINDOW_CRITICISM_LIMIT = 2
PERSON_CRITICISM_LIMIT = 1
# The third overdue 承诺件 in a year is flagged to the head (通报批评 / 诫勉 / 不称职).
OVERDUE_FLAG_AT = 3


@dataclass
class YearRow:
    subject: object
    name: str
    months: dict = field(default_factory=dict)
    criticisms: int = 0
    overdue: int = 0
    honour_blocked_months: int = 0

    @property
    def average(self):
        scores = list(self.months.values())
        return round(sum(scores) / len(scores), 1) if scores else None


def year_table(year, center=None):
    """Window rows and person rows of ``center`` over the year's confirmed months, best average
    first (a one-center install needs no ``center``)."""
    entries = ScoreEntry.objects.filter(
        evaluation__center=center or Center.only(),
        evaluation__month__year=year,
        evaluation__state=MonthlyEvaluation.State.CONFIRMED,
    ).select_related("evaluation", "window", "person", "person_window")
    windows, people = {}, {}
    person_criticisms_by_window = defaultdict(int)
    for e in entries:
        month = e.evaluation.month.month
        if e.window_id:
            row = windows.setdefault(e.window_id, YearRow(e.window, e.window.name))
            row.honour_blocked_months += e.honour_blocked
        else:
            row = people.setdefault(e.person_id, YearRow(e.person, e.subject_name))
            row.overdue += e.figures.get("overdue", 0)
            if e.mention == ScoreEntry.Mention.CRITICISE and e.person_window_id:
                person_criticisms_by_window[e.person_window_id] += 1
        row.months[month] = e.total
        row.criticisms += e.mention == ScoreEntry.Mention.CRITICISE
    for window_id, n in person_criticisms_by_window.items():
        if window_id in windows:
            windows[window_id].criticisms += n

    def ranked(rows):
        return sorted(rows.values(), key=lambda r: -(r.average or 0))

    for row in windows.values():
        row.not_model_station = row.criticisms >= WINDOW_CRITICISM_LIMIT
    for row in people.values():
        row.no_honour = row.criticisms >= PERSON_CRITICISM_LIMIT
        row.overdue_flag = row.overdue >= OVERDUE_FLAG_AT
    return ranked(windows), ranked(people)


def eligible(windows, people):
    """Who may be chosen: windows never stripped of 评优 and not barred as 基层站所, people
    without a 通报批评 this year."""
    return (
        [r for r in windows if not r.not_model_station and not r.honour_blocked_months],
        [r for r in people if not r.no_honour],
    )


@transaction.atomic
def choose(year, user, kind, subject, reason):
    """``subject`` is "window:<id>" or "person:<id>"; it must match the kind of honour."""
    from django.utils.translation import gettext as _

    from intranet.evaluation.cycle import CycleError, center_of

    center = center_of(user)
    reason = (reason or "").strip()
    if not reason:
        raise CycleError(_("请写明评选理由。"))
    if kind not in Honour.Kind.values:
        raise CycleError(_("请选择荣誉类别。"))
    is_window = kind in Honour.WINDOW_KINDS
    prefix, _sep, pk = (subject or "").partition(":")
    if prefix != ("window" if is_window else "person"):
        raise CycleError(_("红旗窗口、先进窗口须选窗口，先进个人须选工作人员。"))
    windows, people = eligible(*year_table(year, center))
    pool = windows if is_window else people
    chosen = next((r.subject for r in pool if str(r.subject.pk) == pk), None)
    if chosen is None:
        raise CycleError(_("所选对象本年度不具备评先资格，或没有已确认的考评。"))
    from intranet.evaluation.cycle import purge_public_page

    purge_public_page()
    return Honour.objects.create(
        center=center,
        year=year,
        kind=kind,
        window=chosen if is_window else None,
        person=None if is_window else chosen,
        reason=reason,
        chosen_by=user,
    )
