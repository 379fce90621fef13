"""What the public 效能考评公示 page may show: confirmed months only (a draft or a month in review
never leaves the intranet), window scores and service figures, the honour roll, and about
individual staff only what the head chose on confirmation (``people_published``)."""

from django.utils.translation import gettext as _

from intranet.charts import bar_chart
from intranet.evaluation.models.records import Honour, MonthlyEvaluation, Rule, ScoreEntry

Published = MonthlyEvaluation.PeoplePublished


def confirmed_months(center):
    return MonthlyEvaluation.objects.filter(
        center=center, state=MonthlyEvaluation.State.CONFIRMED
    ).order_by("-month")


def _charts(windows):
    score = bar_chart(
        _("各窗口当月得分"),
        [(e.window.name, [(e.total, f"#window-{e.window_id}")]) for e in windows],
        unit=_("分"),
    )
    service = bar_chart(
        _("各窗口按期办结率与满意率"),
        [
            (
                e.window.name,
                [
                    (e.figures.get("on_time_share"), f"#window-{e.window_id}"),
                    (e.figures.get("satisfied_share"), f"#window-{e.window_id}"),
                ],
            )
            for e in windows
        ],
        series_names=[_("按期办结率"), _("满意及以上")],
        unit="%",
        max_value=100,
    )
    return [score, service]


def public_lines(entry, rule_titles):
    """A person's additions and deductions as the public may read them: the rule's name and the
    points, counted per rule. The records behind a line (receipt numbers, complaint codes) would
    let anyone look up a citizen's case, so only rule names and the head's own reasons for manual
    items are shown."""
    grouped = {}
    for line in entry.lines:
        title = rule_titles.get(line.get("rule")) or line["text"]
        count, points = grouped.get(title, (0, 0))
        grouped[title] = (count + 1, points + line["points"])
    return [
        {"title": title, "count": count, "points": points}
        for title, (count, points) in grouped.items()
    ]


def _people(evaluation, entries):
    """(score rows, praised) for the month, within what the head chose to publish."""
    people = [e for e in entries if e.person_id]
    if evaluation.people_published == Published.SCORES:
        rule_ids = {line.get("rule") for e in people for line in e.lines} - {None}
        titles = dict(Rule.objects.filter(pk__in=rule_ids).values_list("pk", "title"))
        for e in people:
            e.public_lines = public_lines(e, titles)
        praised = [e for e in people if e.mention == ScoreEntry.Mention.PRAISE]
        return sorted(people, key=lambda e: (-e.total, e.subject_name)), praised
    if evaluation.people_published == Published.PRAISE:
        return [], [e for e in people if e.mention == ScoreEntry.Mention.PRAISE]
    return [], []


def month_results(center, requested=None):
    """The results of ``center``: the center whose portal shows the page."""
    months = list(confirmed_months(center))
    evaluation = next((m for m in months if requested and m.month == requested), None)
    if evaluation is None and months:
        evaluation = months[0]
    context = {
        "months": months,
        "evaluation": evaluation,
        "honours": Honour.objects.filter(center=center)
        .select_related("window", "person")
        .order_by("-year", "kind", "id"),
    }
    if evaluation is None:
        return context
    entries = list(evaluation.entries.select_related("window", "person", "person_window"))
    windows = sorted((e for e in entries if e.window_id), key=lambda e: (-e.total, e.window.name))
    people, praised = _people(evaluation, entries)
    context.update(
        windows=windows,
        people=people,
        praised=praised,
        charts=_charts(windows),
        show_people_scores=evaluation.people_published == Published.SCORES,
    )
    return context
