"""机构与人员 in the admin: editors keep departments, windows, staff and duty days up to date."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from content.models import Department, LeaderDuty, StaffMember, Window
from content.permissions import EDITORS_GROUP

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/content/"


@pytest.fixture
def editor_client(client):
    editor = get_user_model().objects.create_user(username="editor", password="x-test-password")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    return client


@pytest.fixture
def organisation():
    civil = Department.objects.create(name="民政办", slug="minzhengban")
    police = Department.objects.create(name="派出所户籍室", slug="paichusuohujishi")
    Window.objects.create(name="3号窗口", department=civil)
    Window.objects.create(name="1号窗口", department=police)
    leader = StaffMember.objects.create(name="郑主任", post="中心主任", is_leader=True)
    StaffMember.objects.create(name="陈静", post="民政窗口A岗", department=civil)
    LeaderDuty.objects.create(date=datetime.date(2026, 11, 23), leader=leader)
    return civil


def test_editor_finds_staff_by_chinese_name(editor_client, organisation):
    html = editor_client.get(f"{ADMIN}staffmember/", {"q": "陈静"}).content.decode()
    assert "民政窗口A岗" in html
    assert "中心主任" not in html


def test_editor_filters_windows_by_department(editor_client, organisation):
    html = editor_client.get(f"{ADMIN}window/", {"department": organisation.pk}).content.decode()
    assert "3号窗口" in html and "1号窗口" not in html


def test_editor_adds_a_leader_duty_day(editor_client, organisation):
    leader = StaffMember.objects.get(is_leader=True)
    response = editor_client.post(
        f"{ADMIN}leaderduty/add/", {"date": "2026-11-24", "leader": leader.pk, "note": "全天"}
    )
    assert response.status_code == 302
    assert LeaderDuty.objects.filter(date=datetime.date(2026, 11, 24), leader=leader).exists()


def test_admin_menu_groups_organisation_snippets_under_a_chinese_label(editor_client, organisation):
    html = editor_client.get("/admin/").content.decode()
    # The sidebar is drawn from JSON props, where Chinese is escaped as \uXXXX.
    for label in ("机构与人员", "预公开意见审核"):
        assert json.dumps(label)[1:-1] in html
