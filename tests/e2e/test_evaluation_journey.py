"""效能考评 end to end: the head generates last month's evaluation, a window clerk objects to her
deduction on a phone, the head answers and confirms once the objection period is over, the
bulletin prints to an A4 PDF, and the public 效能考评公示 page shows the month."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from content.models import StaffMember
from intranet import roles
from intranet.calendar import workdays
from intranet.complaints.models import Complaint
from intranet.evaluation import cycle
from intranet.evaluation.models import MonthlyEvaluation
from tests.builders import make_user
from tests.e2e.devices import PHONE
from tests.e2e.test_study_signin import intranet_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BULLETIN_TITLE = "效能考评通报"


@pytest.fixture
def clerk(public_site):
    """王芳 at the social-security window, with a 态度粗暴 complaint upheld last month (−10)."""
    user = make_user("staff1", roles.GROUP_NAMES[roles.WINDOW_STAFF], first_name="王芳")
    member = StaffMember.objects.create(
        name="王芳", post="社保窗口", window=public_site.windows[0], user=user
    )
    month = cycle.previous_month()
    closed = timezone.make_aware(dt.datetime(month.year, month.month, 15, 10))
    Complaint.objects.create(
        code="TS-E2E-000001",
        channel=Complaint.Channel.ONLINE,
        content="窗口工作人员态度生硬。",
        received_at=closed - dt.timedelta(days=3),
        deadline=closed.date(),
        status=Complaint.Status.CLOSED,
        category=Complaint.Category.ATTITUDE,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=closed,
        target_window=public_site.windows[0],
        target_staff=member,
    )
    return user


def pdf_page_count(pdf):
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_month_from_draft_to_objection_confirmation_printed_bulletin_and_public_page(
    public_site, clerk, new_context, monkeypatch, screenshot, artifacts_dir
):
    make_user("head", roles.GROUP_NAMES[roles.HEAD], first_name="郑建国")
    month = cycle.previous_month()
    month_path = f"/intranet/evaluation/{month.year}/{month.month}/"

    head = new_context().new_page()
    intranet_login(head, "head")
    head.goto("/intranet/evaluation/")
    head.get_by_label("考评月份").fill(f"{month:%Y-%m}")
    head.get_by_role("button", name="生成初稿").click()
    head.wait_for_url(re.compile(re.escape(month_path) + "$"))
    assert "征求意见中" in head.locator("h1").inner_text()

    staff = new_context(PHONE).new_page()
    intranet_login(staff, "staff1")
    staff.goto(month_path)
    assert "90 分" in staff.locator("#main").inner_text()
    staff.get_by_label("异议内容").fill("投诉人已撤回，双方已和解，请复核扣分。")
    staff.get_by_role("button", name="提交异议").click()
    staff.get_by_text("异议已提交").wait_for()
    screenshot(staff, "evaluation-objection-phone")

    head.goto(month_path)
    head.get_by_label("答复", exact=True).fill("经核实投诉属实，维持扣分。")
    head.get_by_role("button", name="答复异议").click()
    head.get_by_text("已答复。").wait_for()

    # Three working days later the objection period is over: the site's clock moves on.
    deadline = MonthlyEvaluation.objects.get(month=month).objection_deadline
    later = workdays.add_working_days(deadline, 1)
    real_localdate = timezone.localdate
    monkeypatch.setattr(
        timezone, "localdate", lambda *args, **kw: real_localdate(*args, **kw) if args else later
    )
    head.goto(month_path)
    head.get_by_label("对外公示（效能考评公示页）").select_option(label="公示个人得分及加减分事由")
    head.get_by_role("button", name="确认并冻结").click()
    head.get_by_text("本月考评已确认并冻结。").wait_for()
    assert "已确认" in head.locator("h1").inner_text()

    head.goto(month_path + "bulletin/")
    assert head.title().startswith(f"{month.year}年{month.month}月{BULLETIN_TITLE}")
    pdf = head.pdf(format="A4", print_background=True)
    (artifacts_dir / "evaluation-bulletin.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    assert pdf_page_count(pdf) >= 1
    # Chromium names the PDF after the page title (UTF-16 in the document information).
    title_hex = BULLETIN_TITLE.encode("utf-16-be").hex().upper().encode()
    assert title_hex in pdf.upper()

    citizen = new_context(PHONE).new_page()
    citizen.goto(public_site.evaluation_results.url)
    main = citizen.locator("#main")
    assert f"{month.year}年{month.month}月效能考评结果" in main.inner_text()
    row = citizen.locator("tr", has_text="王芳")
    assert "90" in row.inner_text() and "投诉查实" in row.inner_text()
    assert "TS-E2E-000001" not in citizen.content()
    screenshot(citizen, "evaluation-public-phone")
