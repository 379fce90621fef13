"""预约办理 end to end: a citizen books a slot on a phone and gets a code; on the day the clerk
sees the booking in the window's list and one click on arrival turns it into a case."""

import re

import pytest

from intranet import roles
from intranet.bookings.models import Booking
from tests.builders import PENSION_TITLE, make_user
from tests.e2e.devices import PHONE
from tests.e2e.test_study_signin import intranet_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_booking_then_arrival_becomes_an_online_case(public_site, new_context, screenshot):
    make_user("staff1", roles.GROUP_NAMES[roles.WINDOW_STAFF], first_name="王芳")
    citizen = new_context(PHONE).new_page()
    citizen.goto("/booking/")
    citizen.get_by_role("link", name=PENSION_TITLE).click()
    citizen.get_by_role("radio").first.check()
    citizen.get_by_label("姓名").fill("李演示")
    citizen.get_by_label("手机号码").fill("19900004321")
    citizen.get_by_role("button", name="提交预约").click()
    citizen.wait_for_url(re.compile(r"/booking/done/$"))
    code = re.search(r"YY-[2-9A-Z]{6}", citizen.locator("main").inner_text()).group(0)
    screenshot(citizen, "booking-confirmation-phone")
    day = Booking.objects.get(code=code).date

    staff = new_context(PHONE).new_page()
    intranet_login(staff, "staff1")
    staff.goto(f"/intranet/bookings/?date={day.isoformat()}")
    row = staff.locator("li", has_text=code)
    row.get_by_role("button", name="到场，转为办件").click()
    staff.wait_for_url(re.compile(r"/intranet/cases/\d+/$"))
    page_text = staff.locator("main").inner_text()
    assert "网上预约" in page_text
    assert PENSION_TITLE in page_text
    assert re.search(r"BJ-\d{4}-[2-9A-Z]{6}", staff.locator("h1").inner_text())
