"""The public complaint form, tracking by code and the published results."""

import re

import pytest
from captcha.models import CaptchaStore
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from content.models import StaffMember
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint, ComplaintAttachment
from portal.notifications.sms_file import read_outbox

from .conftest import JPG, PDF, PNG

CONTENT = "在1号窗口办理居住证时，工作人员态度生硬，没有一次性告知材料。"


def submit(client, **extra):
    data = {"content": CONTENT, "complainant_name": "", "complainant_phone": "", "website": ""}
    data.update(extra)
    return client.post("/complaints/new/", data)


def track(client, code):
    return client.post("/complaints/track/", {"code": code})


@pytest.fixture
def client(db):
    return Client()


@pytest.fixture
def sms_file(settings, tmp_path):
    settings.NOTIFICATION_SMS_FILE = tmp_path / "sms.log"
    return settings.NOTIFICATION_SMS_FILE


def test_anonymous_complaint_is_stored_and_the_receipt_shows_its_tracking_code(client):
    response = submit(client)
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert re.fullmatch(rf"TS-{timezone.localdate().year}-[2-9A-HJ-NP-Z]{{6}}", complaint.code)
    assert complaint.code not in response["Location"]
    receipt = client.get(response["Location"])
    assert complaint.code in receipt.content.decode()
    assert complaint.channel == "online"
    assert complaint.complainant_name == ""
    assert complaint.events.filter(is_public=True).count() == 1


def test_reloading_the_receipt_files_nothing_twice(client):
    receipt_url = submit(client)["Location"]
    for _i in range(3):
        assert client.get(receipt_url).status_code == 200
    assert Complaint.objects.count() == 1


def test_a_tampered_receipt_link_is_not_found(client):
    receipt_url = submit(client)["Location"]
    assert client.get(receipt_url.rstrip("/") + "x/").status_code == 404


def test_an_expired_receipt_link_says_so_without_the_code(client, settings):
    receipt_url = submit(client)["Location"]
    settings.COMPLAINT_RECEIPT_MAX_AGE = -1
    response = client.get(receipt_url)
    assert response.status_code == 410
    assert "已过期" in response.content.decode()
    assert Complaint.objects.get().code not in response.content.decode()


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
    assert response.status_code == 302
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


def captcha_answer(response):
    key = re.search(r'name="captcha_0" value="([^"]+)"', response.content.decode()).group(1)
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def test_after_five_complaints_from_one_address_the_form_asks_for_a_captcha(client):
    for _i in range(5):
        assert submit(client).status_code == 302
    assert "captcha_0" in client.get("/complaints/new/").content.decode()
    response = submit(client)
    assert response.status_code == 200
    assert "请填写验证码" in response.content.decode()
    assert Complaint.objects.count() == 5


def test_a_wrong_captcha_answer_stores_nothing(client):
    for _i in range(5):
        submit(client)
    answer = captcha_answer(client.get("/complaints/new/"))
    response = submit(client, captcha_0=answer["captcha_0"], captcha_1="99999")
    assert "验证码答案不正确" in response.content.decode()
    assert Complaint.objects.count() == 5


def test_a_citizen_who_solves_the_captcha_can_still_complain(client):
    for _i in range(5):
        submit(client)
    response = submit(client, **captcha_answer(client.get("/complaints/new/")))
    assert response.status_code == 302
    assert Complaint.objects.count() == 6


def test_past_the_hard_ceiling_even_a_solved_captcha_is_refused(client, settings):
    settings.COMPLAINT_FREE_SUBMISSIONS = 1
    settings.COMPLAINT_SUBMIT_LIMIT = 3
    submit(client)
    for _i in range(2):
        assert submit(client, **captcha_answer(client.get("/complaints/new/"))).status_code == 302
    response = submit(client, **captcha_answer(client.get("/complaints/new/")))
    assert response.status_code == 429
    assert "提交次数过多" in response.content.decode()
    assert Complaint.objects.count() == 3


def test_the_captcha_image_is_served(client):
    for _i in range(5):
        submit(client)
    html = client.get("/complaints/new/").content.decode()
    src = re.search(r'class="captcha-image" src="([^"]+)"', html).group(1)
    response = client.get(src)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"


