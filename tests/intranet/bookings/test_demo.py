"""The bookings demo: a timetable, bookings (one arrived as a case) and 代办/上门 requests."""

import pytest
from django.core.management import call_command

from intranet.bookings.models import Booking, BookingSlot, ServiceRequest

pytestmark = pytest.mark.django_db


def test_demo_loads_bookings_and_requests_once(settings):
    settings.DEMO_LOADERS = [
        "content.demo.load",
        "intranet.demo.load",
        "intranet.bookings.demo.load",
    ]
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert BookingSlot.objects.exists()
    assert Booking.objects.count() == 6
    arrived = Booking.objects.get(state=Booking.State.ARRIVED)
    assert arrived.case.channel == "online"
    assert set(ServiceRequest.objects.values_list("state", flat=True)) == {
        "new",
        "scheduled",
        "converted",
    }
    assert ServiceRequest.objects.get(state="converted").case.channel == "agency"
    assert all("演示" in name for name in Booking.objects.values_list("name", flat=True))
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Booking.objects.count() == 6
