"""An install with data from before centers keeps it all, in the one center the migrations
make for it (on PostgreSQL too, where filling a foreign key and making it required in one
transaction is refused while the key's checks are still pending)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from centers.models import Center
from content.models import Department, StaffMember, Window
from intranet.complaints.models import Complaint

BEFORE = [
    ("content", "0012_main_menu_from_pages"),
    ("complaints", "0001_moved_from_intranet"),
]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_departments_and_complaints_join_the_one_center():
    old_apps = migrate([*BEFORE, ("centers", None)]).loader.project_state(BEFORE).apps
    department = old_apps.get_model("content", "Department").objects.create(
        name="民政办", slug="minzheng"
    )
    window = old_apps.get_model("content", "Window").objects.create(
        name="3号窗口", department_id=department.pk
    )
    shared_window = old_apps.get_model("content", "Window").objects.create(name="综合窗口")
    leader = old_apps.get_model("content", "StaffMember").objects.create(name="郑建国", post="主任")
    complaint = old_apps.get_model("complaints", "Complaint").objects.create(
        code="TS-2026-ABCDEF", channel="phone", content="窗口无人。", deadline="2026-12-01"
    )

    migrate()

    center = Center.objects.get()
    assert Department.objects.get(pk=department.pk).center == center
    assert Complaint.objects.get(pk=complaint.pk).center == center
    assert Window.objects.get(pk=window.pk).center == center
    assert Window.objects.get(pk=shared_window.pk).center == center
    assert StaffMember.objects.get(pk=leader.pk).center == center
