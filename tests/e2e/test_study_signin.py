"""学习签到: window staff sign in on their phones with the host's code; the host sees the roll fill."""

import datetime
import re

import pytest
from django.utils import timezone

from intranet import roles
from intranet.study.models import StudyPlan, StudySession
from tests.builders import PASSWORD, make_user
from tests.e2e.devices import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def intranet_login(page, username, next_url="/intranet/"):
    page.goto(f"/intranet/login/?next={next_url}")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


@pytest.fixture
def session_under_way(working_morning, live_server):
    """A study session that started five minutes ago, hosted by the center head."""
    host = make_user("head", roles.GROUP_NAMES[roles.HEAD], first_name="郑建国")
    staff = make_user("staff1", roles.GROUP_NAMES[roles.WINDOW_STAFF], first_name="王芳")
    now = timezone.localtime()
    start = now - datetime.timedelta(minutes=5)
    plan = StudyPlan.objects.create(year=now.year, title=f"{now.year}年度学习计划")
    session = StudySession.objects.create(
        plan=plan,
        date=now.date(),
        start_time=start.time().replace(microsecond=0),
        end_time=datetime.time(23, 59, 59),
        topic="首问责任制和限时办结制度",
        kind=StudySession.Kind.BUSINESS,
        host=host,
        place="三楼会议室",
    )
    return session, host, staff


def test_staff_signs_in_on_a_phone_with_the_code_and_the_host_sees_them_present(
    session_under_way, new_context, screenshot
):
    session, host, staff = session_under_way
    host_page = new_context().new_page()
    intranet_login(host_page, "head")
    screenshot(host_page, "intranet-dashboard")
    host_page.goto(f"/intranet/study/sessions/{session.pk}/roll/")
    code = host_page.locator(".signin-code strong").inner_text().strip()
    assert re.fullmatch(r"\d{6}", code)

    phone = new_context(PHONE).new_page()
    intranet_login(phone, "staff1", next_url="/intranet/study/signin/")
    phone.get_by_label("签到码").fill(code)
    phone.get_by_role("button", name="签到").click()
    phone.wait_for_url(f"**/intranet/study/sessions/{session.pk}/")
    assert "签到成功" in phone.locator("body").inner_text()
    screenshot(phone, "study-signin-phone")

    host_page.reload()
    row = host_page.locator("tbody tr", has_text="王芳")
    assert row.locator("td").nth(1).inner_text().strip() == "出席"


def test_the_roll_correction_field_fits_a_phone_screen(session_under_way, new_context):
    session, host, staff = session_under_way
    phone = new_context(PHONE).new_page()
    intranet_login(phone, "head", next_url=f"/intranet/study/sessions/{session.pk}/roll/")
    reason = phone.locator("tbody tr", has_text="王芳").locator('input[name="reason"]')
    box = reason.bounding_box()
    width = phone.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert phone.evaluate("document.documentElement.scrollWidth") <= width


def test_the_projected_signin_code_is_large(session_under_way, new_context):
    session, host, staff = session_under_way
    desktop = new_context(DESKTOP).new_page()
    intranet_login(desktop, "head", next_url=f"/intranet/study/sessions/{session.pk}/display/")
    code = desktop.locator(".projector-code strong")
    assert code.inner_text().strip() == session.signin_code
    font_px = float(code.evaluate("el => getComputedStyle(el).fontSize").removesuffix("px"))
    assert font_px >= 150
    assert desktop.locator(".projector-qr svg").bounding_box()["width"] >= 300
