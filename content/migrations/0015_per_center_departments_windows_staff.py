"""Departments and windows are unique per center, not install-wide (two townships both have a
民政办); windows and roster entries get their own center, filled from their department or,
failing that, the install's first center (docs/county.md)."""

import centers.models
import django.db.models.deletion
from django.db import migrations, models


def into_their_centers(apps, schema_editor):
    Center = apps.get_model("centers", "Center")
    Window = apps.get_model("content", "Window")
    StaffMember = apps.get_model("content", "StaffMember")
    first = Center.objects.order_by("pk").first()
    for model in (Window, StaffMember):
        for row in model.objects.filter(center__isnull=True).select_related("department"):
            department = row.department
            row.center_id = department.center_id if department is not None else first.pk
            row.save(update_fields=["center"])


class Migration(migrations.Migration):

    dependencies = [
        ('centers', '0001_centers_and_memberships'),
        ('content', '0014_guide_standard_catalog'),
    ]

    operations = [
        migrations.AddField(
            model_name='staffmember',
            name='center',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='staff', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AddField(
            model_name='window',
            name='center',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='windows', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.RunPython(into_their_centers, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='staffmember',
            name='center',
            field=models.ForeignKey(default=centers.models.only_center_id, on_delete=django.db.models.deletion.PROTECT, related_name='staff', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AlterField(
            model_name='window',
            name='center',
            field=models.ForeignKey(default=centers.models.only_center_id, on_delete=django.db.models.deletion.PROTECT, related_name='windows', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.AlterField(
            model_name='department',
            name='name',
            field=models.CharField(max_length=100, verbose_name='部门名称'),
        ),
        migrations.AlterField(
            model_name='department',
            name='slug',
            field=models.SlugField(allow_unicode=True, max_length=100, verbose_name='网址标识'),
        ),
        migrations.AlterField(
            model_name='window',
            name='name',
            field=models.CharField(max_length=100, verbose_name='窗口名称'),
        ),
        migrations.AddConstraint(
            model_name='department',
            constraint=models.UniqueConstraint(fields=('center', 'name'), name='department_name_per_center', violation_error_message='本中心已有同名部门。'),
        ),
        migrations.AddConstraint(
            model_name='department',
            constraint=models.UniqueConstraint(fields=('center', 'slug'), name='department_slug_per_center', violation_error_message='本中心已有部门使用这个网址标识。'),
        ),
        migrations.AddConstraint(
            model_name='window',
            constraint=models.UniqueConstraint(fields=('center', 'name'), name='window_name_per_center', violation_error_message='本中心已有同名窗口。'),
        ),
    ]
