"""Many citizens press 提交预约 at once for the same slot on a real PostgreSQL: the slot takes
exactly as many as its capacity, and everyone else is told it is full."""

import pytest

from intranet.bookings import schedule
from intranet.bookings.models import Booking
from tests.builders import first_bookable_day
from tests.postgres.test_concurrency import run_in_parallel

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_parallel_bookings_never_exceed_the_slot_capacity(postgres_url, center, slots):
    day = first_bookable_day()
    slot = slots[schedule.weekday_of(day)][0]  # two places

    def book(index):
        return schedule.book(center.promised, slot.pk, day, f"测试{index}", f"138000{index:05d}")

    results, errors = run_in_parallel(8, book)
    assert sum(r is not None for r in results) == slot.capacity
    assert all(isinstance(e, schedule.BookingError) for e in errors if e is not None)
    assert Booking.objects.filter(slot=slot, date=day).count() == slot.capacity


def test_parallel_arrival_clicks_make_one_case(postgres_url, booking_objects, users):
    def arrive(index):
        return schedule.arrive(Booking.objects.get(pk=booking_objects.booking.pk), users["staff"])

    results, _errors = run_in_parallel(4, arrive)
    assert sum(r is not None for r in results) == 1
    booking_objects.booking.refresh_from_db()
    assert booking_objects.booking.case is not None
