"""Editorial roles and the approval workflow (审核把关).

- 编辑 (editors): admin access, add/change pages under the home page, never publish;
- 审核人 (reviewers): admin access, add/change/publish pages, moderate pre-disclosure comments;
- workflow 审核发布 with one group approval task for 审核人, assigned to the home page,
  so every page an editor changes waits for a reviewer before it goes public.

Department editors (<部门名>编辑) are created by content.signals when a department
section page appears.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "编辑"
REVIEWERS = "审核人"
WORKFLOW = "审核发布"
TASK = "审核人审核"

EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("content", "add_department"),
    ("content", "change_department"),
    ("content", "view_department"),
    ("content", "add_window"),
    ("content", "change_window"),
    ("content", "view_window"),
    ("content", "add_staffmember"),
    ("content", "change_staffmember"),
    ("content", "view_staffmember"),
    ("content", "add_leaderduty"),
    ("content", "change_leaderduty"),
    ("content", "delete_leaderduty"),
    ("content", "view_leaderduty"),
    ("content", "view_predisclosurecomment"),
]
REVIEWER_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("content", "view_department"),
    ("content", "view_window"),
    ("content", "view_staffmember"),
    ("content", "view_leaderduty"),
    ("content", "view_predisclosurecomment"),
    ("content", "change_predisclosurecomment"),
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(Permission, app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles_and_workflow(apps, schema_editor):
    # Model permissions are normally made after all migrations ran; make them now.
    for app_label in ("content", "wagtailcore", "wagtailadmin", "wagtailimages", "wagtaildocs"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    HomePage = apps.get_model("content", "HomePage")

    home = HomePage.objects.first()
    root_collection = Collection.objects.filter(depth=1).first()
    roles = [
        (EDITORS, EDITOR_MODEL_PERMISSIONS, EDITOR_PAGE_PERMISSIONS),
        (REVIEWERS, REVIEWER_MODEL_PERMISSIONS, REVIEWER_PAGE_PERMISSIONS),
    ]
    groups = {}
    for name, model_permissions, page_permissions in roles:
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*[_permission(Permission, *perm) for perm in model_permissions])
        if home is not None:
            for codename in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=home.pk, permission=_permission(Permission, "wagtailcore", codename)
                )
        if root_collection is not None:
            for app_label, codename in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(Permission, app_label, codename),
                )

    if Workflow.objects.filter(name=WORKFLOW).exists():
        return
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    task_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0]
    task = GroupApprovalTask.objects.create(name=TASK, active=True, content_type=task_type)
    task.groups.add(groups[REVIEWERS])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if home is not None:
        WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_home_page_and_site"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
