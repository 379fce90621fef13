"""Private files on an S3-compatible bucket (PRIVATE_STORAGE=s3), as several application hosts share them.

The bucket is served by moto's S3-compatible server (`moto_server`, the `moto[server]` test
dependency from PyPI), started on 127.0.0.1 for this module; django-storages talks to it over
HTTP exactly as to any other S3-compatible store.
"""

import os
import secrets

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intranet.complaints.models import Complaint
from tests.local_servers import ServerProcess, free_port, python_module

from .conftest import PNG

pytestmark = pytest.mark.django_db

REGION = "us-east-1"
ACCESS_KEY = "portal-test-key"
SECRET_KEY = "portal-test-secret"  # noqa: S105  (moto accepts any credentials)
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto_server.log"
    server = ServerProcess(
        python_module("moto.server", "--host", "127.0.0.1", "--port", str(port)),
        port,
        dict(os.environ),
        log,
        ready_path="/moto-api/",
    )
    yield server
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    """A new private bucket, and the private storage pointed at it."""
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_server.base_url,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    name = f"portal-private-{secrets.token_hex(4)}"
    s3.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "portal.private_s3_storage.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_server.base_url,
                "region_name": REGION,
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
                "location": "private",
            },
        },
    }
    return s3, name


def file_a_complaint_with(upload):
    from django.test import Client

    response = Client().post(
        "/complaints/new/",
        {
            "content": "窗口工作人员态度生硬，没有一次性告知材料。",
            "complainant_name": "",
            "complainant_phone": "",
            "website": "",
            "attachments": [upload],
        },
    )
    assert response.status_code == 302
    return Complaint.objects.get()


def attachment_url(complaint, attachment):
    return reverse("intranet:complaint_attachment", args=[complaint.pk, attachment.pk])


def test_a_complaint_attachment_is_stored_in_the_bucket_and_downloaded_through_the_intranet(
    bucket, clients, settings
):
    s3, name = bucket
    complaint = file_a_complaint_with(SimpleUploadedFile("现场照片.png", PNG, "image/png"))
    attachment = complaint.attachments.get()

    stored = s3.get_object(Bucket=name, Key=f"private/{attachment.file.name}")
    assert stored["Body"].read() == PNG
    assert not (settings.PRIVATE_MEDIA_ROOT / attachment.file.name).exists()

    response = clients["head"].get(attachment_url(complaint, attachment))
    assert response.status_code == 200
    assert response.streaming
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Disposition"].startswith("attachment;")


def test_an_attachment_in_the_bucket_is_refused_to_staff_without_the_complaint(bucket, clients):
    complaint = file_a_complaint_with(SimpleUploadedFile("现场照片.png", PNG, "image/png"))
    url = attachment_url(complaint, complaint.attachments.get())
    assert clients["other_staff"].get(url).status_code == 404
    anonymous = clients["anonymous"].get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/intranet/login/")


def test_an_attachment_in_the_bucket_is_private_and_has_no_address(bucket):
    s3, name = bucket
    complaint = file_a_complaint_with(SimpleUploadedFile("现场照片.png", PNG, "image/png"))
    attachment = complaint.attachments.get()

    acl = s3.get_object_acl(Bucket=name, Key=f"private/{attachment.file.name}")
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]
    assert all(grant["Grantee"].get("URI") != ALL_USERS for grant in acl["Grants"])
    assert attachment.file.url == ""


def test_an_attachment_on_the_local_disk_has_no_address_either(clients):
    complaint = file_a_complaint_with(SimpleUploadedFile("现场照片.png", PNG, "image/png"))
    attachment = complaint.attachments.get()
    assert attachment.file.url == ""
    assert attachment.file.read() == PNG
