"""A small center for the case tests: one department, two windows, three guides (a 承诺件 with
materials, a 即办件, a private one), an announcement board, staff profiles with an A/B pair."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from content.models import (
    AnnouncementIndexPage,
    Department,
    DepartmentSectionPage,
    GuideMaterial,
    ServiceCatalogPage,
    StaffMember,
    Window,
)
from intranet import roles
from intranet.cases import workflow
from intranet.cases.models import Case, FirstContact
from intranet.study.models import LeaveRequest, StudyPlan, StudySession
from tests.content.conftest import add_guide, build_center_settings, portal_home
from tests.intranet.conftest import make_user


@pytest.fixture
def center(db, users):
    home = portal_home()
    build_center_settings()
    civil = Department.objects.create(name="民政办", slug="minzheng", sort_order=1)
    lead = Window.objects.create(name="综合窗口3号", department=civil)
    partner = Window.objects.create(name="综合窗口5号", department=civil)
    catalog = home.add_child(instance=ServiceCatalogPage(title="办事指南", slug="guides"))
    section = catalog.add_child(
        instance=DepartmentSectionPage(title="民政办", slug="minzheng", department=civil)
    )
    promised = add_guide(
        section, title="残疾人证申领", code="MZ-0003", department=civil, window=lead
    )
    for order, name in enumerate(["居民身份证", "户口簿", "近期免冠照片"]):
        GuideMaterial.objects.create(page=promised, name=name, sort_order=order)
    immediate = add_guide(
        section,
        title="高龄津贴申请",
        code="MZ-0007",
        department=civil,
        window=lead,
        promised_days=0,
    )
    private = add_guide(
        section,
        title="最低生活保障申请",
        code="MZ-0010",
        department=civil,
        window=lead,
        announce_completions=False,
    )
    board = home.add_child(instance=AnnouncementIndexPage(title="办结公告", slug="notices"))
    board.save_revision().publish()
    a_post = StaffMember.objects.create(
        name="王芳", post="窗口人员", window=lead, user=users["staff"]
    )
    b_user = make_user("bpost", roles.WINDOW_STAFF, name="赵敏")
    b_post = StaffMember.objects.create(name="赵敏", post="窗口人员", window=partner, user=b_user)
    a_post.backup = b_post
    a_post.save()
    return SimpleNamespace(
        home=home,
        department=civil,
        lead=lead,
        partner=partner,
        promised=promised,
        immediate=immediate,
        private=private,
        board=board,
        b_user=b_user,
    )


def new_case(center, users, guide=None, today=None, accept_now=True, **fields):
    data = {
        "guide": guide or center.promised,
        "window": center.lead,
        "handler": users["staff"],
        "applicant_name": "测试甲",
        "id_number": "110101199001011234",
        "phone": "13800001234",
        "address": "示范镇示范村1号",
        "channel": Case.Channel.WINDOW,
    }
    data.update(fields)
    return workflow.receive(
        Case(**data), users["staff"], accept_now=accept_now, today=today or timezone.localdate()
    )


@pytest.fixture
def case(center, users):
    return new_case(center, users)


def approve_leave(user, day, host):
    plan, _created = StudyPlan.objects.get_or_create(year=day.year, defaults={"title": "计划"})
    session = StudySession.objects.create(
        plan=plan,
        date=day,
        start_time=dt.time(9),
        end_time=dt.time(10),
        topic="业务学习",
        kind=StudySession.Kind.BUSINESS,
        host=host,
        place="会议室",
    )
    return LeaveRequest.objects.create(
        session=session,
        user=user,
        kind=LeaveRequest.Kind.PERSONAL,
        reason="病假",
        status=LeaveRequest.Status.APPROVED,
    )


@pytest.fixture
def case_objects(center, users):
    """One of everything a case URL can point at, all belonging to 'staff'."""
    case = new_case(center, users)
    refused = new_case(center, users)
    filing = workflow.refuse(refused, users["staff"], "不符合条件", "《办法》第八条")
    rated = new_case(center, users)
    workflow.complete(rated, users["staff"], "granted", "准予")
    rating = workflow.rate(rated, 1, "态度差")
    contact = FirstContact.objects.create(
        recorded_by=users["staff"],
        kind=FirstContact.Kind.ENQUIRY,
        matter="咨询残疾人证办理材料",
        action_taken="已当场解答",
    )
    return SimpleNamespace(case=case, filing=filing, follow_up=rating.follow_up, contact=contact)
