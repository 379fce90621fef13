"""A database made before departments were linked to their editors group keeps its editors."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from content.models import Department
from content.permissions import department_editors_group

BEFORE = [("content", "0010_notices")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_department_editors_groups_are_linked_to_their_departments():
    old_apps = migrate(BEFORE).loader.project_state(BEFORE).apps
    OldDepartment = old_apps.get_model("content", "Department")
    OldGroup = old_apps.get_model("auth", "Group")
    civil = OldDepartment.objects.create(name="民政办", slug="minzheng")
    justice = OldDepartment.objects.create(name="司法所", slug="sifa")
    civil_editors = OldGroup.objects.create(name="民政办编辑")
    OldGroup.objects.create(name="派出所户籍室编辑")

    migrate()

    assert department_editors_group(Department.objects.get(pk=civil.pk)).pk == civil_editors.pk
    assert department_editors_group(Department.objects.get(pk=justice.pk)) is None
