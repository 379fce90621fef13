import datetime as dt

from django.db import migrations


def seed(apps, schema_editor):
    from intranet.evaluation.defaults import DEFAULT_RULES

    RuleSet = apps.get_model("evaluation", "RuleSet")
    Rule = apps.get_model("evaluation", "Rule")
    if RuleSet.objects.exists():
        return
    # Effective from long ago, so every month with data has rules until the head adds a version.
    ruleset = RuleSet.objects.create(
        effective_from=dt.date(2000, 1, 1), base_score=100, note="依据中心制度的默认规则"
    )
    for rule in DEFAULT_RULES:
        Rule.objects.create(ruleset=ruleset, **rule)


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_evaluation_rules")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
