"""Files attached to the public complaint form: only real photos and PDFs, only for staff."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intranet import roles
from intranet.complaints.models import Complaint, ComplaintAttachment
from tests.builders import make_user, tiny_png

pytestmark = pytest.mark.django_db

CONTENT = "在2号窗口办理业务时工作人员态度恶劣，请核查处理。"


def post_complaint(client, *files):
    # A stored complaint redirects to its receipt page.
    data = {"content": CONTENT, "attachments": list(files)}
    return client.post("/complaints/new/", data, follow=True)


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("photo.png", b"<script>alert(1)</script>", "image/png"),
        ("photo.html", b"<html><script>alert(1)</script></html>", "text/html"),
        (
            "photo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "image/svg+xml",
        ),
        ("report.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf"),
        ("photo.png.exe", tiny_png(), "application/octet-stream"),
    ],
    ids=["html-named-png", "html", "svg", "exe-named-pdf", "double-extension"],
)
def test_a_disguised_or_unsupported_file_is_refused_and_nothing_is_stored(
    client, public_site, name, data, content_type
):
    response = post_complaint(client, SimpleUploadedFile(name, data, content_type=content_type))
    assert response.status_code == 200
    html = response.content.decode()
    assert "投诉已提交" not in html
    assert name in html  # the message names the refused file, in Chinese
    assert Complaint.objects.count() == 0 and ComplaintAttachment.objects.count() == 0


def test_a_real_photo_is_kept_and_served_only_to_staff_as_a_download(client, public_site):
    response = post_complaint(client, SimpleUploadedFile("窗口.png", tiny_png(), "image/png"))
    assert "投诉已提交" in response.content.decode()
    complaint = Complaint.objects.get()
    attachment = complaint.attachments.get()
    path = f"/intranet/complaints/{complaint.pk}/attachments/{attachment.pk}/"

    anonymous = client.get(path)
    assert anonymous.status_code in (302, 403, 404)
    assert anonymous.status_code != 302 or "/intranet/login/" in anonymous["Location"]

    head = make_user("head", roles.GROUP_NAMES[roles.HEAD], first_name="郑建国")
    client.force_login(head)
    download = client.get(path)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == tiny_png()
