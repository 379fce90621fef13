"""The evaluation belongs to a center (docs/county.md): rule sets, months, manual items and
honours of the install so far go to its one center, made by centers 0001; a month and a rule
version are unique per center instead of install-wide."""

import centers.models
import django.db.models.deletion
from django.db import migrations, models

MODELS = ["RuleSet", "ManualItem", "MonthlyEvaluation", "Honour"]


def into_the_existing_center(apps, schema_editor):
    center = apps.get_model("centers", "Center").objects.order_by("pk").first()
    for name in MODELS:
        apps.get_model("evaluation", name).objects.filter(center__isnull=True).update(
            center=center
        )


class Migration(migrations.Migration):

    dependencies = [
        ('centers', '0001_centers_and_memberships'),
        ('evaluation', '0005_publication_and_results_page'),
    ]

    operations = [
        migrations.AddField(
            model_name='ruleset',
            name='center',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AddField(
            model_name='manualitem',
            name='center',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AddField(
            model_name='monthlyevaluation',
            name='center',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AddField(
            model_name='honour',
            name='center',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.RunPython(into_the_existing_center, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='ruleset',
            name='center',
            field=models.ForeignKey(default=centers.models.only_center_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AlterField(
            model_name='manualitem',
            name='center',
            field=models.ForeignKey(default=centers.models.only_center_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AlterField(
            model_name='monthlyevaluation',
            name='center',
            field=models.ForeignKey(default=centers.models.only_center_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AlterField(
            model_name='honour',
            name='center',
            field=models.ForeignKey(default=centers.models.only_center_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AlterField(
            model_name='monthlyevaluation',
            name='month',
            field=models.DateField(verbose_name='考评月份'),
        ),
        migrations.AlterField(
            model_name='ruleset',
            name='effective_from',
            field=models.DateField(help_text='当月1日', verbose_name='生效月份'),
        ),
        migrations.AddConstraint(
            model_name='monthlyevaluation',
            constraint=models.UniqueConstraint(fields=('center', 'month'), name='one_evaluation_per_center_and_month'),
        ),
        migrations.AddConstraint(
            model_name='ruleset',
            constraint=models.UniqueConstraint(fields=('center', 'effective_from'), name='one_rule_set_per_center_and_month'),
        ),
    ]
