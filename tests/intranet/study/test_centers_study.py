"""Study when one install serves several centers (docs/county.md): each center keeps its own
plan, sessions and roll; a foreign id answers 404; county oversight reads every center's
sessions and changes none but its own."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from centers.models import Center
from intranet import roles
from intranet.study.models import Attendance, AttendanceChange, StudyPlan, StudySession
from tests.builders import (
    add_township,
    client_for,
    join_center,
    make_user,
    session_around_now,
    the_existing_center,
)


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


@pytest.fixture
def county(db, working_morning):
    county = the_existing_center()
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    county_head = join_center(make_user("county_head", roles.HEAD), county)
    township_head = join_center(make_user("dongling_head", roles.HEAD), township)
    return {
        "county": county,
        "township": township,
        "county_head": county_head,
        "township_head": township_head,
        "county_staff": join_center(make_user("county_staff", roles.WINDOW_STAFF), county),
        "township_staff": join_center(make_user("dongling_staff", roles.WINDOW_STAFF), township),
        "county_session": session_around_now(county_head, topic="县中心业务学习", center=county),
        "township_session": session_around_now(
            township_head, topic="东岭镇政策学习", center=township
        ),
        # The county center's head, who also oversees the townships.
        "overseer": join_center(
            make_user("county_overseer", roles.HEAD), county, county_oversight=True
        ),
    }


def test_a_centers_plan_lists_only_its_sessions(county):
    listing = client_for(county["township_head"]).get(url("study_plan")).content.decode()
    assert "东岭镇政策学习" in listing
    assert "县中心业务学习" not in listing


@pytest.mark.parametrize(
    "name",
    [
        "study_session",
        "study_session_edit",
        "study_leave",
        "study_roll",
        "study_signin_display",
        "study_note",
        "study_notes",
        "study_material",
    ],
)
def test_another_centers_session_is_not_found(county, name):
    head = client_for(county["township_head"])
    assert head.get(url(name, county["county_session"].pk)).status_code == 404


def test_the_roll_lists_only_the_sessions_centers_staff(county):
    roll = client_for(county["township_head"]).get(url("study_roll", county["township_session"].pk))
    assert "dongling_staff" in roll.content.decode()
    assert "county_staff" not in roll.content.decode()


def test_another_centers_sign_in_code_is_a_wrong_code(county):
    staff = client_for(county["township_staff"])
    response = staff.post(url("study_signin"), {"code": county["county_session"].signin_code})
    assert "签到码无效" in response.content.decode()
    assert not Attendance.objects.filter(user=county["township_staff"]).exists()


def test_county_oversight_reads_a_townships_session_and_roll(county):
    overseer = client_for(county["overseer"])
    pk = county["township_session"].pk
    assert "东岭镇政策学习" in overseer.get(url("study_plan")).content.decode()
    assert overseer.get(url("study_session", pk)).status_code == 200
    roll = overseer.get(url("study_roll", pk)).content.decode()
    assert "dongling_staff" in roll
    # Reading only: no sign-in code to project and no correction form.
    assert county["township_session"].signin_code not in roll
    assert url("study_roll_correct", pk) not in roll


def test_county_oversight_cannot_correct_a_townships_roll(county):
    overseer = client_for(county["overseer"])
    response = overseer.post(
        url("study_roll_correct", county["township_session"].pk),
        {"user": county["township_staff"].pk, "status": "present", "reason": "补登记"},
    )
    assert response.status_code == 404
    assert not Attendance.objects.filter(user=county["township_staff"]).exists()
    assert not AttendanceChange.objects.exists()


def test_county_oversight_cannot_edit_a_townships_session(county):
    overseer = client_for(county["overseer"])
    session = county["township_session"]
    response = overseer.post(url("study_session_edit", session.pk), {"topic": "改过的主题"})
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.topic == "东岭镇政策学习"


def _session_post(plan, host, topic="东岭镇新增学习"):
    day = timezone.localdate() + dt.timedelta(days=3)
    return {
        "plan": plan.pk,
        "date": day.isoformat(),
        "start_time": "15:00",
        "end_time": "16:30",
        "topic": topic,
        "kind": "business",
        "host": host.pk,
        "place": "二楼会议室",
        "materials": "",
    }


def test_a_session_arranged_by_a_townships_head_belongs_to_the_township(county):
    head = county["township_head"]
    plan = county["township_session"].plan
    response = client_for(head).post(url("study_session_new"), _session_post(plan, head))
    assert response.status_code == 302
    assert StudySession.objects.get(topic="东岭镇新增学习").center == county["township"]


def test_the_session_form_offers_only_the_centers_plans_and_hosts(county):
    form = client_for(county["township_head"]).get(url("study_session_new")).context["form"]
    assert list(form.fields["plan"].queryset) == [county["township_session"].plan]
    hosts = set(form.fields["host"].queryset)
    assert county["township_staff"] in hosts
    assert county["county_staff"] not in hosts


@pytest.mark.parametrize("foreign", ["plan", "host"])
def test_another_centers_plan_or_host_is_refused(county, foreign):
    head = county["township_head"]
    data = _session_post(county["township_session"].plan, head)
    data[foreign] = {
        "plan": county["county_session"].plan.pk,
        "host": county["county_staff"].pk,
    }[foreign]
    response = client_for(head).post(url("study_session_new"), data)
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert not StudySession.objects.filter(topic="东岭镇新增学习").exists()


def test_each_center_keeps_its_own_plan_for_a_year(county):
    year = timezone.localdate().year
    assert set(StudyPlan.objects.filter(year=year).values_list("center", flat=True)) == {
        county["county"].pk,
        county["township"].pk,
    }


def test_an_account_without_a_center_cannot_arrange_a_session_once_there_are_several(county):
    unassigned = client_for(make_user("unassigned", roles.HEAD))
    assert unassigned.get(url("study_session_new")).status_code == 403
    assert "县中心业务学习" not in unassigned.get(url("study_plan")).content.decode()


BEFORE = [("study", "0001_moved_from_intranet")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_study_plans_and_sessions_join_the_one_center():
    old_apps = _migrate([*BEFORE, ("centers", None)]).loader.project_state(BEFORE).apps
    host = old_apps.get_model("auth", "User").objects.create(username="old-host")
    plan = old_apps.get_model("study", "StudyPlan").objects.create(year=2025, title="2025年计划")
    session = old_apps.get_model("study", "StudySession").objects.create(
        plan=plan,
        date=dt.date(2025, 3, 5),
        start_time=dt.time(15),
        end_time=dt.time(16),
        topic="旧的学习",
        kind="law",
        host=host,
        place="会议室",
        signin_code="123456",
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    # The restore after this test looks content types up: leave their cache warm.
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*StudySession._meta.apps.get_models())

    center = Center.objects.get()
    assert StudyPlan.objects.get(pk=plan.pk).center == center
    assert StudySession.objects.get(pk=session.pk).center == center
