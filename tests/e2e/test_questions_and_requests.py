"""在线咨询 and 依申请公开 end to end: a citizen asks about a guide and reads the reviewed answer
under it; a citizen requests information, the head extends the deadline once, staff answer and
the citizen reads the statutory answer by code."""

import re

import pytest

from content.models import StaffMember
from intranet import roles
from tests.builders import make_user
from tests.e2e.test_study_signin import intranet_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def staff(public_site):
    clerk = make_user("staff1", roles.GROUP_NAMES[roles.WINDOW_STAFF], first_name="王芳")
    StaffMember.objects.create(
        name="王芳", post="社保窗口", window=public_site.windows[0], user=clerk
    )
    make_user("head", roles.GROUP_NAMES[roles.HEAD], first_name="郑建国")
    return clerk


def test_a_question_is_answered_reviewed_and_shown_under_the_guide(
    public_site, staff, new_context, screenshot
):
    citizen = new_context().new_page()
    citizen.goto(public_site.pension.url)
    citizen.get_by_role("link", name="我要咨询本事项").click()
    citizen.get_by_label("咨询内容").fill("灵活就业人员可以在这里参保吗？")
    citizen.get_by_label("您的姓名（可不填）").fill("刘大伯")
    citizen.get_by_label(re.compile("同意在网站上公开")).check()
    citizen.get_by_role("button", name="提交咨询").click()
    code = citizen.locator(".tracking-code").inner_text().strip()
    assert re.fullmatch(r"ZX-\d{4}-[2-9A-Z]{6}", code)

    clerk = new_context().new_page()
    intranet_login(clerk, "staff1", "/intranet/questions/")
    clerk.get_by_role("link", name=code).click()
    clerk.get_by_label("答复内容").fill("可以，请携带身份证到2号窗口办理参保登记。")
    clerk.get_by_role("button", name="保存答复").click()
    assert "已答复" in clerk.locator("h1").inner_text()

    head = new_context().new_page()
    intranet_login(head, "head", "/intranet/questions/")
    head.get_by_role("link", name=code).click()
    head.get_by_role("button", name="审核通过并公开").click()
    assert "已公开" in head.locator("h1").inner_text()

    citizen.goto(public_site.pension.url)
    section = citizen.locator("section.guide-questions")
    assert "可以，请携带身份证到2号窗口办理参保登记。" in section.inner_text()
    assert "刘**" in section.inner_text()
    assert "刘大伯" not in citizen.content()
    screenshot(citizen, "guide-questions")


def test_an_information_request_is_extended_once_and_answered(
    public_site, staff, new_context, screenshot
):
    citizen = new_context().new_page()
    citizen.goto("/info-requests/new/")
    citizen.get_by_label("公民").check()
    citizen.get_by_label("姓名或单位名称").fill("陈明")
    citizen.get_by_label("身份证号码或统一社会信用代码").fill("110101199003071234")
    citizen.get_by_label("联系电话").fill("13900002222")
    citizen.get_by_label("所需政府信息的内容描述").fill("2025年本镇道路硬化工程的招标公告")
    citizen.get_by_label("网上查看").check()
    citizen.get_by_role("button", name="提交申请").click()
    code = citizen.locator(".tracking-code").inner_text().strip()

    head = new_context().new_page()
    intranet_login(head, "head", "/intranet/info-requests/")
    head.get_by_role("link", name=code).click()
    head.get_by_label("延期理由").fill("需向县交通局调取招标档案")
    head.get_by_role("button", name="批准延期").click()
    assert "已批准延期" in head.locator(".messages").inner_text()

    clerk = new_context().new_page()
    intranet_login(clerk, "staff1", "/intranet/info-requests/")
    clerk.get_by_role("link", name=code).click()
    clerk.get_by_label("答复类型").select_option(label="予以公开")
    clerk.get_by_label("答复内容").fill("招标公告已上传至本中心网站“政府信息公开”栏目。")
    clerk.get_by_role("button", name="保存答复").click()
    clerk.get_by_role("link", name="打印告知书").click()
    assert "政府信息公开申请答复告知书" in clerk.locator("h1").inner_text()
    screenshot(clerk, "info-request-notice")

    citizen.goto("/info-requests/track/")
    citizen.get_by_label("查询码").fill(code)
    citizen.get_by_role("button", name="查询").click()
    status = citizen.locator(".complaint-status").inner_text()
    assert "予以公开" in status
    assert "需向县交通局调取招标档案" in status
