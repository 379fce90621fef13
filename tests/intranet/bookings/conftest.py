"""A center with a bookable timetable: the cases test center plus slots on every weekday at its
lead window, and helpers to find the next bookable day."""

import datetime as dt
from types import SimpleNamespace

import pytest

from intranet.bookings import schedule
from intranet.bookings.models import BookingSlot, ServiceRequest, save_with_new_code
from tests.intranet.cases.conftest import center  # noqa: F401 (fixture)


@pytest.fixture
def slots(center):  # noqa: F811
    """Two slots a day at the lead window: 09:00–10:00 for two citizens, 14:30–15:30 for one."""
    made = {}
    for weekday in range(5):
        made[weekday] = (
            BookingSlot.objects.create(
                window=center.lead,
                weekday=weekday,
                start=dt.time(9),
                end=dt.time(10),
                capacity=2,
            ),
            BookingSlot.objects.create(
                window=center.lead,
                weekday=weekday,
                start=dt.time(14, 30),
                end=dt.time(15, 30),
                capacity=1,
            ),
        )
    return made


def first_day():
    return schedule.bookable_days()[0]


@pytest.fixture
def booking_objects(center, slots, users):  # noqa: F811
    """A booking and a 代办 request, for the URL walk."""
    day = first_day()
    booking = schedule.book(
        center.promised, slots[schedule.weekday_of(day)][0].pk, day, "测试甲", "13800001234"
    )
    service_request = ServiceRequest(
        kind=ServiceRequest.Kind.AGENCY,
        requester=ServiceRequest.Requester.ELDERLY,
        guide=center.immediate,
        matter="申请高龄津贴",
        name="测试乙",
        phone="13800005678",
        address="示范镇示范村2号",
    )
    save_with_new_code(service_request, "DB")
    return SimpleNamespace(booking=booking, slot=slots[0][0], request=service_request, day=day)
