"""Demo evaluations: the three months before this one, computed from the demo cases, complaints
and study rolls. The two older months are confirmed with a praise and a criticism (the older one
publishes only the praise, the newer every person's score); the latest is in review with one
written objection waiting for the head's answer. The best eligible window of the latest
confirmed month's year is chosen 先进窗口, and the public 效能考评公示 page goes under 政务公开.
Listed in settings.DEMO_LOADERS after the cases demo."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from intranet.calendar import workdays
from intranet.evaluation import cycle, yearly
from intranet.evaluation.models import EvaluationResultsPage, MonthlyEvaluation, ScoreEntry

PAGE_INTRO = (
    "<p>根据中心效能考评制，各窗口每月以100分为基础分考评，考评结果经工作人员异议期、"
    "中心负责人确认后在此公示，接受群众监督。</p>"
)

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


def _honour(year, head):
    eligible_windows, _people = yearly.eligible(*yearly.year_table(year, cycle.center_of(head)))
    if eligible_windows:
        yearly.choose(
            year,
            head,
            "advanced_window",
            f"window:{eligible_windows[0].subject.pk}",
            "已确认月份平均得分最高，无投诉查实，按期办结率高",
        )


def _results_page():
    from content.models import ArticleIndexPage

    parent = ArticleIndexPage.objects.filter(slug="disclosure").first()
    if parent is None:
        return
    page = EvaluationResultsPage(title="效能考评公示", slug="evaluation", intro=PAGE_INTRO)
    parent.add_child(instance=page)
    page.save_revision().publish()


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
                    people_published=MonthlyEvaluation.PeoplePublished.SCORES
                    if i
                    else MonthlyEvaluation.PeoplePublished.PRAISE,
                )
        _honour(months[-2].year, head)
        _results_page()
    if stdout:
        stdout.write(f"效能考评示范数据：{len(months)} 个月。")
    return True
