"""News and notices (通知公告): the list, a notice, the home page block, the menu and the sitemap."""

import datetime

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from content.models import NoticeAttachment, NoticePage
from portal.cache_purge import flush_pending_purges

pytestmark = pytest.mark.django_db


def add_notice(index, title, date, category="notice", *, live=True, body="<p>正文。</p>", **fields):
    notice = NoticePage(title=title, date=date, category=category, body=body, live=live, **fields)
    index.add_child(instance=notice)
    if live:
        notice.save_revision().publish()
    else:
        notice.save_revision()
    return NoticePage.objects.get(pk=notice.pk)


def text_of(client, url, data=None):
    response = client.get(url, data or {})
    assert response.status_code == 200
    return response.content.decode()


def positions(html, titles):
    return [html.index(title) for title in titles]


def test_the_list_shows_notices_newest_first(client, site_tree):
    index = site_tree.notice_index
    add_notice(index, "关于十月份的通知", datetime.date(2026, 10, 8))
    add_notice(index, "关于十二月底的通知", datetime.date(2026, 12, 28))
    add_notice(index, "关于十一月份的公告", datetime.date(2026, 11, 3), "bulletin")

    html = text_of(client, index.url)

    newest_first = ["关于十二月底的通知", "关于元旦期间办公安排的通知", "关于十一月份的公告"]
    newest_first.append("关于十月份的通知")
    assert positions(html, newest_first) == sorted(positions(html, newest_first))


def test_the_category_filter_lists_only_that_category(client, site_tree):
    index = site_tree.notice_index
    add_notice(index, "低保标准调整政策解读", datetime.date(2026, 11, 20), "policy")

    html = text_of(client, index.url, {"category": "policy"})

    assert "低保标准调整政策解读" in html
    assert "关于元旦期间办公安排的通知" not in html
    assert 'href="/tongzhi/?category=policy" aria-current="page">政策解读</a>' in html


def test_an_unknown_category_lists_everything_and_says_so(client, site_tree):
    index = site_tree.notice_index
    add_notice(index, "低保标准调整政策解读", datetime.date(2026, 11, 20), "policy")

    html = text_of(client, index.url, {"category": "<script>x</script>"})

    assert "没有这个类别，下面列出全部通知公告。" in html
    assert "低保标准调整政策解读" in html and "关于元旦期间办公安排的通知" in html
    assert "<script>x" not in html


def test_a_category_without_notices_says_so_and_links_to_all(client, site_tree):
    html = text_of(client, site_tree.notice_index.url, {"category": "policy"})
    assert "暂无“政策解读”类通知公告。" in html
    assert f'<a href="{site_tree.notice_index.url}">查看全部通知公告</a>' in html


def test_an_empty_list_says_there_are_no_notices(client, site_tree):
    site_tree.notice.delete()
    assert "暂无通知公告。" in text_of(client, site_tree.notice_index.url)


def test_the_list_is_paginated_twenty_to_a_page(client, site_tree):
    index = site_tree.notice_index
    for day in range(1, 21):
        add_notice(index, f"第{day}号通知", datetime.date(2026, 11, day))

    first = text_of(client, index.url)
    second = text_of(client, index.url, {"page": "2"})

    assert "第20号通知" in first and "关于元旦期间办公安排的通知" in first
    assert "第1号通知" not in first
    assert "第1号通知" in second and "第2号通知" not in second
    assert "第 2 页，共 2 页" in second


def test_draft_notices_are_nowhere_public(client, site_tree):
    draft = add_notice(
        site_tree.notice_index, "尚未审核的草稿通知", datetime.date(2026, 12, 30), live=False
    )

    assert "尚未审核的草稿通知" not in text_of(client, site_tree.notice_index.url)
    assert "尚未审核的草稿通知" not in text_of(client, site_tree.home.url)
    assert "尚未审核的草稿通知" not in text_of(client, "/notices/feed/rss/")
    assert client.get(draft.url or f"{site_tree.notice_index.url}{draft.slug}/").status_code == 404


def test_a_notice_shows_its_category_date_body_and_attachments(client, site_tree):
    document = Document(title="元旦值班安排表")
    document.file.save("duty.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    notice = site_tree.notice
    notice.attachments = [NoticeAttachment(document=document, title="值班人员及电话")]
    notice.save_revision().publish()

    html = text_of(client, notice.url)

    assert "<h1>关于元旦期间办公安排的通知</h1>" in html
    assert "节假日安排" in html and "2026年12月25日" in html
    assert "紧急事项请拨打值班电话" in html
    assert f'<a href="{document.url}" download>值班人员及电话</a>' in html


def test_the_home_page_shows_the_latest_three_with_a_more_link(client, site_tree):
    index = site_tree.notice_index
    add_notice(index, "第一条旧通知", datetime.date(2026, 9, 1))
    add_notice(index, "第二条通知", datetime.date(2026, 10, 1))
    add_notice(index, "第三条通知", datetime.date(2026, 11, 1))

    html = text_of(client, site_tree.home.url)

    assert "第一条旧通知" not in html
    shown = ["关于元旦期间办公安排的通知", "第三条通知", "第二条通知"]
    assert positions(html, shown) == sorted(positions(html, shown))
    assert f'<a href="{index.url}">更多<span class="visually-hidden">通知公告</span></a>' in html


def test_a_published_notice_shows_on_the_cached_home_page_at_once(
    client, site_tree, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    flush_pending_purges()
    caches["pages"].clear()
    text_of(client, site_tree.home.url)
    assert client.get(site_tree.home.url)["X-Page-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        add_notice(site_tree.notice_index, "春节期间办公安排", datetime.date(2026, 12, 31))

    assert "春节期间办公安排" in text_of(client, site_tree.home.url)
    caches["pages"].clear()


def test_the_main_menu_links_the_notices(client, site_tree):
    html = text_of(client, site_tree.notice.url)
    assert f'<a href="{site_tree.notice_index.url}" aria-current="page">通知公告</a>' in html


def test_the_sitemap_lists_the_notices(client, site_tree):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"{site_tree.notice_index.url}</loc>" in xml
    assert f"{site_tree.notice.url}</loc>" in xml
