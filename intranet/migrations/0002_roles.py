"""Create the intranet's role groups and give the administrators their admin permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAMES = ["窗口工作人员", "中心负责人", "纪检监督员", "编辑", "系统管理员"]
ADMIN_MODELS = ["calendarday", "studyplan", "studysession", "disclosure"]


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so they can be granted.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUP_NAMES}
    admin_perms = Permission.objects.filter(
        content_type__app_label="intranet", content_type__model__in=ADMIN_MODELS
    )
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    groups["系统管理员"].permissions.add(*admin_perms, *access_admin)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    # The editor group belongs to the content side too; leave it.
    Group.objects.filter(name__in=[n for n in GROUP_NAMES if n != "编辑"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intranet", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
