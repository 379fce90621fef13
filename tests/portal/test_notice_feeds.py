"""RSS and Atom feeds of news and notices (通知公告), whole or one category."""

import datetime
import re

import feedparser
import pytest

from content.models import NoticePage
from tests.builders import PORTAL_SITE, build_center_settings, build_site

pytestmark = pytest.mark.django_db

FEEDS = [("/notices/feed/rss/", "rss20"), ("/notices/feed/atom/", "atom10")]


@pytest.fixture
def site_tree(db):
    build_center_settings()
    tree = build_site(PORTAL_SITE)
    policy = NoticePage(
        title="低保标准调整政策解读",
        slug="dibao",
        category="policy",
        date=datetime.date(2026, 11, 20),
        body="<p>城乡低保标准统一提高，<strong>无需重新申请</strong>。</p>",
    )
    tree.notice_index.add_child(instance=policy)
    policy.save_revision().publish()
    tree.policy = NoticePage.objects.get(pk=policy.pk)
    return tree


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )
    assert not feed.bozo, f"feedparser: {feed.get('bozo_exception')}"
    return feed


@pytest.mark.parametrize(("url", "version"), FEEDS)
def test_feed_carries_every_notice_newest_first_with_its_summary(client, site_tree, url, version):
    feed = parse(client, url)

    assert feed.version == version
    assert feed.feed.title == "示范镇便民服务中心通知公告"
    assert feed.feed.link == "http://testserver" + site_tree.notice_index.url
    assert [entry.title for entry in feed.entries] == [
        "关于元旦期间办公安排的通知",
        "低保标准调整政策解读",
    ]
    holiday, policy = feed.entries
    assert holiday.link == "http://testserver" + site_tree.notice.url
    assert holiday.summary == "1月1日至3日暂停对外办公，1月4日起恢复正常办公。"
    assert policy.summary == "城乡低保标准统一提高，无需重新申请。"  # no summary: the body's text
    assert [tag.term for tag in policy.tags] == ["政策解读"]
    assert re.match(r"^[a-z][a-z0-9+.-]*:", holiday.id), "an entry id must be an absolute IRI"


@pytest.mark.parametrize(("url", "version"), FEEDS)
def test_feed_lists_only_the_category_asked_for(client, site_tree, url, version):
    feed = parse(client, f"{url}?category=policy")

    assert feed.feed.title == "示范镇便民服务中心通知公告（政策解读）"
    assert feed.feed.link == f"http://testserver{site_tree.notice_index.url}?category=policy"
    assert [entry.title for entry in feed.entries] == ["低保标准调整政策解读"]


@pytest.mark.parametrize(("url", "version"), FEEDS)
def test_an_unknown_category_gives_an_empty_feed_not_everything(client, site_tree, url, version):
    feed = parse(client, f"{url}?category=nope")
    assert feed.entries == []


def test_unpublished_notices_leave_the_feed(client, site_tree):
    site_tree.policy.unpublish()
    assert "低保标准调整政策解读" not in client.get("/notices/feed/rss/").content.decode()


@pytest.mark.parametrize("attribute", ["home", "notice_index", "notice"])
def test_pages_advertise_the_notice_feeds(client, site_tree, attribute):
    html = client.get(getattr(site_tree, attribute).url).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="通知公告（RSS）" '
        'href="/notices/feed/rss/">'
    ) in html
    assert (
        '<link rel="alternate" type="application/atom+xml" title="通知公告（Atom）" '
        'href="/notices/feed/atom/">'
    ) in html


def test_a_filtered_list_advertises_the_feed_of_its_category(client, site_tree):
    html = client.get(site_tree.notice_index.url, {"category": "policy"}).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="通知公告：政策解读（RSS）" '
        'href="/notices/feed/rss/?category=policy">'
    ) in html
