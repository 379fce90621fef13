"""Each department is linked to its editors group instead of finding it by name.

Until now a department's editors group was whichever group was called "<部门名>编辑",
renamed along with the department by a signal. Existing groups are linked by that name
once, here; from then on the link is what counts.
"""

import django.db.models.deletion
from django.db import migrations, models


def link_groups_by_name(apps, schema_editor):
    Department = apps.get_model("content", "Department")
    DepartmentEditorGroup = apps.get_model("content", "DepartmentEditorGroup")
    Group = apps.get_model("auth", "Group")
    for department in Department.objects.all():
        group = Group.objects.filter(name=f"{department.name}编辑").first()
        if group is not None:
            DepartmentEditorGroup.objects.create(department=department, group=group)


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('content', '0010_notices'),
    ]

    operations = [
        migrations.CreateModel(
            name='DepartmentEditorGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('department', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='editor_link', to='content.department', verbose_name='部门')),
                ('group', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='department_link', to='auth.group', verbose_name='编辑组')),
            ],
            options={
                'verbose_name': '部门编辑组',
                'verbose_name_plural': '部门编辑组',
            },
        ),
        migrations.RunPython(link_groups_by_name, migrations.RunPython.noop),
    ]
