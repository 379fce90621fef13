"""办件 end to end: a window clerk receives an application on a phone, asks for 补正 once, gets
the materials and closes the case; the citizen looks it up on /progress/, rates it, and the
completion announcement appears on the public board."""

import re

import pytest

from content.models import StaffMember
from intranet import roles
from tests.builders import PENSION_TITLE, make_user
from tests.e2e.devices import PHONE
from tests.e2e.test_study_signin import intranet_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def clerk(public_site):
    user = make_user("staff1", roles.GROUP_NAMES[roles.WINDOW_STAFF], first_name="王芳")
    StaffMember.objects.create(
        name="王芳", post="社保窗口", window=public_site.windows[0], user=user
    )
    return user


def test_application_from_counter_to_rating_and_announcement(
    public_site, clerk, new_context, screenshot
):
    staff = new_context(PHONE).new_page()
    intranet_login(staff, "staff1")
    staff.goto("/intranet/cases/new/")
    staff.get_by_label("办理事项（办事指南）").select_option(label=f"{PENSION_TITLE}（3 个工作日）")
    staff.get_by_label("办理渠道").select_option(label="窗口")
    staff.get_by_role("textbox", name=re.compile(r"^申请人")).fill("李演示")
    staff.get_by_label("联系电话").fill("19900004321")
    screenshot(staff, "case-intake-phone")
    staff.get_by_role("button", name="收件").click()
    staff.wait_for_url(re.compile(r"/intranet/cases/\d+/$"))
    receipt = re.search(r"BJ-\d{4}-[2-9A-Z]{6}", staff.locator("h1").inner_text()).group(0)

    staff.get_by_role("link", name="补正通知（一次性告知）").click()
    staff.get_by_label("居民户口簿").check()
    staff.get_by_role("button", name="提交").click()
    staff.wait_for_url(re.compile(r"/intranet/cases/\d+/$"))
    assert "待补正" in staff.locator("h1").inner_text()

    staff.get_by_role("link", name="材料已补齐").click()
    staff.get_by_role("button", name="提交").click()
    staff.wait_for_url(re.compile(r"/intranet/cases/\d+/$"))
    staff.get_by_role("link", name="办结").click()
    staff.get_by_label("办理结果").select_option(label="准予")
    staff.get_by_label("公开的结果说明").fill("已完成参保登记")
    staff.get_by_role("button", name="提交").click()
    staff.wait_for_url(re.compile(r"/intranet/cases/\d+/$"))
    assert "已办结" in staff.locator("h1").inner_text()

    citizen = new_context(PHONE).new_page()
    citizen.goto("/progress/")
    citizen.get_by_label("受理编号").fill(receipt)
    citizen.get_by_label("申请人电话后四位").fill("4321")
    citizen.get_by_role("button", name="查询").click()
    assert "办理情况：已办结" in citizen.locator("#case-state").inner_text()
    assert "李演示" not in citizen.content()
    citizen.get_by_label("非常满意").check()
    citizen.get_by_role("button", name="提交评价").click()
    assert citizen.get_by_text("感谢您的评价！").is_visible()
    screenshot(citizen, "case-progress-rated")

    citizen.goto("/announcements/")
    row = citizen.locator("tr", has_text=PENSION_TITLE)
    assert "李*" in row.inner_text() and "李演示" not in citizen.content()


def test_case_pages_on_a_phone_have_no_serious_accessibility_violations(
    public_site, clerk, new_context, axe_script_path
):
    from intranet.cases import workflow
    from intranet.cases.models import Case
    from tests.e2e.test_accessibility import axe_violations, describe

    case = workflow.receive(
        Case(
            guide=public_site.pension,
            window=public_site.windows[0],
            applicant_name="周演示",
            phone="19900001111",
            channel=Case.Channel.WINDOW,
        ),
        clerk,
    )
    workflow.complete(case, clerk, "granted", "已完成参保登记")
    page = new_context(PHONE, bypass_csp=True).new_page()
    intranet_login(page, "staff1")
    problems = []
    for path in (
        "/intranet/cases/",
        "/intranet/cases/new/",
        f"/intranet/cases/{case.pk}/",
        "/intranet/cases/first-contacts/new/",
    ):
        page.goto(path)
        problems += describe(path, path, axe_violations(page, axe_script_path))
    citizen = new_context(PHONE, bypass_csp=True).new_page()
    citizen.goto("/progress/")
    citizen.get_by_label("受理编号").fill(case.receipt_number)
    citizen.get_by_label("申请人电话后四位").fill("1111")
    citizen.get_by_role("button", name="查询").click()
    problems += describe("progress", "/progress/", axe_violations(citizen, axe_script_path))
    assert not problems, "axe-core found serious or critical violations:\n" + "\n".join(problems)
