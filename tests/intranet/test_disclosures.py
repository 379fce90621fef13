"""Internal disclosures: audience, publish date, unread marks, read receipts and attachments."""

import datetime as dt

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from intranet import roles
from intranet.disclosures.models import Disclosure, DisclosureRead

from .conftest import PDF


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


def test_unread_items_are_marked_until_opened(clients, users, disclosure):
    assert "未读" in clients["staff"].get(url("disclosure_list")).content.decode()
    clients["staff"].get(url("disclosure_detail", disclosure.pk))
    assert DisclosureRead.objects.filter(disclosure=disclosure, user=users["staff"]).count() == 1
    html = clients["staff"].get(url("disclosure_list")).content.decode()
    assert "tag-unread" not in html


def test_opening_twice_keeps_one_receipt(clients, disclosure):
    clients["staff"].get(url("disclosure_detail", disclosure.pk))
    clients["staff"].get(url("disclosure_detail", disclosure.pk))
    assert DisclosureRead.objects.count() == 1


def test_the_head_sees_who_has_and_has_not_read(clients, users, disclosure):
    clients["staff"].get(url("disclosure_detail", disclosure.pk))
    html = clients["head"].get(url("disclosure_reads", disclosure.pk)).content.decode()
    assert "已读 1 人" in html
    unread = (
        clients["head"]
        .get(url("disclosure_reads", disclosure.pk) + "?show=unread")
        .content.decode()
    )
    assert "李强" in unread and "王芳" not in unread


def test_an_item_for_chosen_groups_is_hidden_from_others(clients, users):
    item = Disclosure.objects.create(title="推荐人选", category="personnel", body="……")
    item.audience_groups.set([Group.objects.get(name=roles.GROUP_NAMES[roles.INSPECTOR])])
    assert clients["staff"].get(url("disclosure_detail", item.pk)).status_code == 404
    assert "推荐人选" not in clients["staff"].get(url("disclosure_list")).content.decode()
    assert clients["inspector"].get(url("disclosure_detail", item.pk)).status_code == 200


def test_a_future_item_is_not_visible_yet(clients):
    item = Disclosure.objects.create(
        title="明年值班安排",
        category="other",
        body="……",
        publish_at=timezone.now() + dt.timedelta(days=3),
    )
    assert clients["staff"].get(url("disclosure_detail", item.pk)).status_code == 404
    assert "明年值班安排" not in clients["staff"].get(url("disclosure_list")).content.decode()
    assert "未到公开时间" in clients["head"].get(url("disclosure_list")).content.decode()
    clients["head"].get(url("disclosure_detail", item.pk))
    assert not DisclosureRead.objects.exists()


def test_the_head_publishes_with_an_attachment(clients):
    response = clients["head"].post(
        url("disclosure_new"),
        {
            "title": "考勤通报",
            "category": "personnel",
            "body": "10月出勤率98%",
            "publish_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "attachments": [SimpleUploadedFile("通报.pdf", PDF, content_type="application/pdf")],
        },
    )
    item = Disclosure.objects.get()
    assert response.status_code == 302
    assert item.attachments.get().original_name == "通报.pdf"
    download = clients["staff"].get(
        url("disclosure_attachment", item.pk, item.attachments.get().pk)
    )
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_wrong_attachment_publishes_nothing(clients):
    response = clients["head"].post(
        url("disclosure_new"),
        {
            "title": "考勤通报",
            "category": "personnel",
            "body": "正文",
            "publish_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "attachments": [
                SimpleUploadedFile("通报.pdf", b"<html>not a pdf", content_type="application/pdf")
            ],
        },
    )
    assert "内容与扩展名不符" in response.content.decode()
    assert not Disclosure.objects.exists()


def test_a_bad_publish_date_publishes_nothing(clients):
    response = clients["head"].post(
        url("disclosure_new"),
        {"title": "x", "category": "other", "body": "y", "publish_at": "2026-13-45T25:00"},
    )
    assert response.status_code == 200
    assert not Disclosure.objects.exists()


def test_an_attachment_of_another_item_is_not_found(clients, disclosure):
    other = Disclosure.objects.create(title="其他", category="other", body="……")
    att = disclosure.attachments.get()
    assert clients["staff"].get(url("disclosure_attachment", other.pk, att.pk)).status_code == 404


def test_attachments_are_not_under_the_public_media_url(disclosure):
    att = disclosure.attachments.get()
    from django.conf import settings

    assert not att.file.path.startswith(str(settings.MEDIA_ROOT) + "/")


def test_the_administrator_account_is_not_counted_among_the_readers(clients, users, disclosure):
    from intranet import dashboard

    unread = (
        clients["head"]
        .get(url("disclosure_reads", disclosure.pk) + "?show=unread")
        .content.decode()
    )
    assert "李强" in unread and "管理员" not in unread
    (row,) = dashboard.unread_disclosures(users["head"]).rows
    # staff1, staff2, head, inspector and editor: five readers, the administrator not among them.
    assert row.bars[0].value == 5
