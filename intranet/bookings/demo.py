"""Demo bookings and 代办/上门 requests: a timetable for every window that has guides, a few
bookings over the next working days (one already arrived and turned into a case), and three
requests (new, arranged, turned into a case). Personal data is visibly fictional (演示 names,
199 0000 phones). Listed in settings.DEMO_LOADERS after the cases demo."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from content.models import ServiceGuidePage, Window
from intranet.bookings import schedule
from intranet.bookings.models import BookingSlot, ServiceRequest, save_with_new_code

TIMETABLE = [(dt.time(9, 0), dt.time(10, 0)), (dt.time(10, 0), dt.time(11, 0))]
TIMETABLE += [(dt.time(14, 30), dt.time(15, 30)), (dt.time(15, 30), dt.time(16, 30))]
CAPACITY = 3


def is_loaded():
    return BookingSlot.objects.exists()


def load(stdout=None):
    """Load once; return False when already there or the center has no guides or staff."""
    if is_loaded():
        return False
    guides = list(
        ServiceGuidePage.objects.live().public().filter(window__isnull=False).order_by("title")
    )
    User = get_user_model()
    staff = list(User.objects.filter(username__startswith="staff").order_by("username"))
    if not guides or not staff:
        return False
    with transaction.atomic():
        windows = Window.objects.filter(pk__in={g.window_id for g in guides})
        BookingSlot.objects.bulk_create(
            BookingSlot(window=w, weekday=d, start=s, end=e, capacity=CAPACITY)
            for w in windows
            for d in range(5)
            for s, e in TIMETABLE
        )
        today = timezone.localdate()
        made = []
        for n, guide in enumerate(guides[:6]):
            day, slot, _free = schedule.free_choices(guide.window, today)[n % 4]
            made.append(
                schedule.book(guide, slot.pk, day, f"李演示{n + 1:03d}", f"1990000{n + 1:04d}")
            )
        schedule.arrive(made[0], staff[0])
        requests = [
            (ServiceRequest.Kind.HOME, ServiceRequest.Requester.ELDERLY, "张演示101", "高龄津贴"),
            (
                ServiceRequest.Kind.AGENCY,
                ServiceRequest.Requester.DISABLED,
                "王演示102",
                "残疾人证",
            ),
            (
                ServiceRequest.Kind.AGENCY,
                ServiceRequest.Requester.VILLAGE,
                "示范村（演示）",
                "医保参保",
            ),
        ]
        created = []
        for n, (kind, requester, name, matter) in enumerate(requests):
            service_request = ServiceRequest(
                kind=kind,
                requester=requester,
                guide=guides[n % len(guides)],
                matter=f"申请{matter}，行动不便，请帮忙办理。",
                name=name,
                phone=f"1990000{n + 101:04d}",
                address=f"示范镇示范村{n + 1}组",
            )
            save_with_new_code(service_request, "DB")
            created.append(service_request)
        schedule.arrange(created[1], staff[0], staff[0], today + dt.timedelta(days=1))
        schedule.arrange(created[2], staff[0], staff[-1], today)
        schedule.request_to_case(created[2], staff[0], created[2].guide.window)
    if stdout:
        stdout.write("预约与代办/上门示范数据：6 个预约、3 个代办/上门申请。")
    return True
