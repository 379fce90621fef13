"""审核把关: editors' changes stay private until a reviewer approves; department editors keep to their section."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from content.models import (
    AnnouncementIndexPage,
    Department,
    DepartmentSectionPage,
    HomePage,
    ServiceGuidePage,
)
from content.permissions import EDITORS_GROUP, REVIEWERS_GROUP, department_editors_group
from tests.builders import make_user
from tests.fixtures.catalog import GOOD, catalog_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides():
    catalog_page()
    call_command("import_catalog", str(GOOD), stdout=io.StringIO())
    return ServiceGuidePage.objects.all()


def public_name(client, code):
    records = json.loads(client.get("/api/v1/catalog/").content)
    return {record["code"]: record["name"] for record in records}.get(code)


def test_every_page_under_home_needs_the_reviewers_approval(guides):
    home = HomePage.objects.get()
    for page in [home, *guides]:
        workflow = page.get_workflow()
        assert workflow.name == "审核发布"
        [task] = workflow.tasks.specific()
        assert list(task.groups.values_list("name", flat=True)) == [REVIEWERS_GROUP]


def test_editors_may_edit_but_not_publish_and_reviewers_may_publish(guides):
    editor = make_user("editor", EDITORS_GROUP)
    reviewer = make_user("reviewer", REVIEWERS_GROUP)
    guide = guides.first()

    assert guide.permissions_for_user(editor).can_edit()
    assert not guide.permissions_for_user(editor).can_publish()
    assert guide.permissions_for_user(reviewer).can_publish()


def test_editors_change_is_not_public_until_a_reviewer_approves_it(client, guides):
    editor = make_user("editor", EDITORS_GROUP)
    reviewer = make_user("reviewer", REVIEWERS_GROUP)
    guide = guides.get(code="MZ-003")
    old_title = guide.title

    draft = guide.get_latest_revision_as_object()
    draft.title = "高龄津贴申领（新版）"
    draft.save_revision(user=editor)
    workflow_state = draft.get_workflow().start(draft, editor)

    page_html = client.get(guide.url).content.decode()
    assert old_title in page_html and "高龄津贴申领（新版）" not in page_html
    assert public_name(client, "MZ-003") == old_title

    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(guide, reviewer)
    task_state.specific.approve(user=reviewer)

    guide.refresh_from_db()
    assert guide.title == "高龄津贴申领（新版）"
    assert "高龄津贴申领（新版）" in client.get(guide.url).content.decode()
    assert public_name(client, "MZ-003") == "高龄津贴申领（新版）"


def test_rejected_change_never_goes_public(client, guides):
    editor = make_user("editor", EDITORS_GROUP)
    reviewer = make_user("reviewer", REVIEWERS_GROUP)
    guide = guides.get(code="MZ-001")
    draft = guide.get_latest_revision_as_object()
    draft.promised_days = 1
    draft.save_revision(user=editor)
    workflow_state = draft.get_workflow().start(draft, editor)

    workflow_state.current_task_state.specific.reject(user=reviewer)

    guide.refresh_from_db()
    assert guide.promised_days != 1


def test_new_department_section_gets_its_own_editors_group(guides):
    department = Department.objects.create(name="司法所", slug="sifa")
    catalog = catalog_page()
    section = DepartmentSectionPage(title="司法所", slug="sifa", department=department)
    catalog.add_child(instance=section)

    group = department_editors_group(department)
    assert group.name == "司法所编辑"
    assert group.permissions.filter(codename="access_admin").exists()
    codenames = set(
        group.page_permissions.filter(page=section).values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page"}


def test_department_editors_edit_only_their_own_departments_guides_and_sections(guides):
    civil = Department.objects.get(name="民政办")
    civil_editor = make_user("civil", department_editors_group(civil))
    civil_guide = guides.get(code="MZ-001")
    police_guide = guides.get(code="HJ-002")

    assert civil_guide.permissions_for_user(civil_editor).can_edit()
    assert not civil_guide.permissions_for_user(civil_editor).can_publish()
    assert not police_guide.permissions_for_user(civil_editor).can_edit()
    assert not HomePage.objects.get().permissions_for_user(civil_editor).can_edit()

    # The same group also gets the department's announcements section.
    notices = AnnouncementIndexPage(title="办结公告", slug="announcements")
    HomePage.objects.get().add_child(instance=notices)
    civil_notices = DepartmentSectionPage(title="民政办", slug="minzhengban", department=civil)
    notices.add_child(instance=civil_notices)
    civil_editor = get_user_model().objects.get(pk=civil_editor.pk)  # drop cached permissions
    assert civil_notices.permissions_for_user(civil_editor).can_add_subpage()
    assert civil_notices.permissions_for_user(civil_editor).can_edit()


def test_department_editor_is_refused_another_departments_guide_in_the_admin(client, guides):
    civil = Department.objects.get(name="民政办")
    civil_editor = make_user("civil", department_editors_group(civil))
    client.force_login(civil_editor)

    assert client.get(f"/admin/pages/{guides.get(code='MZ-001').pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{guides.get(code='HJ-002').pk}/edit/").status_code == 302


def add_notices_section(department):
    """An announcements section of the department, added after its editors group exists."""
    notices = AnnouncementIndexPage(title="办结公告", slug="announcements")
    HomePage.objects.get().add_child(instance=notices)
    section = DepartmentSectionPage(title="办结公告", slug="notices", department=department)
    notices.add_child(instance=section)
    return section


def test_renaming_a_department_keeps_its_editors_rights(guides):
    civil = Department.objects.get(name="民政办")
    member = make_user("civil", department_editors_group(civil))

    civil.name = "社会事务办"
    civil.save()

    assert not Group.objects.filter(name="民政办编辑").exists()
    assert member.groups.get().name == "社会事务办编辑"
    assert guides.get(code="MZ-001").permissions_for_user(member).can_edit()
    notices = add_notices_section(civil)
    member = get_user_model().objects.get(pk=member.pk)  # drop cached permissions
    assert notices.permissions_for_user(member).can_edit()


def test_department_editors_keep_their_rights_when_their_group_is_renamed(guides):
    civil = Department.objects.get(name="民政办")
    group = department_editors_group(civil)
    member = make_user("civil", group)
    group.name = "民政办网站编辑"
    group.save()

    notices = add_notices_section(civil)

    assert notices.permissions_for_user(member).can_edit()
    assert not Group.objects.filter(name="民政办编辑").exists()


def test_renaming_a_department_to_a_taken_group_name_gives_that_group_nothing(guides):
    civil = Department.objects.get(name="民政办")
    member = make_user("civil", department_editors_group(civil))
    stranger = make_user("stranger", Group.objects.create(name="社会事务办编辑"))

    civil.name = "社会事务办"
    civil.save()
    notices = add_notices_section(civil)

    assert notices.permissions_for_user(member).can_edit()
    assert not notices.permissions_for_user(stranger).can_edit()
    assert not guides.get(code="MZ-001").permissions_for_user(stranger).can_edit()
