"""A document collection per department, and document changes kept for reviewers.

Department editors could add files to the root collection, which holds everyone's,
and, as their uploader, replace a file that an approved guide links to. Each
department that has an editors group gets a collection named after it; the group's
collection permissions move there. Reviewers (审核人) get change and delete on the
root collection: replacing a document that a live page links to is theirs
(content/document_review.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
REVIEWERS = "审核人"
DEPARTMENT_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
REVIEWER_DOCUMENT_PERMISSIONS = [
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
]


def next_child_path(Collection, root):
    """Treebeard's materialised path for a new last child (historical models lack add_child)."""
    last = (
        Collection.objects.filter(path__startswith=root.path, depth=root.depth + 1)
        .order_by("-path")
        .first()
    )
    number = 0
    if last is not None:
        number = int(last.path[-STEPLEN:], 36) + 1
    step = ""
    for _ in range(STEPLEN):
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return root.path + step


def department_collection(Collection, root, name):
    found = Collection.objects.filter(
        path__startswith=root.path, depth=root.depth + 1, name=name
    ).first()
    if found is None:
        found = Collection.objects.create(
            name=name, path=next_child_path(Collection, root), depth=root.depth + 1, numchild=0
        )
        Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
        root.numchild += 1
    return found


def permission(Permission, app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def forwards(apps, schema_editor):
    for app_label in ("wagtailimages", "wagtaildocs"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Department = apps.get_model("content", "Department")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for department in Department.objects.all():
        group = Group.objects.filter(name=f"{department.name}编辑").first()
        if group is None:
            continue
        collection = department_collection(Collection, root, department.name)
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=collection
        ).delete()
        for app_label, codename in DEPARTMENT_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=permission(Permission, app_label, codename),
            )
    reviewers = Group.objects.filter(name=REVIEWERS).first()
    if reviewers is not None:
        for app_label, codename in REVIEWER_DOCUMENT_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=reviewers,
                collection=root,
                permission=permission(Permission, app_label, codename),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_announcement_slugs_without_names"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
