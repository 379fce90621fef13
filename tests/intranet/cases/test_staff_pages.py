"""The staff side: intake at the counter, lists, identity, actions, registers and exports."""

import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from intranet.cases.models import Case, FirstContact, IdentityView, NegativeFiling
from intranet.complaints.models import Complaint
from tests.builders import new_case


def intake(center, **overrides):
    data = {
        "guide": center.promised.pk,
        "matter": "",
        "window": center.lead.pk,
        "handler": "",
        "channel": "window",
        "applicant_kind": "person",
        "applicant_name": "测试乙",
        "id_number": "11010119900101123X",
        "phone": "13900005678",
        "address": "示范村2组",
        "materials_received": "居民身份证",
        "accept_now": "on",
    }
    data.update(overrides)
    return data


def test_counter_intake_creates_an_accepted_case(center, clients, users):
    response = clients["staff"].post(reverse("intranet:case_new"), intake(center))
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.state == Case.State.ACCEPTED and case.handler == users["staff"]
    assert case.first_contact == users["staff"] and case.phone_last4 == "5678"


def test_counter_intake_rejects_bad_input_in_chinese_and_writes_nothing(center, clients):
    response = clients["staff"].post(
        reverse("intranet:case_new"),
        intake(center, guide="", matter="", phone="12345", id_number="abc"),
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "请选择办事指南，或填写目录外事项的名称。" in text
    assert "请填写正确的手机或固定电话号码。" in text
    assert "请填写18位居民身份证号码或统一社会信用代码。" in text
    assert not Case.objects.exists()


def test_lists_mask_identity_and_search_by_phone(case, clients):
    response = clients["staff"].get(reverse("intranet:case_list"), {"q": "13800001234"})
    text = response.content.decode()
    assert case.receipt_number in text
    assert "测**" in text and "138****1234" in text
    assert "测试甲" not in text and "110101199001011234" not in text


def test_bad_filter_month_is_explained_and_lists_nothing(case, clients):
    response = clients["head"].get(reverse("intranet:case_list"), {"month": "2026-13"})
    assert "月份格式应为 2026-03。" in response.content.decode()
    assert case.receipt_number not in response.content.decode()


def test_full_id_number_is_shown_on_request_and_logged(case, clients, users):
    response = clients["inspector"].get(reverse("intranet:case_identity", args=[case.pk]))
    assert "110101199001011234" in response.content.decode()
    assert IdentityView.objects.get().user == users["inspector"]


def test_detail_offers_only_the_actions_the_state_allows(case, clients):
    text = clients["staff"].get(reverse("intranet:case_detail", args=[case.pk])).content.decode()
    assert reverse("intranet:case_action", args=[case.pk, "complete"]) in text
    assert reverse("intranet:case_action", args=[case.pk, "accept"]) not in text


def test_an_action_not_allowed_in_the_state_changes_nothing(case, clients):
    url = reverse("intranet:case_action", args=[case.pk, "collect"])
    response = clients["staff"].post(url, {"collected_on": "2026-03-01"})
    case.refresh_from_db()
    assert response.status_code == 302 and case.state == Case.State.ACCEPTED


def test_supplement_form_lists_the_guides_materials_and_needs_one(case, clients):
    url = reverse("intranet:case_action", args=[case.pk, "supplement"])
    page = clients["staff"].get(url).content.decode()
    assert "户口簿" in page and "近期免冠照片" in page
    response = clients["staff"].post(url, {"other_text": ""})
    assert "请勾选所缺材料或填写需补正的内容。" in response.content.decode()
    assert not case.supplements.exists()
    clients["staff"].post(url, {"materials": ["户口簿"]})
    assert case.supplements.get().materials == ["户口簿"]


def test_refusal_without_basis_is_refused(case, clients):
    url = reverse("intranet:case_action", args=[case.pk, "refuse"])
    response = clients["staff"].post(url, {"reason": "不符合条件", "basis": ""})
    assert "必需字段" in response.content.decode()
    assert not NegativeFiling.objects.exists()


def test_complete_form_requires_a_public_result(case, clients):
    url = reverse("intranet:case_action", args=[case.pk, "complete"])
    response = clients["staff"].post(url, {"result": "granted", "public_result": ""})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.state == Case.State.ACCEPTED


def test_head_reviews_a_refusal_and_a_correction_needs_an_instruction(case, clients, users):
    from intranet.cases import workflow

    filing = workflow.refuse(case, users["staff"], "不符合条件", "《办法》第八条")
    url = reverse("intranet:case_filing_review", args=[filing.pk])
    response = clients["head"].post(url, {"decision": "corrected", "instruction": ""})
    assert "纠正退回必须写明审核意见。" in response.content.decode()
    clients["head"].post(url, {"decision": "corrected", "instruction": "应予受理"})
    case.refresh_from_db()
    assert case.state == Case.State.ACCEPTED


def test_filing_register_exports_to_excel(case, clients, users):
    from intranet.cases import workflow

    workflow.refuse(case, users["staff"], "不符合条件", "《办法》第八条")
    response = clients["head"].get(reverse("intranet:case_filings_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == case.receipt_number
    assert sheet["G2"].value == "《办法》第八条"


def test_monthly_register_exports_masked_rows_and_rejects_a_bad_month(case, clients):
    url = reverse("intranet:case_register_export")
    bad = clients["head"].get(url, {"month": "2026/3"})
    assert bad.status_code == 400 and "月份格式应为 2026-03。" in bad.content.decode()
    month = case.received_at.strftime("%Y-%m")
    sheet = load_workbook(io.BytesIO(clients["head"].get(url, {"month": month}).content)).active
    assert sheet["A2"].value == case.receipt_number
    assert sheet["F2"].value == "测**"


def test_first_contact_register_and_one_click_to_complaint(center, clients, users):
    bad = clients["staff"].post(
        reverse("intranet:case_contact_new"), {"kind": "complaint", "at": "2999-01-01T09:00"}
    )
    assert "必需字段" in bad.content.decode() and "时间不能晚于现在。" in bad.content.decode()
    assert not FirstContact.objects.exists()
    clients["staff"].post(
        reverse("intranet:case_contact_new"),
        {
            "at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "kind": "complaint",
            "visitor_name": "来访丙",
            "phone": "13700001111",
            "matter": "窗口午休时无人接待",
            "action_taken": "已记录并报中心负责人",
        },
    )
    contact = FirstContact.objects.get()
    assert contact.closed_at is None
    clients["staff"].post(reverse("intranet:case_contact_complaint", args=[contact.pk]))
    complaint = Complaint.objects.get()
    assert (
        complaint.content == "窗口午休时无人接待" and complaint.complainant_phone == "13700001111"
    )


def test_first_contact_turns_into_a_case_with_the_details_carried_over(center, clients):
    contact = FirstContact.objects.create(
        recorded_by=clients["staff"].get("/intranet/").wsgi_request.user,
        kind=FirstContact.Kind.APPLICATION,
        visitor_name="来访丁",
        phone="13700002222",
        matter="残疾人证申领",
        action_taken="材料齐全，转收件",
    )
    page = clients["staff"].get(reverse("intranet:case_new"), {"from_contact": contact.pk})
    assert 'value="来访丁"' in page.content.decode()
    clients["staff"].post(
        reverse("intranet:case_new") + f"?from_contact={contact.pk}",
        intake(center, applicant_name="来访丁", phone="13700002222"),
    )
    contact.refresh_from_db()
    assert contact.case is not None and contact.case.applicant_name == "来访丁"


def test_printed_receipt_has_the_qr_code_and_the_center(case, clients):
    text = (
        clients["staff"]
        .get(reverse("intranet:case_document", args=[case.pk, "receipt"]))
        .content.decode()
    )
    assert "<svg" in text and "受理回执" in text and "示范镇便民服务中心" in text
    assert case.receipt_number in text and "申请人（签字）" in text


def test_head_dashboard_shows_case_tiles(center, users, clients):
    new_case(center, users)
    text = clients["head"].get("/intranet/").content.decode()
    assert "本月收件" in text and "待审核否定报备" in text and "待回访差评" in text


def test_each_printed_document_carries_its_content_and_signature_lines(case, clients, users):
    from intranet.cases import workflow

    workflow.request_supplement(case, users["staff"], ["户口簿", "近期免冠照片"], "复印件需签字")
    workflow.supplement_done(case, users["staff"])
    workflow.forward(case, users["staff"], "县残联", users["staff"], "材料已送县残联")
    workflow.refuse(case, users["staff"], "经县残联评定不符合条件", "《残疾人证管理办法》第八条")
    expected = {
        "supplement": ["材料补正通知单", "户口簿", "近期免冠照片", "复印件需签字"],
        "refusal": ["退回（不予受理）通知书", "经县残联评定不符合条件", "第八条"],
        "agency": ["为民服务全程代理承办表", "县残联", "材料已送县残联"],
    }
    for doc, phrases in expected.items():
        text = (
            clients["staff"]
            .get(reverse("intranet:case_document", args=[case.pk, doc]))
            .content.decode()
        )
        for phrase in [*phrases, "示范镇便民服务中心", "经办人（签字）", "申请人（签字）"]:
            assert phrase in text, (doc, phrase)


def test_enquiry_notice_prints_what_was_answered(center, clients, users):
    contact = FirstContact.objects.create(
        recorded_by=users["staff"],
        kind=FirstContact.Kind.ENQUIRY,
        matter="高龄津贴需要哪些材料",
        action_taken="一次性告知：身份证、户口簿",
    )
    text = (
        clients["staff"]
        .get(reverse("intranet:case_contact_notice", args=[contact.pk]))
        .content.decode()
    )
    assert "咨询件告知单" in text and "一次性告知：身份证、户口簿" in text
