"""Intranet demo data of the demo county's other centers (content/demo/county.py): each
township's head and window staff accounts, linked to its roster, and a complaint or two made
to it. Listed in settings.DEMO_LOADERS after ``content.demo.county.load``."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from centers.models import Center, Membership
from content.demo.county import PASSWORD, TOWNSHIPS
from content.models import StaffMember
from intranet import roles
from intranet.calendar.workdays import WorkCalendar
from intranet.complaints.models import Complaint, ComplaintEvent

COMPLAINTS = {
    "dongling": [
        ("online", "申请高龄津贴时综合窗口说要村里再开证明，办事指南上没有这一项。"),
        ("phone", "中午十二点前到中心，窗口已经不办理了。"),
    ],
    "xishan": [("written", "林木采伐初审等了两周还没有人来现场查验。")],
}


def is_loaded():
    return get_user_model().objects.filter(username=f"{TOWNSHIPS[0]['code']}-head").exists()


def load(stdout=None):
    """Load once, after the county's content; False when it is there (or no county yet)."""
    codes = [spec["code"] for spec in TOWNSHIPS]
    if is_loaded() or not Center.objects.filter(code__in=codes).exists():
        return False
    groups = {
        key: Group.objects.get_or_create(name=name)[0] for key, name in roles.GROUP_NAMES.items()
    }
    calendar = WorkCalendar.load()
    with transaction.atomic():
        for center in Center.objects.filter(code__in=codes):
            leader = StaffMember.objects.filter(center=center, is_leader=True).first()
            clerk = StaffMember.objects.filter(center=center, is_leader=False).first()
            _account(f"{center.code}-head", leader, center, groups[roles.HEAD])
            staff = _account(f"{center.code}-staff", clerk, center, groups[roles.WINDOW_STAFF])
            for number, (channel, text) in enumerate(COMPLAINTS.get(center.code, []), start=1):
                recorder = None if channel == "online" else staff
                _complaint(center, channel, text, clerk, recorder, calendar, days_ago=number * 2)
    if stdout is not None:
        stdout.write(
            "示范县各乡镇内网账号（密码均为 "
            + PASSWORD
            + "）："
            + "、".join(
                f"{code}-head（中心负责人）、{code}-staff（窗口工作人员）" for code in codes
            )
        )
    return True


def _account(username, member, center, group):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=member.name
    )
    user.groups.add(group)
    Membership.objects.create(user=user, center=center)
    StaffMember.objects.filter(pk=member.pk).update(user=user)
    return user


def _complaint(center, channel, text, member, recorded_by, calendar, days_ago):
    received = timezone.now() - dt.timedelta(days=days_ago)
    complaint = Complaint(
        center=center,
        channel=channel,
        received_at=received,
        content=text,
        complainant_name="张女士",
        complainant_phone="13900000000",
        target_window=member.window,
        recorded_by=recorded_by,
        complexity="simple",
    )
    complaint.set_deadline(calendar)
    complaint.save_with_new_code()
    ComplaintEvent.objects.create(
        complaint=complaint,
        action="收到投诉",
        public_text="您的投诉已收到，我们将按规定时限处理。",
        is_public=True,
        at=received,
    )
