"""Fixtures for the intranet: one user per role, a window, a complaint, a study session, a disclosure."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from content.models import StaffMember, Window
from intranet import roles
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint, DeadlineExtension
from intranet.disclosures.models import Disclosure, DisclosureAttachment
from intranet.study.models import LeaveRequest, StudyPlan, StudySession

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def make_user(username, *role_keys, name=""):
    user = get_user_model().objects.create_user(
        username=username, password="pw-123456", first_name=name or username
    )
    for key in role_keys:
        user.groups.add(Group.objects.get(name=roles.GROUP_NAMES[key]))
    return user


@pytest.fixture
def users(db):
    """One user per role; 'staff' handles the complaint, 'other_staff' has nothing to do with it."""
    return {
        "staff": make_user("staff1", roles.WINDOW_STAFF, name="王芳"),
        "other_staff": make_user("staff2", roles.WINDOW_STAFF, name="李强"),
        "head": make_user("head", roles.HEAD, name="郑建国"),
        "inspector": make_user("inspector", roles.INSPECTOR, name="孙卫东"),
        "editor": make_user("editor", roles.EDITOR, name="编辑"),
        "admin": make_user("sysadmin", roles.ADMIN, name="管理员"),
    }


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def clients(users):
    out = {key: client_for(u) for key, u in users.items()}
    out["anonymous"] = Client()
    return out


@pytest.fixture
def window(db):
    return Window.objects.create(name="1号窗口（户籍）")


@pytest.fixture
def complaint(users, window):
    """An accepted complaint with the complainant's name and phone, handled by 'staff'."""
    c = Complaint(
        channel=Complaint.Channel.ONLINE,
        content="窗口工作人员态度生硬，没有一次性告知所需材料。",
        complainant_name="张三丰",
        complainant_phone="13900001111",
        target_window=window,
    )
    complaint_workflow.receive(c, [SimpleUploadedFile("photo.png", PNG, content_type="image/png")])
    c.category = Complaint.Category.ATTITUDE
    c.method = Complaint.Method.DIRECT
    c.handler = users["staff"]
    complaint_workflow.triage(c, users["head"], accepted=True)
    return c


@pytest.fixture
def extension(complaint, users):
    return DeadlineExtension.objects.create(
        complaint=complaint,
        requested_by=users["staff"],
        extra_working_days=3,
        reason="需要调取监控",
    )


@pytest.fixture
def plan(db):
    return StudyPlan.objects.create(year=timezone.localdate().year, title="年度学习计划")


def session_around_now(host, started_minutes_ago=20, topic="业务学习"):
    """A session running now (kept within today so that it never crosses midnight)."""
    now = timezone.localtime()
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    start = max(now - dt.timedelta(minutes=started_minutes_ago), day_start)
    end = min(
        now + dt.timedelta(minutes=60), now.replace(hour=23, minute=59, second=59, microsecond=0)
    )
    return StudySession.objects.create(
        plan=StudyPlan.objects.get_or_create(
            year=now.year, defaults={"title": f"{now.year}年学习计划"}
        )[0],
        date=now.date(),
        start_time=start.time().replace(microsecond=0),
        end_time=end.time(),
        topic=topic,
        kind=StudySession.Kind.BUSINESS,
        host=host,
        place="三楼会议室",
    )


@pytest.fixture
def future_session(users):
    """Tomorrow's session hosted by the head, with a material file."""
    start = timezone.localtime().replace(hour=16, minute=0, second=0, microsecond=0) + dt.timedelta(
        days=1
    )
    session = StudySession.objects.create(
        plan=StudyPlan.objects.get_or_create(year=start.year, defaults={"title": "学习计划"})[0],
        date=start.date(),
        start_time=dt.time(16, 0),
        end_time=dt.time(17, 30),
        topic="政策法规学习",
        kind=StudySession.Kind.LAW,
        host=users["head"],
        place="三楼会议室",
    )
    session.material_file.save("material.pdf", io.BytesIO(PDF))
    return session


@pytest.fixture
def leave(future_session, users):
    return LeaveRequest.objects.create(
        session=future_session, user=users["staff"], kind=LeaveRequest.Kind.TRIP, reason="县里开会"
    )


@pytest.fixture
def disclosure(users):
    item = Disclosure.objects.create(
        title="第三季度财务收支",
        category=Disclosure.Category.FINANCE,
        body="支出明细……",
        created_by=users["head"],
    )
    att = DisclosureAttachment(disclosure=item, original_name="明细.pdf")
    att.file.save("detail.pdf", io.BytesIO(PDF))
    return item


@pytest.fixture
def staff_member(users, window):
    return StaffMember.objects.create(
        name="王芳", post="户籍窗口A岗", window=window, user=users["staff"]
    )
