"""The default rule set, as the center's rules (seeds) state it. Used by the data migration and
by tests; the head edits the rules afterwards (a new version per month it takes effect)."""

import datetime as dt

# 责任追究 (四) lists process breaches (答复、一次性告知、当场办理、超承诺时限 ...) that deduct 5–10 from
# the window's monthly score. Of the seven 效能投诉 kinds, 效率低下/推诿扯皮, 违反政务公开 and 其它
# fall under it. (五)/(六) name rough treatment of applicants and abuse of office: 10–15 from the
# person and the window loses that month's 评优 eligibility.
WINDOW_COMPLAINT_KINDS = ["inefficiency", "openness", "other"]
PERSON_COMPLAINT_KINDS = ["lawless", "attitude", "abuse", "fees"]

DEFAULT_RULES = [
    {
        "title": "投诉查实（责任追究四）",
        "fact": "complaints_upheld",
        "categories": WINDOW_COMPLAINT_KINDS,
        "threshold": 0,
        "points": -5,
        "points_limit": -10,
        "target": "window",
        "removes_honour": False,
        "source": "九项制度·八、责任追究制（四）：视情节扣窗口单位当月考评5—10分",
    },
    {
        "title": "投诉查实（责任追究五）",
        "fact": "complaints_upheld",
        "categories": PERSON_COMPLAINT_KINDS,
        "threshold": 0,
        "points": -10,
        "points_limit": -15,
        "target": "person",
        "removes_honour": True,
        "source": "九项制度·八、责任追究制（五）：扣岗位责任人当月考评10—15分，取消该窗口当月评优评先资格",
    },
    {
        "title": "承诺件超期办结",
        "fact": "cases_overdue",
        "categories": [],
        "threshold": 0,
        "points": -5,
        "points_limit": -10,
        "target": "window",
        "removes_honour": False,
        "source": "九项制度·八、责任追究制（四）5：超过承诺时限办结",
    },
    {
        "title": "未一次性告知（再次补正）",
        "fact": "second_supplements",
        "categories": [],
        "threshold": 0,
        "points": -5,
        "points_limit": -10,
        "target": "window",
        "removes_honour": False,
        "source": "九项制度·八、责任追究制（四）2：不一次性告知所需补正的全部材料",
    },
    {
        "title": "否定报备被纠正",
        "fact": "refusals_corrected",
        "categories": [],
        "threshold": 0,
        "points": -2,
        "points_limit": None,
        "target": "person",
        "removes_honour": False,
        "source": "九项制度·否定报备制；中心自定分值",
    },
    {
        "title": "差评",
        "fact": "bad_ratings",
        "categories": [],
        "threshold": 0,
        "points": -2,
        "points_limit": None,
        "target": "person",
        "removes_honour": False,
        "source": "激励约束制度三：对待办事群众态度冷漠的点名批评；中心自定分值",
    },
    {
        "title": "首问登记未跟进",
        "fact": "contacts_open",
        "categories": [],
        "threshold": 0,
        "points": -1,
        "points_limit": None,
        "target": "person",
        "removes_honour": False,
        "source": "首问负责制五、六：首问责任人督办直到事情办理结束",
    },
    {
        "title": "学习无故缺席",
        "fact": "unexcused_absences",
        "categories": [],
        "threshold": 0,
        "points": -2,
        "points_limit": None,
        "target": "person",
        "removes_honour": False,
        "source": "学习教育制度；效能考评制（二）2 C、勤：出勤情况",
    },
    {
        "title": "学习全勤",
        "fact": "full_attendance",
        "categories": [],
        "threshold": 0,
        "points": 2,
        "points_limit": None,
        "target": "person",
        "removes_honour": False,
        "source": "激励约束制度二：鼓励先进；效能考评制（二）2 C、勤",
    },
]

# Effective from long ago, so every month with data has rules until the head adds a version.
DEFAULT_EFFECTIVE_FROM = dt.date(2000, 1, 1)


def give_default_rules(center):
    """A center's first rule set, as migration 0002 gave the install's first center: a township
    joining the county starts from the rules in the seeds, its head edits them afterwards."""
    from intranet.evaluation.models import Rule, RuleSet

    if RuleSet.objects.filter(center=center).exists():
        return
    ruleset = RuleSet.objects.create(
        center=center,
        effective_from=DEFAULT_EFFECTIVE_FROM,
        base_score=100,
        note="依据中心制度的默认规则",
    )
    Rule.objects.bulk_create(Rule(ruleset=ruleset, **rule) for rule in DEFAULT_RULES)
