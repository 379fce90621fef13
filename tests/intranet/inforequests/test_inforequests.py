"""Information requests (依申请公开): the public form, tracking, the register, extension, answers,
the 告知书 and the yearly figures."""

import datetime as dt
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from intranet.calendar.workdays import add_working_days
from intranet.inforequests import statistics, workflow
from intranet.inforequests.models import InfoRequest
from tests.builders import INFO_REQUEST_POST, client_for, new_info_request

ANSWER = {"outcome": "disclosed", "answer_text": "见附件。", "reason": "", "legal_basis": ""}


@pytest.mark.usefixtures("national_day_eve")
def test_a_request_is_registered_with_a_code_and_twenty_working_days(client, db):
    response = client.post("/info-requests/new/", INFO_REQUEST_POST)
    r = InfoRequest.objects.get()
    assert response.status_code == 200
    assert r.code in response.content.decode()
    # Twenty working days from 30 September, National Day's week off: 3 November.
    assert r.deadline == dt.date(2026, 11, 3)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"applicant_type": ""}, "请选择申请人类型。"),
        ({"applicant_name": ""}, "请填写姓名或单位名称。"),
        ({"id_number": "12345"}, "请填写18位居民身份证号码或统一社会信用代码。"),
        ({"phone": "call me"}, "请填写正确的电话号码"),
        ({"description": "低保"}, "内容描述太短，请至少写5个字。"),
        ({"delivery": "pigeon"}, "获取方式选项无效。"),
        ({"delivery": "email"}, "选择电子邮件获取时，请填写电子邮箱。"),
        ({"delivery": "email", "email": "not-an-address"}, "电子邮箱格式不正确。"),
        ({"delivery": "post"}, "选择邮寄时，请填写通信地址。"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_message_and_nothing_stored(
    client, db, fields, message
):
    response = client.post("/info-requests/new/", INFO_REQUEST_POST | fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not InfoRequest.objects.exists()


def test_an_organisation_requests_with_its_credit_code_and_email(client, db):
    fields = {
        "applicant_type": "organisation",
        "applicant_name": "某某科技有限公司",
        "id_number": "91110108MA01ABCD2X",
        "delivery": "email",
        "email": "office@example.com",
    }
    assert client.post("/info-requests/new/", INFO_REQUEST_POST | fields).status_code == 200
    assert InfoRequest.objects.get().get_delivery_display() == "电子邮件"


def test_a_filled_honeypot_stores_nothing(client, db):
    response = client.post("/info-requests/new/", INFO_REQUEST_POST | {"website": "spam"})
    assert response.status_code == 400
    assert not InfoRequest.objects.exists()


def test_too_many_requests_from_one_address_are_refused(client, db, settings):
    settings.INFO_REQUEST_SUBMIT_LIMIT = 1
    assert client.post("/info-requests/new/", INFO_REQUEST_POST).status_code == 200
    response = client.post("/info-requests/new/", INFO_REQUEST_POST)
    assert response.status_code == 429
    assert InfoRequest.objects.count() == 1


def test_tracking_by_code_shows_the_answer_but_no_identity(client, info_request, users):
    workflow.answer(info_request, users["head"], ANSWER | {"right_body": ""})
    response = client.post("/info-requests/track/", {"code": info_request.code})
    page = response.content.decode()
    assert "予以公开" in page
    assert "李四" not in page
    assert "110101199003071234" not in page
    unknown = client.post("/info-requests/track/", {"code": "YS-2026-ZZZZZZ"})
    assert unknown.status_code == 400
    assert "没有找到这个查询码" in unknown.content.decode()


def test_the_head_extends_once_by_twenty_working_days_with_a_reason(info_request, users):
    head = client_for(users["head"])
    url = f"/intranet/info-requests/{info_request.pk}/extend/"
    refused = head.post(url, {"extension_reason": ""})
    assert refused.status_code == 400
    assert "请填写延期理由。" in refused.content.decode()
    original = info_request.deadline
    head.post(url, {"extension_reason": "需要向县档案馆调取历史资料"})
    info_request.refresh_from_db()
    assert info_request.deadline == add_working_days(original, 20)
    again = head.post(url, {"extension_reason": "还需要更多时间"}, follow=True)
    assert "依法不能再次延期" in again.content.decode()
    info_request.refresh_from_db()
    assert info_request.deadline == add_working_days(original, 20)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"outcome": "refused"}, "该答复类型须写明理由。"),
        ({"outcome": "partial", "reason": "涉及个人隐私"}, "该答复类型须写明法律依据。"),
        ({"outcome": "not_held"}, "非本机关掌握的，须告知有关机关的名称和联系方式。"),
        ({"outcome": "maybe"}, "答复类型无效。"),
        ({"answer_text": ""}, "请填写答复内容。"),
    ],
)
def test_an_incomplete_answer_is_refused_and_changes_nothing(info_request, users, fields, message):
    url = f"/intranet/info-requests/{info_request.pk}/answer/"
    response = client_for(users["staff"]).post(url, ANSWER | fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    info_request.refresh_from_db()
    assert info_request.answered_at is None


def test_a_refusal_is_printed_as_an_a4_notice_with_reason_and_basis(info_request, users):
    staff = client_for(users["staff"])
    staff.post(
        f"/intranet/info-requests/{info_request.pk}/answer/",
        ANSWER
        | {
            "outcome": "refused",
            "reason": "申请公开的信息涉及个人隐私",
            "legal_basis": "《中华人民共和国政府信息公开条例》第十五条",
        },
    )
    page = staff.get(f"/intranet/info-requests/{info_request.pk}/notice/").content.decode()
    assert "政府信息公开申请答复告知书" in page
    assert "size: A4" in page
    assert "不予公开" in page
    assert "第十五条" in page
    assert "李四" in page


def test_the_administrator_sees_the_register_without_identities(info_request, users):
    page = client_for(users["admin"]).get(f"/intranet/info-requests/{info_request.pk}/")
    text = page.content.decode()
    assert "李**" in text
    assert "110101199003071234" not in text
    assert "13900002222" not in text


def test_overdue_requests_come_first_in_the_register(users, db):
    fresh = new_info_request(description="今年的财政预算公开情况")
    late = new_info_request(description="去年的道路建设合同")
    InfoRequest.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - dt.timedelta(1))
    page = client_for(users["head"]).get("/intranet/info-requests/").content.decode()
    assert page.index(late.code) < page.index(fresh.code)