def test_notices_without_a_phone_or_email_are_refused(client):
    response = submit(client, wants_notices="on")
    assert "请填写联系电话或电子邮箱" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_bad_email_address_is_refused(client):
    response = submit(client, complainant_email="not-an-address", wants_notices="on")
    assert "请输入正确的电子邮箱" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_citizen_who_opts_in_gets_the_code_by_email(client, sms_file):
    submit(client, complainant_email="li@example.com", wants_notices="on")
    code = Complaint.objects.get().code
    assert [m.to for m in mail.outbox] == [["li@example.com"]]
    assert code in mail.outbox[0].body
    assert read_outbox(sms_file) == []


def test_a_citizen_who_opts_in_gets_the_code_by_sms(client, sms_file):
    submit(client, complainant_phone="13900002222", wants_notices="on")
    code = Complaint.objects.get().code
    [sms] = read_outbox(sms_file)
    assert sms["to"] == "13900002222" and code in sms["body"]
    assert mail.outbox == []


def test_a_citizen_who_does_not_opt_in_gets_no_message(client, sms_file):
    submit(client, complainant_phone="13900002222", complainant_email="li@example.com")
    assert mail.outbox == [] and read_outbox(sms_file) == []


def test_the_citizen_can_name_the_staff_member_from_the_roster(client, window):
    member = StaffMember.objects.create(name="赵敏", post="窗口受理", window=window)
    assert "赵敏" in client.get("/complaints/new/").content.decode()
    submit(client, target_staff=member.pk)
    assert Complaint.objects.get().target_staff == member


def test_the_form_does_not_ask_for_a_staff_number(client):
    assert "工号" not in client.get("/complaints/new/").content.decode()


def test_the_complaint_pages_link_to_the_published_results(client):
    for path in ("/complaints/new/", "/complaints/track/"):
        assert 'href="/complaints/results/"' in client.get(path).content.decode()


def test_the_form_page_uses_no_inline_script_or_style(client):
    html = client.get("/complaints/new/").content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_tracking_shows_status_dates_and_public_timeline_only(client, complaint, users):
    complaint_workflow.add_note(
        complaint, users["staff"], "内部：投诉人是老上访户", is_public=False
    )
    complaint_workflow.add_note(complaint, users["staff"], "已调取监控核实", is_public=True)
    html = track(client, complaint.code.lower()).content.decode()
    assert "办理中" in html
    assert "已调取监控核实" in html
    assert complaint.deadline.isoformat() in html
    for secret in ("张三丰", "13900001111", "内部", "王芳", "staff1", "郑建国"):
        assert secret not in html


def test_tracking_does_not_look_up_a_code_in_the_address(client, complaint):
    html = client.get("/complaints/track/", {"code": complaint.code}).content.decode()
    assert "办理情况" not in html


def test_online_reply_text_shows_on_tracking_but_internal_notes_do_not(client, complaint, users):
    complaint_workflow.add_note(complaint, users["staff"], "内部：已约谈当事人", is_public=False)
    complaint_workflow.reply(complaint, users["staff"], "online", "经核实，已对当事人批评教育。")
    html = track(client, complaint.code).content.decode()
    assert "答复内容" in html and "经核实，已对当事人批评教育。" in html
    assert "内部：已约谈当事人" not in html


def test_a_phone_reply_text_stays_internal(client, complaint, users):
    complaint_workflow.reply(complaint, users["staff"], "phone", "电话中说明了情况：内部记录")
    html = track(client, complaint.code).content.decode()
    assert "已电话答复" in html and "内部记录" not in html


def test_a_citizen_who_opted_in_is_told_when_the_reply_is_published(
    client, sms_file, users, django_capture_on_commit_callbacks
):
    submit(client, complainant_phone="13900002222", wants_notices="on")
    c = Complaint.objects.get()
    c.category, c.method, c.handler = "attitude", "direct", users["staff"]
    complaint_workflow.triage(c, users["head"], accepted=True)
    with django_capture_on_commit_callbacks(execute=True):
        complaint_workflow.reply(c, users["staff"], "online", "已整改。")
    _received, replied = read_outbox(sms_file)
    assert c.code in replied["body"] and "已答复" in replied["body"]


def test_tracking_an_unknown_code_says_so(client):
    response = track(client, "TS-2026-AAAAAA")
    assert "没有找到这个查询码" in response.content.decode()


def test_tracking_is_locked_after_ten_wrong_codes(client, complaint):
    for i in range(10):
        track(client, f"TS-2026-WRONG{i}")
    response = track(client, complaint.code)
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
    html = track(client, c.code).content.decode()
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
