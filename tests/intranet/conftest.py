"""Fixtures for the intranet: a window, a complaint, a study session, a disclosure (the users,
one per role, and the center are in tests/builders.py)."""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from content.models import StaffMember, Window
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
