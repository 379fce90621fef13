"""Study plans and sessions belong to a center (docs/county.md): the existing ones to the
install's one center, made by centers 0001. A plan's year is unique per center now."""

import centers.models
import django.db.models.deletion
from django.db import migrations, models


def into_the_existing_center(apps, schema_editor):
    Center = apps.get_model("centers", "Center")
    center = Center.objects.order_by("pk").first()
    for name in ("StudyPlan", "StudySession"):
        apps.get_model("study", name).objects.filter(center__isnull=True).update(center=center)


def center_field(null):
    return models.ForeignKey(
        null=null,
        default=None if null else centers.models.only_center_id,
        on_delete=django.db.models.deletion.PROTECT,
        related_name='+',
        to='centers.center',
        verbose_name='所属中心',
    )


class Migration(migrations.Migration):

    dependencies = [
        ('centers', '0001_centers_and_memberships'),
        ('study', '0001_moved_from_intranet'),
    ]

    operations = [
        migrations.AddField(model_name='studyplan', name='center', field=center_field(null=True)),
        migrations.AddField(
            model_name='studysession', name='center', field=center_field(null=True)
        ),
        migrations.RunPython(into_the_existing_center, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='studyplan', name='center', field=center_field(null=False)
        ),
        migrations.AlterField(
            model_name='studysession', name='center', field=center_field(null=False)
        ),
        migrations.AlterField(
            model_name='studyplan',
            name='year',
            field=models.PositiveSmallIntegerField(verbose_name='年度'),
        ),
        migrations.AddConstraint(
            model_name='studyplan',
            constraint=models.UniqueConstraint(fields=('center', 'year'), name='one_study_plan_per_center_year'),
        ),
    ]
