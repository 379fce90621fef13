"""Editorial roles: who may change which part of the page tree.

Site-wide roles (编辑, 审核人) and the approval workflow are created by migration
0003. Each department additionally gets its own editors group, "<部门名>编辑", with
add/change (never publish) on that department's sections only — its catalog section
and its announcements section — so a department's editors cannot touch another
department's guides. Their changes go through the same 审核发布 workflow. The group is
linked to its department (DepartmentEditorGroup); its name only follows the department's.

Each department also has its own collection of documents and images, named after
it: its editors may add and choose files there and nowhere else. Replacing or
deleting a document that a live page links to is for reviewers only
(content/document_review.py), so a file under an approved guide cannot be swapped
without review.

Once a county runs several centers, each center (with a portal) also gets its own editors
and reviewers groups, "<中心名>编辑" and "<中心名>审核人", with rights on its home page's
tree only, and its own collection (its departments' collections inside it), so a township's
editors neither edit nor see another center's pages in the admin. Its pages go through its
own review workflow, approved by its own reviewers (ensure_center_editorial).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from centers.models import Center

EDITORS_GROUP = "编辑"
REVIEWERS_GROUP = "审核人"
WORKFLOW_NAME = "审核发布"
DEPARTMENT_PAGE_PERMISSIONS = ("add_page", "change_page")
DEPARTMENT_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


CENTER_EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
CENTER_REVIEWER_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
CENTER_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def department_group_name(department):
    return f"{department.name}编辑"


def department_editors_group(department):
    """The department's editors group, or None before its first section exists."""
    from content.models import DepartmentEditorGroup

    link = (
        DepartmentEditorGroup.objects.select_related("group").filter(department=department).first()
    )
    return link.group if link else None


def _link_editors_group(department):
    from content.models import DepartmentEditorGroup

    group = department_editors_group(department)
    if group is None:
        # A group of the usual name that no department holds yet is taken over (an
        # administrator may have made it ahead of the department's first section).
        name = department_group_name(department)
        group = Group.objects.filter(name=name, department_link__isnull=True).first()
        if group is None:
            group = Group.objects.create(name=_free_group_name(name))
        DepartmentEditorGroup.objects.create(department=department, group=group)
    return group


def _free_group_name(name):
    candidate, number = name, 1
    while Group.objects.filter(name=candidate).exists():
        number += 1
        candidate = f"{name}{number}"
    return candidate


def ensure_department_editors(department):
    """Create (if needed) the department's editors group and grant it every section of the department."""
    from content.models import DepartmentSectionPage

    group = _link_editors_group(department)
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
    collection = department_collection(department)
    if collection is not None:
        # Only the department's own collection: never the root, which holds everyone's.
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=collection
        ).delete()
        for app_label, codename in DEPARTMENT_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )
    return group


def follow_department_rename(department, old_name):
    """A renamed department's editors group and collection take its new name.

    The group keeps its members and rights whatever its name; it is renamed only while it
    still carries the old default name and the new one is free.
    """
    group = department_editors_group(department)
    if group is None:
        return
    new_name = department_group_name(department)
    if group.name == f"{old_name}编辑" and not Group.objects.filter(name=new_name).exists():
        group.name = new_name
        group.save(update_fields=["name"])
    department_collection(department, old_name=old_name)


def department_collection(department, old_name=None):
    """The department's collection, created (or renamed) as needed: inside its center's
    collection once the center has one, else under the root."""
    root = _center_collection_of(department.center_id)
    if root is None and Center.only() is None:
        # Several centers: never take another center's department collection of the same
        # name at the root; the center's own collection comes first.
        editorial = ensure_center_editorial(department.center)
        root = editorial.collection if editorial else None
    root = root or Collection.get_first_root_node()
    if root is None:
        return None
    children = root.get_children()
    found = children.filter(name=department.name).first()
    if found is None and old_name:
        found = children.filter(name=old_name).first()
        if found is not None:
            found.name = department.name
            found.save(update_fields=["name"])
    if found is None:
        found = root.add_child(instance=Collection(name=department.name))
    return found


def _center_collection_of(center_id):
    from content.models import CenterEditorial

    link = CenterEditorial.objects.select_related("collection").filter(center_id=center_id).first()
    return link.collection if link else None


def _permissions(app_label, codenames, model=None):
    found = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    return found.filter(content_type__model=model) if model else found


def ensure_center_editorial(center):
    """Create (if needed) the center's editors and reviewers groups, its collection and its
    review workflow, granted on its home page's tree; None for a center without a portal."""
    from content.models import CenterEditorial, Department

    if center.site_id is None:
        return None
    home = center.site.root_page
    editorial = CenterEditorial.objects.filter(center=center).first()
    if editorial is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=center.name).first()
        if collection is None:
            collection = root.add_child(instance=Collection(name=center.name))
        # The center's departments' collections made before it move inside it.
        for department in Department.objects.filter(center=center):
            own = root.get_children().filter(name=department.name).first()
            if own is not None and own.pk != collection.pk:
                own.move(collection, pos="sorted-child")
        editorial = CenterEditorial.objects.create(
            center=center,
            editors=Group.objects.create(name=_free_group_name(f"{center.name}编辑")),
            reviewers=Group.objects.create(name=_free_group_name(f"{center.name}审核人")),
            collection=Collection.objects.get(pk=collection.pk),
        )
    access_admin = _permissions("wagtailadmin", ["access_admin"]).get()
    for group, codenames in (
        (editorial.editors, CENTER_EDITOR_PAGE_PERMISSIONS),
        (editorial.reviewers, CENTER_REVIEWER_PAGE_PERMISSIONS),
    ):
        group.permissions.add(access_admin)
        for permission in _permissions("wagtailcore", codenames, model="page"):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        for app_label, codename in CENTER_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=editorial.collection,
                permission=_permissions(app_label, [codename]).get(),
            )
    _center_workflow(center, home, editorial.reviewers)
    return editorial


def _center_workflow(center, home, reviewers):
    """The center's pages wait for the center's own reviewers. A home page that already has a
    workflow (the first center's 审核发布) keeps it, its reviewers added to its tasks."""
    assigned = WorkflowPage.objects.filter(page=home).select_related("workflow").first()
    if assigned is None:
        workflow = Workflow.objects.create(name=f"{center.name}{WORKFLOW_NAME}", active=True)
        task = GroupApprovalTask.objects.create(name=f"{center.name}审核", active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(page=home, workflow=workflow)
        tasks = [task]
    else:
        tasks = [
            task.specific
            for task in assigned.workflow.tasks.all()
            if isinstance(task.specific, GroupApprovalTask)
        ]
    for task in tasks:
        task.groups.add(reviewers)
