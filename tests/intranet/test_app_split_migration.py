"""A database made before the intranet was split into domain apps keeps its rows and grants.

The database is migrated back to the schema of the last migrations before the split
(intranet 0004, none of the domain apps, nor what depends on them), filled through the models as they were
then, and migrated forward again; the rows must then read through the new apps' models, and a
group's permissions on a moved model must still be granted. Runs on SQLite, and on PostgreSQL
when TEST_DATABASE_URL is set.
"""

import datetime as dt

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from intranet.calendar.models import CalendarDay
from intranet.calendar.workdays import WorkCalendar
from intranet.cases.models import FirstContact
from intranet.complaints.models import Complaint
from intranet.disclosures.models import Disclosure
from intranet.study.models import StudySession

BEFORE_SPLIT = [
    ("intranet", "0004_complaint_online_reply_and_notices"),
    ("complaints", None),
    ("study", None),
    ("disclosures", None),
    ("workcalendar", None),
]
HOLIDAY = dt.date(2030, 10, 1)


def _applied_state(executor):
    """The models as the applied migrations (and only they) describe them."""
    graph = executor.loader.graph
    applied = {node for node in executor.loader.applied_migrations if node in graph.node_map}
    leaves = [node for node in applied if not graph.node_map[node].children & applied]
    return executor.loader.project_state(leaves).apps


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()


def _fill_old_schema(apps):
    """Rows of every moved domain, written through the models as they were before the split."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    names = "Complaint ComplaintEvent StudyPlan StudySession Attendance Disclosure DisclosureRead"
    old = {name: apps.get_model("intranet", name) for name in [*names.split(), "CalendarDay"]}
    staff = User.objects.create(username="split-staff", first_name="王")
    complaint = old["Complaint"].objects.create(
        code="TS-2030-SPLIT2",
        channel="online",
        content="窗口人员态度生硬",
        deadline=dt.date(2030, 9, 30),
        handler=staff,
    )
    old["ComplaintEvent"].objects.create(
        complaint=complaint, action="收到投诉", public_text="您的投诉已收到", is_public=True
    )
    old["ComplaintEvent"].objects.create(
        complaint=complaint, action="内部备注", internal_note="核实"
    )
    apps.get_model("cases", "FirstContact").objects.create(
        recorded_by=staff,
        matter="投诉窗口",
        kind="complaint",
        action_taken="已登记",
        complaint=complaint,
    )
    plan = old["StudyPlan"].objects.create(year=2030, title="2030年学习计划")
    session = old["StudySession"].objects.create(
        plan=plan,
        date=dt.date(2030, 3, 5),
        start_time=dt.time(16, 0),
        end_time=dt.time(17, 0),
        topic="拆分前的学习",
        kind="business",
        host=staff,
        place="会议室",
        signin_code="424242",
    )
    old["Attendance"].objects.create(session=session, user=staff, status="late")
    audience = apps.get_model("auth", "Group").objects.get(name="窗口工作人员")
    disclosure = old["Disclosure"].objects.create(
        title="拆分前的公开事项", category="finance", body="收支情况", created_by=staff
    )
    disclosure.audience_groups.add(audience)
    old["DisclosureRead"].objects.create(disclosure=disclosure, user=staff)
    old["CalendarDay"].objects.create(date=HOLIDAY, kind="holiday", name="国庆节")

    Permission = apps.get_model("auth", "Permission")
    readers = apps.get_model("auth", "Group").objects.create(name="投诉查阅（迁移测试）")
    readers.permissions.add(
        Permission.objects.get(
            content_type__app_label="intranet",
            content_type__model="complaint",
            codename="view_complaint",
        )
    )
    staff.groups.add(readers)
    ContentTypeThen = apps.get_model("contenttypes", "ContentType")
    return ContentTypeThen.objects.get(app_label="intranet", model="complaint").id


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_and_grants_made_before_the_app_split_survive_it():
    _migrate(BEFORE_SPLIT)
    old_content_type_id = _fill_old_schema(_applied_state(MigrationExecutor(connection)))

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    # Cache the content types under their current labels at once: the next serialized test
    # restores its rows through signal handlers that look content types up, and a cold cache
    # would create them anew under other ids in the middle of the restore.
    ContentType.objects.get_for_models(*django_apps.get_models(), for_concrete_models=False)

    complaint = Complaint.objects.get(code="TS-2030-SPLIT2")
    assert complaint.content == "窗口人员态度生硬"
    assert complaint.handler.username == "split-staff"
    assert [e.action for e in complaint.events.all()] == ["收到投诉", "内部备注"]
    assert FirstContact.objects.get(matter="投诉窗口").complaint == complaint

    session = StudySession.objects.get(topic="拆分前的学习")
    assert session.plan.year == 2030
    assert [(a.user.username, a.status) for a in session.attendances.all()] == [
        ("split-staff", "late")
    ]

    disclosure = Disclosure.objects.get(title="拆分前的公开事项")
    assert [g.name for g in disclosure.audience_groups.all()] == ["窗口工作人员"]
    assert disclosure.reads.get().user.username == "split-staff"

    assert CalendarDay.objects.get(date=HOLIDAY).name == "国庆节"
    assert not WorkCalendar.load().is_working_day(HOLIDAY)

    # The same content type, relabelled: grants made on it before the split still hold.
    assert ContentType.objects.get_for_model(Complaint).id == old_content_type_id
    staff = get_user_model().objects.get(username="split-staff")
    assert staff.has_perm("complaints.view_complaint")
    admins = Group.objects.get(name="系统管理员")
    assert admins.permissions.filter(
        content_type__app_label="workcalendar", codename="change_calendarday"
    ).exists()
    assert admins.permissions.filter(
        content_type__app_label="study", codename="add_studysession"
    ).exists()
    assert not ContentType.objects.filter(
        app_label="intranet", model__in=["complaint", "studysession", "calendarday"]
    ).exists()
