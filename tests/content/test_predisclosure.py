"""Pre-disclosure (预公开) comments: pending until approved, refused outside the comment period."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from content.models import PreDisclosureComment

pytestmark = pytest.mark.django_db


def post_comment(client, page, **fields):
    data = {"name": "老王", "contact": "13800000000", "body": "建议周六也开放社保窗口。"}
    data.update(fields)
    return client.post(page.url, data)


def test_page_shows_draft_period_and_open_status(client, site_tree):
    html = client.get(site_tree.predisclosure.url).content.decode()
    assert "周六 9:00-12:00 开放综合窗口" in html
    assert "正在征求意见" in html
    assert "征求意见期" in html
    assert 'name="body"' in html and "csrfmiddlewaretoken" in html


def test_a_comment_is_stored_pending_and_the_visitor_sees_a_confirmation(client, site_tree):
    response = post_comment(client, site_tree.predisclosure)
    assert response.status_code == 302
    assert response["Location"] == site_tree.predisclosure.url
    comment = PreDisclosureComment.objects.get()
    assert comment.status == PreDisclosureComment.STATUS_PENDING
    assert comment.page_id == site_tree.predisclosure.pk
    assert comment.contact == "13800000000"
    html = client.get(response["Location"]).content.decode()
    assert "意见已提交，审核后公开" in html


def test_pending_comment_is_not_shown_and_approved_comment_is_shown_with_reply(client, site_tree):
    post_comment(client, site_tree.predisclosure)
    html = client.get(site_tree.predisclosure.url).content.decode()
    assert "建议周六也开放社保窗口。" not in html
    comment = PreDisclosureComment.objects.get()
    comment.status = PreDisclosureComment.STATUS_APPROVED
    comment.reply = "已采纳，周六开放社保窗口。"
    comment.save()
    html = client.get(site_tree.predisclosure.url).content.decode()
    assert "建议周六也开放社保窗口。" in html
    assert "已采纳，周六开放社保窗口。" in html
    assert "老王" in html


def test_the_contact_is_never_public(client, site_tree):
    post_comment(client, site_tree.predisclosure)
    PreDisclosureComment.objects.update(status=PreDisclosureComment.STATUS_APPROVED)
    assert "13800000000" not in client.get(site_tree.predisclosure.url).content.decode()


def test_rejected_comment_is_not_shown(client, site_tree):
    post_comment(client, site_tree.predisclosure, body="与本事项无关的广告")
    PreDisclosureComment.objects.update(status=PreDisclosureComment.STATUS_REJECTED)
    assert "与本事项无关的广告" not in client.get(site_tree.predisclosure.url).content.decode()


def test_name_and_contact_are_optional(client, site_tree):
    response = post_comment(client, site_tree.predisclosure, name="", contact="")
    assert response.status_code == 302
    assert PreDisclosureComment.objects.get().name == ""


def test_an_empty_comment_is_refused_in_chinese_and_nothing_stored(client, site_tree):
    response = post_comment(client, site_tree.predisclosure, body="   ")
    assert response.status_code == 400
    html = response.content.decode()
    body = BeautifulSoup(html, "html.parser").find("textarea", attrs={"name": "body"})
    assert body["aria-invalid"] == "true"
    # What a screen reader reads with the field: its help and the error, both on the page.
    described = [body.find_parent("form").find(id=i) for i in body["aria-describedby"].split()]
    assert None not in described
    assert "请填写意见内容。" in " ".join(e.get_text() for e in described)
    assert not PreDisclosureComment.objects.exists()


def test_a_comment_over_5000_characters_is_refused_and_the_text_kept(client, site_tree):
    long_body = "意" * 5001
    response = post_comment(client, site_tree.predisclosure, body=long_body)
    assert response.status_code == 400
    html = response.content.decode()
    assert "意见内容不能超过 5000 字" in html
    assert long_body in html  # the citizen's text is handed back, not lost
    assert not PreDisclosureComment.objects.exists()


def test_a_filled_honeypot_stores_nothing(client, site_tree):
    response = post_comment(client, site_tree.predisclosure, website="http://spam.example")
    assert response.status_code == 302
    assert not PreDisclosureComment.objects.exists()


def test_posting_after_the_period_closed_is_refused_and_stores_nothing(client, site_tree):
    page = site_tree.predisclosure
    page.comment_closes = timezone.localdate() - datetime.timedelta(days=1)
    page.comment_opens = page.comment_closes - datetime.timedelta(days=10)
    page.save_revision().publish()
    response = post_comment(client, page)
    assert response.status_code == 403
    assert "征求意见期已结束，意见未提交。" in response.content.decode()
    assert not PreDisclosureComment.objects.exists()
    assert "征求意见已结束" in client.get(page.url).content.decode()


def test_posting_before_the_period_opens_is_refused(client, site_tree):
    page = site_tree.predisclosure
    page.comment_opens = timezone.localdate() + datetime.timedelta(days=2)
    page.comment_closes = page.comment_opens + datetime.timedelta(days=10)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "征求意见尚未开始" in html
    response = post_comment(client, page)
    assert response.status_code == 403
    assert not PreDisclosureComment.objects.exists()


def test_posting_without_csrf_token_is_rejected(site_tree):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = post_comment(strict, site_tree.predisclosure)
    assert response.status_code == 403
    assert not PreDisclosureComment.objects.exists()


def test_sixth_comment_within_an_hour_from_one_address_is_refused_and_kept_on_screen(
    client, site_tree
):
    for n in range(5):
        assert post_comment(client, site_tree.predisclosure, body=f"第{n}条意见").status_code == 302
    response = post_comment(client, site_tree.predisclosure, body="第六条意见，内容保留")
    assert response.status_code == 429
    html = response.content.decode()
    assert "提交的意见过多" in html
    assert "第六条意见，内容保留" in html
    assert PreDisclosureComment.objects.count() == 5


def test_comments_on_one_page_stop_at_the_page_ceiling_across_addresses(site_tree, monkeypatch):
    from django.test import Client

    from content.models import PreDisclosurePage

    monkeypatch.setattr(PreDisclosurePage, "COMMENT_LIMIT_PER_PAGE", 3)
    statuses = [
        post_comment(
            Client(REMOTE_ADDR=f"10.0.0.{n}"), site_tree.predisclosure, body=f"意见{n}"
        ).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]
    assert PreDisclosureComment.objects.count() == 3
