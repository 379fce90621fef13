"""预约办理: the citizen books a free slot on a working day, gets a code, can cancel; capacity
holds; holidays have no slots and adjusted working weekends do."""

import datetime as dt

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from intranet.bookings import schedule
from intranet.bookings.models import Booking
from intranet.calendar.models import CalendarDay
from tests.builders import first_bookable_day

pytestmark = pytest.mark.django_db

BOOK_URL = reverse("bookings:booking_new")


def choice(day, slot):
    return f"{day.isoformat()}|{slot.pk}"


def post_booking(client, center, day, slot, name="测试甲", phone="13800001234"):
    return client.post(
        f"{BOOK_URL}?guide={center.promised.pk}",
        {"choice": choice(day, slot), "name": name, "phone": phone},
    )


def test_citizen_books_a_slot_and_sees_the_code_on_the_confirmation(center, slots):
    client = Client()
    day = first_bookable_day()
    slot = slots[schedule.weekday_of(day)][0]
    page = client.get(f"{BOOK_URL}?guide={center.promised.pk}")
    assert choice(day, slot) in page.content.decode()
    response = post_booking(client, center, day, slot)
    assert response.status_code == 302
    booking = Booking.objects.get()
    done = client.get(response["Location"]).content.decode()
    assert booking.code in done
    assert "综合窗口3号" in done and "09:00–10:00" in done
    assert booking.code not in response["Location"]


def test_a_full_slot_is_no_longer_offered_and_cannot_be_booked(center, slots):
    day = first_bookable_day()
    slot = slots[schedule.weekday_of(day)][1]  # one place
    assert post_booking(Client(), center, day, slot).status_code == 302
    client = Client()
    page = client.get(f"{BOOK_URL}?guide={center.promised.pk}").content.decode()
    assert choice(day, slot) not in page
    response = post_booking(client, center, day, slot, name="测试乙", phone="13800005678")
    assert response.status_code == 400
    assert "所选时段已约满或不可预约" in response.content.decode()
    assert Booking.objects.count() == 1


def test_capacity_holds_when_the_last_place_is_taken_between_page_and_submit(center, slots):
    day = first_bookable_day()
    slot = slots[schedule.weekday_of(day)][1]
    schedule.book(center.promised, slot.pk, day, "测试甲", "13800001234")
    with pytest.raises(schedule.BookingError, match="已约满"):
        schedule.book(center.promised, slot.pk, day, "测试乙", "13800005678")
    assert Booking.objects.count() == 1


def test_no_slots_on_a_holiday_and_monday_slots_on_an_adjusted_working_weekend(center, slots):
    today = dt.date(2026, 12, 1)  # a Tuesday
    holiday, saturday = dt.date(2026, 12, 2), dt.date(2026, 12, 5)
    CalendarDay.objects.create(date=holiday, kind=CalendarDay.Kind.HOLIDAY, name="测试假日")
    CalendarDay.objects.create(date=saturday, kind=CalendarDay.Kind.WORKDAY, name="调休上班")
    days = {day for day, _slot, _free in schedule.free_choices(center.lead, today)}
    assert holiday not in days
    assert saturday in days
    saturday_slots = {
        slot.pk for day, slot, _free in schedule.free_choices(center.lead, today) if day == saturday
    }
    assert saturday_slots == {s.pk for s in slots[0]}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"choice": ""}, "请选择预约时间。"),
        ({"choice": "2000-01-03|1"}, "所选时段已约满或不可预约"),
        ({"name": "  "}, "请填写姓名。"),
        ({"phone": "12345"}, "请填写正确的手机或固定电话号码。"),
        ({"phone": ""}, "请填写联系电话。"),
    ],
)
def test_bad_booking_input_is_refused_in_chinese_and_nothing_is_stored(
    center, slots, fields, message
):
    day = first_bookable_day()
    data = {
        "choice": choice(day, slots[schedule.weekday_of(day)][0]),
        "name": "测试甲",
        "phone": "13800001234",
    }
    data.update(fields)
    response = Client().post(f"{BOOK_URL}?guide={center.promised.pk}", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Booking.objects.exists()


def test_a_private_or_unknown_guide_cannot_be_booked(center, slots):
    assert Client().get(f"{BOOK_URL}?guide=999999").status_code == 404


@override_settings(BOOKING_SUBMIT_LIMIT=2)
def test_bookings_are_rate_limited_per_address(center, slots):
    client = Client()
    day = first_bookable_day()
    slot = slots[schedule.weekday_of(day)][0]
    assert post_booking(client, center, day, slot).status_code == 302
    assert post_booking(client, center, day, slot, phone="13800005678").status_code == 302
    response = post_booking(client, center, day, slot, phone="13800009999")
    assert response.status_code == 429
    assert "提交次数过多" in response.content.decode()
    assert Booking.objects.count() == 2


def test_citizen_cancels_with_code_and_phone_digits_and_the_place_is_free_again(center, slots):
    day = first_bookable_day()
    slot = slots[schedule.weekday_of(day)][1]
    booking = schedule.book(center.promised, slot.pk, day, "测试甲", "13800001234")
    url = reverse("bookings:booking_cancel")
    assert Client().get(url).status_code == 200
    response = Client().post(url, {"code": booking.code.lower(), "phone_last4": "1234"})
    assert "已取消" in response.content.decode()
    booking.refresh_from_db()
    assert booking.state == Booking.State.CANCELLED
    assert (day, slot.pk) in {(d, s.pk) for d, s, _f in schedule.free_choices(center.lead)}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"phone_last4": "0000"}, "没有找到该预约"),
        ({"phone_last4": "12a4"}, "请填写4位数字。"),
        ({"code": ""}, "请填写预约编号。"),
    ],
)
def test_wrong_cancellation_details_change_nothing(center, slots, fields, message):
    day = first_bookable_day()
    booking = schedule.book(
        center.promised, slots[schedule.weekday_of(day)][0].pk, day, "测试甲", "13800001234"
    )
    data = {"code": booking.code, "phone_last4": "1234"}
    data.update(fields)
    response = Client().post(reverse("bookings:booking_cancel"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    booking.refresh_from_db()
    assert booking.state == Booking.State.BOOKED


@override_settings(BOOKING_CANCEL_FAILURE_LIMIT=2)
def test_guessing_cancellation_codes_is_locked_out(center, slots):
    client = Client()
    url = reverse("bookings:booking_cancel")
    for _attempt in range(2):
        client.post(url, {"code": "YY-AAAAAA", "phone_last4": "1234"})
    response = client.post(url, {"code": "YY-AAAAAA", "phone_last4": "1234"})
    assert response.status_code == 429
    assert "失败次数过多" in response.content.decode()
