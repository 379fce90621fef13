"""Demo evaluations: the three months before this one, computed from the demo cases, complaints
and study rolls. The two older months are confirmed with a praise and a criticism; the latest is
in review with one written objection waiting for the head's answer.
Listed in settings.DEMO_LOADERS after the cases demo."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from intranet.calendar import workdays
from intranet.evaluation import cycle
from intranet.evaluation.models import MonthlyEvaluation, ScoreEntry

MONTHS = 3


def _first_working_day_after(day):
    return workdays.add_working_days(day - dt.timedelta(days=1), 1)


def _mentions(evaluation, head):
    people = list(evaluation.entries.filter(person__isnull=False).order_by("-total", "id"))
    if not people:
        return
    best, worst = people[0], people[-1]
    cycle.mention(best, head, ScoreEntry.Mention.PRAISE, "全月无扣分，主动延时为群众办结事项")
    deductions = "；".join(line["text"] for line in worst.lines if line["points"] < 0)
    if worst.pk != best.pk and deductions:
        cycle.mention(worst, head, ScoreEntry.Mention.CRITICISE, deductions[:300])


def load(stdout=None):
    if MonthlyEvaluation.objects.exists():
        return False
    User = get_user_model()
    head = User.objects.filter(username="head").first()
    if head is None:
        return False
    month = cycle.previous_month()
    months = []
    for _i in range(MONTHS):
        months.insert(0, month)
        month = cycle.previous_month(month)
    with transaction.atomic():
        for i, month in enumerate(months):
            latest = i == len(months) - 1
            next_month = (month + dt.timedelta(days=32)).replace(day=1)
            generated = timezone.localdate() if latest else _first_working_day_after(next_month)
            evaluation = cycle.generate(month, head, today=generated)
            _mentions(evaluation, head)
            if latest:
                staff = evaluation.entries.filter(person__isnull=False).order_by("total").first()
                if staff is not None:
                    cycle.object_to(
                        evaluation,
                        staff.person,
                        "本月一件差评系申请人对政策不满，并非服务问题，请复核。",
                        today=generated,
                    )
            else:
                cycle.confirm(
                    evaluation,
                    head,
                    today=workdays.add_working_days(evaluation.objection_deadline, 1),
                )
    if stdout:
        stdout.write(f"效能考评示范数据：{len(months)} 个月。")
    return True
