"""Staff side: the day's bookings per window, arrival into a case, the slot timetable, the
代办/上门 requests from the public form to a case, and the home tile."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from intranet.bookings.models import Booking, BookingSlot, ServiceRequest
from intranet.cases.models import Case

pytestmark = pytest.mark.django_db


def test_staff_see_the_days_bookings_per_window(clients, booking_objects):
    day = booking_objects.day.isoformat()
    page = clients["staff"].get(reverse("intranet:booking_day") + f"?date={day}").content.decode()
    assert "综合窗口3号" in page
    assert booking_objects.booking.code in page
    assert "到场，转为办件" in page


def test_arrival_turns_the_booking_into_an_online_case_with_the_details(
    clients, booking_objects, users
):
    booking = booking_objects.booking
    response = clients["staff"].post(reverse("intranet:booking_arrive", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.state == Booking.State.ARRIVED
    case = booking.case
    assert response["Location"] == reverse("intranet:case_detail", args=[case.pk])
    assert case.channel == Case.Channel.ONLINE
    assert (case.applicant_name, case.phone, case.guide_id, case.window_id) == (
        "测试甲",
        "13800001234",
        booking.guide_id,
        booking.slot.window_id,
    )
    assert case.state == Case.State.RECEIVED
    assert case.handler == users["staff"]
    assert case.events.filter(action="收件").exists()


def test_a_second_arrival_click_makes_no_second_case(clients, booking_objects):
    url = reverse("intranet:booking_arrive", args=[booking_objects.booking.pk])
    clients["staff"].post(url)
    clients["staff"].post(url)
    assert Case.objects.count() == 1


def test_a_cancelled_booking_cannot_arrive(clients, booking_objects):
    Booking.objects.filter(pk=booking_objects.booking.pk).update(state=Booking.State.CANCELLED)
    clients["staff"].post(reverse("intranet:booking_arrive", args=[booking_objects.booking.pk]))
    assert not Case.objects.exists()


def test_the_head_adds_a_slot_within_office_hours(clients, center):
    response = clients["head"].post(
        reverse("intranet:booking_slots"),
        {"window": center.lead.pk, "weekday": 2, "start": "10:00", "end": "11:00", "capacity": 4},
    )
    assert response.status_code == 302
    assert BookingSlot.objects.get().capacity == 4


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"start": "07:00", "end": "08:00"}, "预约时段应在办公时间"),
        ({"start": "11:00", "end": "10:00"}, "结束时间应晚于开始时间"),
        ({"capacity": "0"}, "可预约人数应在1到50之间"),
        ({"weekday": "6"}, "有效的选项"),
    ],
)
def test_bad_slots_are_refused_in_chinese_and_nothing_is_stored(clients, center, fields, message):
    data = {"window": center.lead.pk, "weekday": 2, "start": "10:00", "end": "11:00"}
    data["capacity"] = 4
    data.update(fields)
    response = clients["head"].post(reverse("intranet:booking_slots"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BookingSlot.objects.exists()


def test_a_duplicate_slot_is_refused_in_chinese(clients, slots, center):
    data = {"window": center.lead.pk, "weekday": 0, "start": "09:00", "end": "09:30"}
    data["capacity"] = 1
    response = clients["head"].post(reverse("intranet:booking_slots"), data)
    assert "已有同一开始时间的时段" in response.content.decode()
    assert BookingSlot.objects.count() == 10


def test_citizen_asks_for_home_service_and_gets_a_code(center):
    client = Client()
    url = reverse("bookings:service_request_new")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "kind": "home",
            "requester": "disabled",
            "guide": center.promised.pk,
            "matter": "申请残疾人证，行动不便",
            "name": "测试丙",
            "phone": "13800007777",
            "address": "示范镇示范村3号",
        },
    )
    assert response.status_code == 302
    request = ServiceRequest.objects.get()
    assert request.code in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": ""}, "请选择代办或上门服务。"),
        ({"requester": ""}, "请选择申请人类别。"),
        ({"matter": "   "}, "请写明需要办理的事情。"),
        ({"name": ""}, "请填写姓名或村（社区）名称。"),
        ({"phone": "abc"}, "请填写正确的手机或固定电话号码。"),
        ({"address": ""}, "请填写地址"),
    ],
)
def test_bad_service_requests_are_refused_in_chinese_and_nothing_is_stored(center, fields, message):
    data = {
        "kind": "agency",
        "requester": "elderly",
        "matter": "申请高龄津贴",
        "name": "测试丙",
        "phone": "13800007777",
        "address": "示范镇示范村3号",
    }
    data.update(fields)
    response = Client().post(reverse("bookings:service_request_new"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ServiceRequest.objects.exists()


def test_staff_assign_an_agent_and_date_then_the_request_becomes_an_agency_case(
    clients, booking_objects, users, center
):
    request = booking_objects.request
    url = reverse("intranet:service_request", args=[request.pk])
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = clients["staff"].post(
        url, {"step": "arrange", "agent": users["staff"].pk, "scheduled_on": tomorrow}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.state, request.agent, request.scheduled_on) == (
        "scheduled",
        users["staff"],
        tomorrow,
    )
    response = clients["staff"].post(url, {"step": "convert", "window": center.lead.pk})
    request.refresh_from_db()
    case = request.case
    assert response["Location"] == reverse("intranet:case_detail", args=[case.pk])
    assert case.channel == Case.Channel.AGENCY
    assert case.agent == users["staff"] and case.handler == users["staff"]
    assert (case.applicant_name, case.address) == ("测试乙", "示范镇示范村2号")


def test_a_request_cannot_become_a_case_before_it_is_arranged(clients, booking_objects, center):
    url = reverse("intranet:service_request", args=[booking_objects.request.pk])
    clients["staff"].post(url, {"step": "convert", "window": center.lead.pk})
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"agent": ""}, "请选择代办员。"),
        ({"scheduled_on": "2000-01-01"}, "安排日期不能早于今天。"),
        ({"scheduled_on": "明天"}, "请填写正确的日期。"),
    ],
)
def test_bad_arrangements_are_refused_in_chinese(clients, booking_objects, users, fields, message):
    data = {"step": "arrange", "agent": users["staff"].pk}
    data["scheduled_on"] = timezone.localdate().isoformat()
    data.update(fields)
    url = reverse("intranet:service_request", args=[booking_objects.request.pk])
    response = clients["staff"].post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    booking_objects.request.refresh_from_db()
    assert booking_objects.request.state == ServiceRequest.State.NEW


def test_the_staff_home_shows_bookings_and_requests(clients, booking_objects):
    page = clients["staff"].get(reverse("intranet:home")).content.decode()
    assert "预约与代办/上门" in page
    assert reverse("intranet:service_requests") in page
