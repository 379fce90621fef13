"""First-contact register entries belong to a center (docs/county.md): the existing ones to the
install's one center, made by centers 0001."""

import centers.models
import django.db.models.deletion
from django.db import migrations, models


def into_the_existing_center(apps, schema_editor):
    Center = apps.get_model("centers", "Center")
    FirstContact = apps.get_model("cases", "FirstContact")
    center = Center.objects.order_by("pk").first()
    FirstContact.objects.filter(center__isnull=True).update(center=center)


class Migration(migrations.Migration):

    dependencies = [
        ('centers', '0001_centers_and_memberships'),
        ('cases', '0003_case_center'),
    ]

    operations = [
        migrations.AddField(
            model_name='firstcontact',
            name='center',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
        migrations.RunPython(into_the_existing_center, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='firstcontact',
            name='center',
            field=models.ForeignKey(default=centers.models.only_center_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
        ),
    ]
