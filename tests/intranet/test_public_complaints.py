"""The public complaint form, tracking by code and the published results."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from intranet import complaint_workflow
from intranet.models import Complaint, ComplaintAttachment

from .conftest import JPG, PDF, PNG

CONTENT = "在1号窗口办理居住证时，工作人员态度生硬，没有一次性告知材料。"


def submit(client, **extra):
    data = {"content": CONTENT, "complainant_name": "", "complainant_phone": "", "website": ""}
    data.update(extra)
    return client.post("/complaints/new/", data)


@pytest.fixture
def client(db):
    return Client()


def test_anonymous_complaint_is_stored_and_shows_a_tracking_code(client):
    response = submit(client)
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert re.fullmatch(rf"TS-{timezone.localdate().year}-[2-9A-HJ-NP-Z]{{6}}", complaint.code)
    assert complaint.code in response.content.decode()
    assert complaint.channel == "online"
    assert complaint.complainant_name == ""
    assert complaint.events.filter(is_public=True).count() == 1


def test_contact_details_and_attachments_are_kept(client, window):
    response = submit(
        client,
        complainant_name="李四",
        complainant_phone="139 0000 2222",
        target_window=window.pk,
        attachments=[
            SimpleUploadedFile("a.jpg", JPG, content_type="image/jpeg"),
            SimpleUploadedFile("b.pdf", PDF, content_type="application/pdf"),
        ],
    )
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert (complaint.complainant_name, complaint.target_window) == ("李四", window)
    assert sorted(a.original_name for a in complaint.attachments.all()) == ["a.jpg", "b.pdf"]


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(client):
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00this is an exe", content_type="image/jpeg")
    response = submit(client, attachments=[fake])
    assert "内容与扩展名不符" in response.content.decode()
    assert not Complaint.objects.exists()
    assert not ComplaintAttachment.objects.exists()


def test_a_wrong_file_type_is_refused(client):
    doc = SimpleUploadedFile("note.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = submit(client, attachments=[doc])
    assert "类型不支持" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_file_over_5_mb_is_refused(client):
    big = SimpleUploadedFile("big.png", PNG + b"\x00" * (5 * 1024 * 1024), content_type="image/png")
    response = submit(client, attachments=[big])
    assert "太大" in response.content.decode()
    assert not Complaint.objects.exists()


def test_more_than_three_files_are_refused(client):
    files = [SimpleUploadedFile(f"{i}.png", PNG, content_type="image/png") for i in range(4)]
    response = submit(client, attachments=files)
    assert "最多只能上传 3 个文件" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_bad_date_gets_a_clear_message(client):
    response = submit(client, occurred_on="2026-02-30")
    assert "日期格式不正确" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_future_date_is_refused(client):
    response = submit(client, occurred_on="2099-01-01")
    assert "不能晚于今天" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_bad_phone_number_is_refused(client):
    response = submit(client, complainant_phone="call me maybe")
    assert "正确的电话号码" in response.content.decode()
    assert not Complaint.objects.exists()


def test_the_honeypot_stores_nothing(client):
    response = submit(client, website="http://spam.example")
    assert response.status_code == 400
    assert not Complaint.objects.exists()


def test_a_sixth_complaint_within_an_hour_from_one_address_is_refused(client):
    for _i in range(5):
        assert submit(client).status_code == 200
    response = submit(client)
    assert response.status_code == 429
    assert "提交次数过多" in response.content.decode()
    assert Complaint.objects.count() == 5


def test_the_form_page_uses_no_inline_script_or_style(client):
    html = client.get("/complaints/new/").content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_tracking_shows_status_dates_and_public_timeline_only(client, complaint, users):
    complaint_workflow.add_note(
        complaint, users["staff"], "内部：投诉人是老上访户", is_public=False
    )
    complaint_workflow.add_note(complaint, users["staff"], "已调取监控核实", is_public=True)
    html = client.get("/complaints/track/", {"code": complaint.code.lower()}).content.decode()
    assert "办理中" in html
    assert "已调取监控核实" in html
    assert complaint.deadline.isoformat() in html
    for secret in ("张三丰", "13900001111", "内部", "王芳", "staff1", "郑建国"):
        assert secret not in html


def test_tracking_an_unknown_code_says_so(client):
    response = client.get("/complaints/track/", {"code": "TS-2026-AAAAAA"})
    assert "没有找到这个查询码" in response.content.decode()


def test_tracking_is_locked_after_ten_wrong_codes(client, complaint):
    for i in range(10):
        client.get("/complaints/track/", {"code": f"TS-2026-WRONG{i}"})
    response = client.get("/complaints/track/", {"code": complaint.code})
    assert response.status_code == 429
    html = response.content.decode()
    assert "查询失败次数过多" in html
    assert "办理情况" not in html


def test_not_accepted_reason_is_shown_to_the_complainant(client, users):
    c = Complaint(channel="online", content="与中心无关的问题")
    complaint_workflow.receive(c, [])
    complaint_workflow.triage(
        c, users["head"], accepted=False, reason="属于县级部门职责，请拨打12345"
    )
    html = client.get("/complaints/track/", {"code": c.code}).content.decode()
    assert "不予受理" in html and "请拨打12345" in html


def test_results_list_only_closed_complaints_the_head_approved(client, complaint, users):
    complaint_workflow.close(complaint, users["staff"], "confirmed", "已批评教育")
    complaint_workflow.request_publication(
        complaint, users["staff"], "群众反映窗口服务态度问题，经查属实，已整改。"
    )
    assert "经查属实" not in client.get("/complaints/results/").content.decode()
    complaint_workflow.approve_publication(complaint, users["head"])
    html = client.get("/complaints/results/").content.decode()
    assert "经查属实" in html
    assert "张三丰" not in html and complaint.code not in html
