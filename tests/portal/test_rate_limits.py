"""Rate limits counted in the shared database table, oversized requests, the client address."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from intranet.complaints.models import Complaint
from portal import rate_limits
from portal.models import RateCounter

pytestmark = pytest.mark.django_db

CONTENT = "在1号窗口办理居住证时，工作人员态度生硬，没有一次性告知材料。"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _ceiling_of_five(settings):
    # These tests are about whose attempts are counted; a ceiling of five keeps them short
    # (the captcha between the free submissions and the ceiling is tested with the form).
    settings.COMPLAINT_SUBMIT_LIMIT = 5


def submit(client, **extra):
    data = {"content": CONTENT, "complainant_name": "", "complainant_phone": "", "website": ""}
    data.update(extra)
    return client.post("/complaints/new/", data)


def test_complaint_counters_are_kept_in_the_database_where_every_worker_sees_them():
    assert submit(Client()).status_code == 302
    row = RateCounter.objects.get()
    assert row.bucket == "complaint-submit:ip:127.0.0.1"
    assert row.hits == 1


def test_a_request_larger_than_the_largest_upload_is_refused_with_a_chinese_page():
    huge = SimpleUploadedFile(
        "big.png", PNG + b"\x00" * (17 * 1024 * 1024), content_type="image/png"
    )
    response = submit(Client(), attachments=[huge])
    assert response.status_code == 413
    html = response.content.decode()
    assert "提交的内容过大" in html and "16 MB" in html
    assert not Complaint.objects.exists()


def test_refused_oversized_complaints_count_toward_the_hourly_limit():
    client = Client()
    huge = PNG + b"\x00" * (17 * 1024 * 1024)
    for _ in range(5):
        big = SimpleUploadedFile("big.png", huge, content_type="image/png")
        assert submit(client, attachments=[big]).status_code == 413
    response = submit(client)
    assert response.status_code == 429
    assert not Complaint.objects.exists()


def test_refused_uploads_count_toward_the_hourly_limit_but_typos_do_not():
    client = Client()
    for _ in range(5):
        fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00exe", content_type="image/jpeg")
        submit(client, attachments=[fake])
    assert submit(client).status_code == 429

    other = Client(REMOTE_ADDR="10.1.1.1")
    for _ in range(5):
        assert "投诉内容太短" in submit(other, content="太短").content.decode()
    assert submit(other).status_code == 302


def test_a_forged_forwarded_for_header_does_not_give_a_new_allowance():
    for n in range(5):
        assert submit(Client(HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")).status_code == 302
    assert submit(Client(HTTP_X_FORWARDED_FOR="203.0.113.99")).status_code == 429


def test_behind_a_configured_proxy_the_address_it_appended_is_the_client(settings):
    settings.RATE_LIMIT_CLIENT_IP_HEADER = "X-Forwarded-For"
    for _ in range(5):
        assert submit(Client(HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")).status_code == 302
    # The same visitor, pretending to be someone else in the part the proxy passes on.
    assert submit(Client(HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.7")).status_code == 429
    # Another visitor behind the same proxy has their own allowance.
    assert submit(Client(HTTP_X_FORWARDED_FOR="198.51.100.8")).status_code == 302


def test_a_counter_starts_again_in_the_next_window():
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    assert [rate_limits.hit("t:ip:x", 60, now=now) for _ in range(3)] == [1, 2, 3]
    assert rate_limits.hit("t:ip:x", 60, now=now + timedelta(seconds=60)) == 1


def test_expired_counters_are_deleted_as_new_hits_arrive(monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    monkeypatch.setattr(rate_limits, "CLEANUP_PROBABILITY", 1.0)
    long_ago = timezone.now() - timedelta(hours=3)
    rate_limits.hit("old:ip:x", 3600, now=long_ago)
    rate_limits.hit("new:ip:x", 3600)
    assert list(RateCounter.objects.values_list("bucket", flat=True)) == ["new:ip:x"]
