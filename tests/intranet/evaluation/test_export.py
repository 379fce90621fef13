"""The monthly bulletin as an Excel workbook: the figures of the printed page, opened back."""

import datetime as dt
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from content.models import StaffMember
from intranet.complaints.models import Complaint
from intranet.evaluation import cycle
from intranet.evaluation.models import ManualItem, ScoreEntry
from tests.builders import client_for

from .conftest import complaint, local

MAY = dt.date(2026, 5, 1)


def test_bulletin_workbook_has_the_window_and_person_scores_reasons_and_mentions(shop, users):
    head = users["head"]
    complaint(
        shop,
        category=Complaint.Category.ATTITUDE,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 5, 20),
        staff_member=StaffMember.objects.get(user=shop.staff),
    )
    complaint(
        shop,
        category=Complaint.Category.INEFFICIENCY,
        outcome=Complaint.Outcome.CONFIRMED,
        closed_at=local(2026, 5, 21),
        window=shop.w5,
    )
    ManualItem.objects.create(
        month=MAY, person=shop.other, points=3, reason="=主动延时服务", author=head
    )
    evaluation = cycle.generate(MAY, head, today=dt.date(2026, 6, 1))
    cycle.mention(
        evaluation.entries.get(person=shop.staff), head, ScoreEntry.Mention.CRITICISE, "态度生硬"
    )
    cycle.mention(
        evaluation.entries.get(person=shop.other), head, ScoreEntry.Mention.PRAISE, "延时服务"
    )
    cycle.confirm(evaluation, head, today=dt.date(2026, 6, 10))

    response = client_for(users["inspector"]).get(
        reverse("intranet:evaluation_bulletin_export", args=[2026, 5])
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    wb = load_workbook(BytesIO(response.content))
    windows, people, mentions = wb.worksheets
    assert windows.title == "2026年05月窗口考评"
    rows = {r[0]: r for r in windows.iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in windows[1]]
    w3, w5 = rows["综合窗口3号"], rows["综合窗口5号"]
    col = header.index
    assert (w3[col("得分")], w3[col("当月评优资格")]) == (100, "取消")
    assert (w5[col("得分")], w5[col("扣分")], w5[col("投诉查实")]) == (95, -5, 1)
    assert "投诉查实" in w5[col("加减分事由")]

    rows = {r[0]: r for r in people.iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in people[1]]
    col = header.index
    assert (rows["王芳"][col("得分")], rows["王芳"][col("扣分")]) == (90, -10)
    assert rows["王芳"][col("窗口")] == "综合窗口3号"
    assert rows["李强"][col("得分")] == 103
    # A reason typed with a leading "=" stays text, never a formula.
    row = next(r for r in people.iter_rows(min_row=2) if r[0].value == "李强")
    reasons = row[col("加减分事由")]
    assert reasons.value == "+3 =主动延时服务" and reasons.data_type == "s"

    listed = [r[:3] for r in mentions.iter_rows(min_row=2, values_only=True)]
    assert listed == [("点名表扬", "李强", "延时服务"), ("点名批评", "王芳", "态度生硬")]


def test_bulletin_page_links_to_the_workbook_and_staff_cannot_open_it(shop, users):
    cycle.generate(MAY, users["head"], today=dt.date(2026, 6, 1))
    url = reverse("intranet:evaluation_bulletin_export", args=[2026, 5])
    bulletin = client_for(users["head"]).get(
        reverse("intranet:evaluation_bulletin", args=[2026, 5])
    )
    assert url in bulletin.content.decode()
    assert client_for(shop.staff).get(url).status_code == 403
