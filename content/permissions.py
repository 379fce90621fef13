"""Editorial roles: who may change which part of the page tree.

Site-wide roles (编辑, 审核人) and the approval workflow are created by migration
0003. Each department additionally gets its own editors group, "<部门名>编辑", with
add/change (never publish) on that department's sections only — its catalog section
and its announcements section — so a department's editors cannot touch another
department's guides. Their changes go through the same 审核发布 workflow.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

EDITORS_GROUP = "编辑"
REVIEWERS_GROUP = "审核人"
WORKFLOW_NAME = "审核发布"
DEPARTMENT_PAGE_PERMISSIONS = ("add_page", "change_page")
DEPARTMENT_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def department_group_name(department):
    return f"{department.name}编辑"


def ensure_department_editors(department):
    """Create (if needed) the department's editors group and grant it every section of the department."""
    from content.models import DepartmentSectionPage

    group, _created = Group.objects.get_or_create(name=department_group_name(department))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        content_type__model="page",
        codename__in=DEPARTMENT_PAGE_PERMISSIONS,
    )
    for section in DepartmentSectionPage.objects.filter(department=department):
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=section, permission=permission
            )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for app_label, codename in DEPARTMENT_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )
    return group
