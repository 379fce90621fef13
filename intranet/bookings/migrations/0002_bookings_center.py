"""Booking slots, bookings and 代办/上门 requests belong to a center (docs/county.md): the
existing ones to the install's one center, made by centers 0001."""

import centers.models
import django.db.models.deletion
from django.db import migrations, models

MODELS = ("bookingslot", "booking", "servicerequest")


def into_the_existing_center(apps, schema_editor):
    center = apps.get_model("centers", "Center").objects.order_by("pk").first()
    for name in MODELS:
        apps.get_model("bookings", name).objects.filter(center__isnull=True).update(center=center)


def nullable(name):
    return migrations.AddField(
        model_name=name,
        name='center',
        field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
    )


def required(name):
    return migrations.AlterField(
        model_name=name,
        name='center',
        field=models.ForeignKey(default=centers.models.only_center_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center', verbose_name='所属中心'),
    )


class Migration(migrations.Migration):

    dependencies = [
        ('bookings', '0001_bookings_and_service_requests'),
        ('centers', '0001_centers_and_memberships'),
    ]

    operations = [
        *[nullable(name) for name in MODELS],
        migrations.RunPython(into_the_existing_center, migrations.RunPython.noop),
        *[required(name) for name in MODELS],
    ]
