"""Signal handlers of the content app: department editors follow their department."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from content.models import Department, DepartmentSectionPage
from content.permissions import ensure_department_editors, follow_department_rename


@receiver(post_save, sender=DepartmentSectionPage)
def grant_department_editors(sender, instance, created, raw=False, **kwargs):
    """A new department section is editable by that department's editors from the start."""
    if created and not raw:
        ensure_department_editors(instance.department)


@receiver(pre_save, sender=Department)
def remember_department_name(sender, instance, raw=False, **kwargs):
    instance._name_before_save = (
        None
        if raw or instance.pk is None
        else Department.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    )


@receiver(post_save, sender=Department)
def rename_department_editors(sender, instance, created, raw=False, **kwargs):
    """Renaming a department renames its editors group and collection; rights go by the link."""
    old_name = getattr(instance, "_name_before_save", None)
    if raw or created or not old_name or old_name == instance.name:
        return
    follow_department_rename(instance, old_name)
