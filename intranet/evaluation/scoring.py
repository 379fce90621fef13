"""Turn a month's facts into scores: the rule set in force, the head's picks within ranges, and the
manual items. Each line names the rule (or the author of a manual item) and the records behind it."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from centers.models import Center
from centers.scoping import members_of
from content.models import StaffMember, Window
from intranet import roles
from intranet.evaluation.facts import gather
from intranet.evaluation.models import ManualItem, Rule, RuleSet

# Facts a rule may name, as the attribute of ``Summary`` and the record list behind it.
FACT_ATTRS = {
    Rule.Fact.CASES_OVERDUE: ("cases_overdue", "overdue"),
    Rule.Fact.SECOND_SUPPLEMENTS: ("second_supplements", "second_supplements"),
    Rule.Fact.REFUSALS_CORRECTED: ("refusals_corrected", "refusals_corrected"),
    Rule.Fact.BAD_RATINGS: ("bad_ratings", "bad_ratings"),
    Rule.Fact.COMPLAINTS_UPHELD: ("complaints_upheld", "complaints_upheld"),
    Rule.Fact.UNEXCUSED_ABSENCES: ("unexcused_absences", "attendance"),
    Rule.Fact.FULL_ATTENDANCE: ("full_attendance", "attendance"),
    Rule.Fact.CONTACTS_OPEN: ("contacts_open", "contacts_open"),
}


@dataclass
class Line:
    points: int
    text: str
    rule: Rule | None = None
    record_key: str = ""
    url: str = ""
    manual: ManualItem | None = None
    choosable: bool = False


@dataclass
class Score:
    target: str
    obj: object
    base: int
    summary: object
    lines: list = field(default_factory=list)
    honour_blocked_by: list = field(default_factory=list)

    @property
    def total(self):
        return self.base + sum(line.points for line in self.lines)

    @property
    def pk(self):
        return self.obj.pk


def evaluated_people():
    """Window staff who are active: the people the monthly evaluation scores."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.GROUP_NAMES[roles.WINDOW_STAFF])
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def windows_of(center):
    """The windows a center scores: its departments'; in a one-center install every window,
    as a window need not have a department there (docs/county.md)."""
    if Center.only() == center:
        return Window.objects.all()
    return Window.objects.filter(department__center=center)


def _rule_lines(rule, summary, picks):
    attr, fact = FACT_ATTRS[rule.fact]
    records = summary.records.get(fact, [])
    if rule.fact == Rule.Fact.FULL_ATTENDANCE:
        if summary.full_attendance:
            return [
                Line(
                    rule.points,
                    _("%(rule)s：应到%(n)s次，全部出席")
                    % {"rule": rule.title, "n": summary.sessions_expected},
                    rule=rule,
                )
            ]
        return []
    if rule.fact == Rule.Fact.UNEXCUSED_ABSENCES:
        records = [r for r in records if r.category == "absent"]
    if rule.fact == Rule.Fact.COMPLAINTS_UPHELD and rule.categories:
        records = [r for r in records if r.category in rule.categories]
    lines = []
    for rec in records[rule.threshold :]:
        pick = picks.get((rule.pk, rec.key))
        points = pick.points if pick else rule.points
        text = f"{rule.title}：{rec.label}"
        if pick:
            text += _("（负责人在%(low)s至%(high)s分内确定：%(reason)s）") % {
                "low": rule.points,
                "high": rule.points_limit,
                "reason": pick.reason,
            }
        lines.append(
            Line(
                points,
                text,
                rule=rule,
                record_key=rec.key,
                url=rec.url,
                choosable=rule.points_limit is not None,
            )
        )
    return lines


def compute(month, facts=None, center=None):
    """Scores of every window and every evaluated person of ``center`` for ``month``; windows
    first (a one-center install needs no ``center``)."""
    center = center or Center.only()
    facts = facts or gather(month, center)
    ruleset = RuleSet.objects.in_force(facts.month, center)
    rules = list(ruleset.rules.all()) if ruleset else []
    base = ruleset.base_score if ruleset else 100
    manual = list(
        ManualItem.objects.filter(center=center, month=facts.month).select_related("author")
    )
    picks = {(m.rule_id, m.record_key): m for m in manual if m.rule_id}
    person_window = dict(
        StaffMember.objects.filter(user__isnull=False, is_active=True).values_list(
            "user_id", "window_id"
        )
    )
    windows = {
        w.pk: Score("window", w, base, facts.summary("window", w.pk)) for w in windows_of(center)
    }
    people = {
        u.pk: Score("person", u, base, facts.summary("person", u.pk))
        for u in members_of(evaluated_people(), center)
    }
    for rule in rules:
        scores = windows if rule.target == Rule.Target.WINDOW else people
        for score in scores.values():
            lines = _rule_lines(rule, score.summary, picks)
            score.lines.extend(lines)
            if rule.removes_honour and lines:
                window_id = score.pk if score.target == "window" else person_window.get(score.pk)
                if window_id in windows:
                    windows[window_id].honour_blocked_by.extend(line.text for line in lines)
    for m in manual:
        if m.rule_id:
            continue
        score = windows.get(m.window_id) if m.window_id else people.get(m.person_id)
        if score is not None:
            score.lines.append(Line(m.points, m.reason, manual=m))
    return ruleset, list(windows.values()), list(people.values())
