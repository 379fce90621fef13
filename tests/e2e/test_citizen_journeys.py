"""What a citizen does on the public site, in a real browser."""

import re

import pytest

from tests.builders import PENSION_MATERIALS, PENSION_TITLE, tiny_png

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_citizen_on_a_phone_finds_the_pension_guide_and_prints_its_notice(
    public_site, phone_page, screenshot, artifacts_dir
):
    page = phone_page
    page.goto("/")
    screenshot(page, "home-phone")
    page.get_by_role("searchbox").first.fill("养老")
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    result = page.locator(".hit-title a", has_text=PENSION_TITLE)
    assert result.count() == 1
    screenshot(page, "search-results-phone")

    result.click()
    page.wait_for_url(f"**{public_site.pension.url}")
    assert page.get_by_role("heading", level=1).inner_text().strip() == PENSION_TITLE
    screenshot(page, "guide-phone")

    page.get_by_role("link", name=re.compile("一次性告知单")).click()
    page.wait_for_url("**/notice/")
    page.emulate_media(media="print")
    notice = page.locator("main")
    for material in PENSION_MATERIALS:
        assert notice.get_by_text(material).first.is_visible()
    assert not page.locator("nav.main-nav").is_visible()
    assert not page.locator(".site-header").is_visible()

    pdf_path = artifacts_dir / "pension-notice.pdf"
    pdf_path.unlink(missing_ok=True)
    page.pdf(path=str(pdf_path), format="A4")
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 10_000


def test_citizen_files_a_complaint_with_a_photo_and_follows_it_by_tracking_code(
    public_site, new_context
):
    from intranet import roles
    from intranet.complaints import workflow as complaint_workflow
    from intranet.complaints.models import Complaint
    from tests.builders import make_user

    page = new_context().new_page()
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="我要投诉").click()
    page.wait_for_url("**/complaints/new/")
    page.get_by_label("投诉内容").fill(
        "在2号窗口办理养老保险参保时，工作人员让我跑了三趟才说清要带什么材料。"
    )
    page.get_by_label("涉及窗口").select_option(label=public_site.windows[0].name)
    page.get_by_label("联系电话（可不填）").fill("13800138000")
    page.get_by_label("照片或材料（可不传）").set_input_files(
        {"name": "window.png", "mimeType": "image/png", "buffer": tiny_png()}
    )
    page.get_by_role("button", name="提交投诉").click()
    page.get_by_role("heading", name="投诉已提交").wait_for()
    assert "/complaints/receipt/" in page.url
    code = page.locator(".tracking-code").inner_text().strip()
    # Refreshing the receipt shows it again and files nothing twice.
    page.reload()
    page.get_by_role("heading", name="投诉已提交").wait_for()
    assert Complaint.objects.count() == 1
    complaint = Complaint.objects.get(code=code)
    assert complaint.attachments.count() == 1
    assert complaint.status == Complaint.Status.RECEIVED

    # The center accepts it; the citizen comes back another day with the code.
    head = make_user("head", roles.GROUP_NAMES[roles.HEAD], first_name="郑建国")
    complaint.category = Complaint.Category.INEFFICIENCY
    complaint.method = Complaint.Method.DIRECT
    complaint.handler = head
    complaint.save()
    complaint_workflow.triage(complaint, head, accepted=True)

    later = new_context().new_page()
    later.goto("/complaints/track/")
    later.get_by_label("查询码").fill(code.lower())
    later.get_by_role("button", name="查询").click()
    status = later.locator(".complaint-status")
    status.wait_for()
    assert "办理中" in status.get_by_role("heading", level=2).inner_text()
    assert "投诉已受理，正在办理。" in status.inner_text()
    assert "13800138000" not in later.content()
    assert code.lower() not in later.url.lower(), "the code stays out of the address and history"


def test_an_anonymous_complaint_is_answered_online_and_the_answer_is_read_on_tracking(
    public_site, new_context
):
    from intranet import roles
    from intranet.complaints import workflow as complaint_workflow
    from intranet.complaints.models import Complaint
    from tests.builders import make_user

    page = new_context().new_page()
    page.goto("/complaints/new/")
    page.get_by_label("投诉内容").fill("窗口工作人员上班时间长时间玩手机，群众排队无人理睬。")
    page.get_by_role("button", name="提交投诉").click()
    page.get_by_role("heading", name="投诉已提交").wait_for()
    code = page.locator(".tracking-code").inner_text().strip()

    # No contact details: the handler can only answer online.
    head = make_user("head", roles.GROUP_NAMES[roles.HEAD], first_name="郑建国")
    complaint = Complaint.objects.get(code=code)
    complaint.category = Complaint.Category.ATTITUDE
    complaint.method = Complaint.Method.DIRECT
    complaint.handler = head
    complaint.save()
    complaint_workflow.triage(complaint, head, accepted=True)
    complaint_workflow.add_note(complaint, head, "内部：当事人为新入职人员", is_public=False)
    complaint_workflow.reply(
        complaint, head, "online", "经调取监控核实，情况属实，已对当事人批评教育。"
    )

    # The receipt's button opens the progress page without putting the code in the address.
    page.get_by_role("button", name="查看办理进度").click()
    status = page.locator(".complaint-status")
    status.wait_for()
    assert "已答复" in status.get_by_role("heading", level=2).inner_text()
    assert "经调取监控核实，情况属实，已对当事人批评教育。" in status.inner_text()
    assert "内部" not in status.inner_text()
    assert code not in page.url