def test_the_yearly_figures_count_received_outcomes_carry_overs_and_overdue(users, db):
    tz = timezone.get_current_timezone()
    last_year = new_info_request(received_at=dt.datetime(2025, 12, 20, 9, tzinfo=tz))
    answered = new_info_request(received_at=dt.datetime(2026, 3, 2, 9, tzinfo=tz))
    open_late = new_info_request(received_at=dt.datetime(2026, 11, 2, 9, tzinfo=tz))
    for r, outcome, day in [(last_year, "not_exist", 10), (answered, "disclosed", 4)]:
        workflow.answer(r, users["head"], ANSWER | {"outcome": outcome, "right_body": ""})
        InfoRequest.objects.filter(pk=r.pk).update(
            answered_at=dt.datetime(2026, 1 if r == last_year else 3, day, 9, tzinfo=tz)
        )
    InfoRequest.objects.filter(pk=open_late.pk).update(deadline=dt.date(2026, 11, 20))
    f = statistics.year_figures(2026, today=dt.date(2026, 12, 31))
    outcomes = dict(f["outcomes"])
    assert (f["received"], f["carried_in"], f["answered"]) == (2, 1, 2)
    assert outcomes["予以公开"] == 1
    assert outcomes["无法提供（本机关不掌握相关政府信息，信息不存在）"] == 1
    assert (f["carried_out"], f["overdue"]) == (1, 1)


def test_the_yearly_figures_export_to_excel(users, info_request):
    year = info_request.received_at.year
    response = client_for(users["head"]).get(
        f"/intranet/info-requests/statistics/export/?year={year}"
    )
    sheet = load_workbook(BytesIO(response.content)).active
    rows = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["本年新收政府信息公开申请数量"] == 1
    assert rows["结转下年度继续办理"] == 1


def test_a_bad_year_is_refused_with_a_chinese_message(users, db):
    response = client_for(users["head"]).get("/intranet/info-requests/statistics/?year=abc")
    assert response.status_code == 400
    assert "年度须为数字" in response.content.decode()
