"""Signal handlers of the content app."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from content.models import DepartmentSectionPage
from content.permissions import ensure_department_editors


@receiver(post_save, sender=DepartmentSectionPage)
def grant_department_editors(sender, instance, created, raw=False, **kwargs):
    """A new department section is editable by that department's editors from the start."""
    if created and not raw:
        ensure_department_editors(instance.department)
