"""News and notices (通知公告) in the site search, on both engines, kept current by the outbox."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from content.models import NoticeAttachment, NoticeIndexPage, NoticePage
from tests.builders import publish


@pytest.fixture
def notices(indexed_site, django_capture_on_commit_callbacks):
    document = Document(title="春节值班表")
    document.file.save("duty.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    with django_capture_on_commit_callbacks(execute=True):
        index = publish(
            indexed_site.home.add_child(instance=NoticeIndexPage(title="通知公告", slug="tongzhi"))
        )
        holiday = NoticePage(
            title="关于春节期间办公安排的通知",
            slug="chunjie",
            category="holiday",
            date=datetime.date(2026, 2, 10),
            body="<p>2月15日至23日放假，中心暂停对外办公，2月24日起恢复正常办公。</p>",
        )
        holiday.attachments = [NoticeAttachment(document=document, title="春节值班人员及电话")]
        index.add_child(instance=holiday)
        holiday = publish(holiday)
        draft = NoticePage(
            title="尚未发布的春节草稿通知",
            slug="draft",
            category="notice",
            date=datetime.date(2026, 2, 11),
            body="<p>草稿。</p>",
            live=False,
        )
        index.add_child(instance=draft)
        draft.save_revision()
    return holiday


def test_a_notice_is_found_by_its_title_and_body(engine, notices):
    hit = engine.search("春节 办公").hits[0]
    assert (hit.title, hit.type, hit.url) == ("关于春节期间办公安排的通知", "notice", notices.url)
    assert engine.search("暂停对外办公").hits[0].title == "关于春节期间办公安排的通知"


def test_a_notice_is_found_by_its_attachment_and_category(engine, notices):
    assert engine.search("值班人员").hits[0].title == "关于春节期间办公安排的通知"
    found = engine.search("春节", filters={"topic": "节假日安排"})
    assert [hit.title for hit in found.hits] == ["关于春节期间办公安排的通知"]


def test_draft_notices_are_not_searchable(engine, notices):
    assert "尚未发布的春节草稿通知" not in [hit.title for hit in engine.search("春节 草稿").hits]


def test_an_unpublished_notice_leaves_the_index(
    engine, notices, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notices.unpublish()
    assert "关于春节期间办公安排的通知" not in [hit.title for hit in engine.search("春节").hits]


def test_the_search_page_labels_and_filters_notices(client, engine_name, notices):
    html = client.get("/search/", {"q": "春节", "type": "notice"}).content.decode()
    assert notices.url in html
    assert '<span class="hit-type">通知公告</span>' in html
    assert '<span class="hit-type">办事指南</span>' not in html
