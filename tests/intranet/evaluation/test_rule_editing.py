import datetime as dt

from django.urls import reverse

from intranet.evaluation import cycle
from intranet.evaluation.models import Rule, RuleSet
from tests.builders import client_for


def _post_data(ruleset, month, **changes):
    rules = list(ruleset.rules.all())
    data = {
        "effective_from": month,
        "base_score": "100",
        "note": "调整差评扣分",
        "form-TOTAL_FORMS": str(len(rules)),
        "form-INITIAL_FORMS": str(len(rules)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, rule in enumerate(rules):
        row = {
            "id": rule.pk,
            "title": rule.title,
            "fact": rule.fact,
            "threshold": rule.threshold,
            "points": rule.points,
            "points_limit": "" if rule.points_limit is None else rule.points_limit,
            "target": rule.target,
            "source": rule.source,
        }
        if rule.removes_honour:
            row["removes_honour"] = "on"
        row.update(changes.get(rule.fact, {}) if rule.target == "person" else {})
        for key, value in row.items():
            data[f"form-{i}-{key}"] = value
        if rule.categories:
            data[f"form-{i}-categories"] = list(rule.categories)
    return data


def test_head_saves_a_new_rule_version_effective_from_a_month(shop, users):
    default = RuleSet.objects.get()
    client = client_for(users["head"])
    response = client.post(
        reverse("intranet:evaluation_rules"),
        _post_data(default, "2026-12", bad_ratings={"points": "-3"}),
    )
    assert response.status_code == 302
    newer = RuleSet.objects.in_force(dt.date(2026, 12, 1))
    assert newer != default and newer.rules.get(fact="bad_ratings").points == -3
    assert default.rules.get(fact="bad_ratings").points == -2
    assert newer.rules.get(fact="complaints_upheld", target="person").categories == [
        "lawless",
        "attitude",
        "abuse",
        "fees",
    ]


def test_a_range_with_the_wrong_sign_is_refused_and_nothing_is_stored(shop, users):
    default = RuleSet.objects.get()
    response = client_for(users["head"]).post(
        reverse("intranet:evaluation_rules"),
        _post_data(default, "2026-12", bad_ratings={"points_limit": "5"}),
    )
    assert "分值上限须与每项分值同号" in response.content.decode()
    assert RuleSet.objects.count() == 1 and Rule.objects.count() == 9


def test_rules_cannot_take_effect_in_a_confirmed_month(shop, users):
    evaluation = cycle.generate(dt.date(2026, 5, 1), users["head"], today=dt.date(2026, 6, 1))
    cycle.confirm(evaluation, users["head"], today=dt.date(2026, 6, 10))
    response = client_for(users["head"]).post(
        reverse("intranet:evaluation_rules"), _post_data(RuleSet.objects.get(), "2026-05")
    )
    assert "已确认" in response.content.decode()
    assert RuleSet.objects.count() == 1
