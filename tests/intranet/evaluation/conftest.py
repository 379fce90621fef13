"""A fixed month of data for the evaluation: two windows, two staff, cases, complaints, a study
roll. Records are written directly (not through the workflows) so that dates are exact."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from content.models import Department, StaffMember, Window
from intranet import roles
from intranet.cases.models import Case
from intranet.complaints.models import Complaint
from tests.builders import make_user

TZ = None


def local(y, m, d, h=10, minute=0):
    return timezone.make_aware(dt.datetime(y, m, d, h, minute), timezone.get_current_timezone())


@pytest.fixture
def shop(db, users):
    dept = Department.objects.create(name="民政办", slug="minzheng", sort_order=1)
    w3 = Window.objects.create(name="综合窗口3号", department=dept)
    w5 = Window.objects.create(name="综合窗口5号", department=dept)
    StaffMember.objects.create(name="王芳", post="窗口人员", window=w3, user=users["staff"])
    StaffMember.objects.create(name="李强", post="窗口人员", window=w5, user=users["other_staff"])
    return SimpleNamespace(w3=w3, w5=w5, staff=users["staff"], other=users["other_staff"])


_seq = iter(range(10_000, 99_999))


def case(shop, *, window=None, handler=None, received_at, **fields):
    n = next(_seq)
    data = {
        "receipt_number": f"BJ-T-{n}",
        "phone_last4": "1234",
        "matter": "残疾人证申领",
        "window": window or shop.w3,
        "first_contact": handler or shop.staff,
        "handler": handler or shop.staff,
        "applicant_name": "测试甲",
        "phone": "13800001234",
        "channel": Case.Channel.WINDOW,
        "kind": Case.Kind.PROMISED,
        "promised_days": 5,
        "received_at": received_at,
    }
    data.update(fields)
    return Case.objects.create(**data)


def complaint(shop, *, category, outcome, closed_at, window=None, staff_member=None, **fields):
    n = next(_seq)
    return Complaint.objects.create(
        code=f"TS-T-{n}",
        channel=Complaint.Channel.ONLINE,
        content="测试投诉",
        received_at=closed_at - dt.timedelta(days=3),
        deadline=closed_at.date(),
        status=Complaint.Status.CLOSED,
        category=category,
        outcome=outcome,
        closed_at=closed_at,
        target_window=window or shop.w3,
        target_staff=staff_member,
        **fields,
    )


def extra_staff(username, name):
    return make_user(username, roles.WINDOW_STAFF, first_name=name)
