"""RSS and Atom feeds of completion announcements, with applicants masked."""

import datetime
import re

import feedparser
import pytest
from django.utils import timezone

from tests.builders import APPLICANT_FULL_NAME, APPLICANT_MASKED

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/announcements/feed/rss/", "application/rss+xml"),
        ("/announcements/feed/atom/", "application/atom+xml"),
    ],
)
def test_feed_lists_announcements_with_masked_names_only(client, site_tree, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    xml = response.content.decode()
    assert "残疾人证申领" in xml
    assert APPLICANT_MASKED in xml
    assert APPLICANT_FULL_NAME not in xml
    assert site_tree.announcement.url in xml


def test_unpublished_announcements_leave_the_feed(client, site_tree):
    site_tree.announcement.unpublish()
    assert "残疾人证申领" not in client.get("/announcements/feed/rss/").content.decode()


@pytest.mark.parametrize("attribute", ["home", "announcements", "announcement"])
def test_pages_advertise_both_feeds(client, site_tree, attribute):
    html = client.get(getattr(site_tree, attribute).url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/announcements/feed/rss/"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/announcements/feed/atom/"' in html


@pytest.mark.parametrize(
    ("url", "version"),
    [("/announcements/feed/rss/", "rss20"), ("/announcements/feed/atom/", "atom10")],
)
def test_feed_parses_cleanly_in_a_feed_reader_and_carries_the_announcements(
    client, site_tree, url, version
):
    response = client.get(url)
    feed = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )
    assert not feed.bozo, f"feedparser: {feed.get('bozo_exception')}"
    assert feed.version == version
    assert feed.feed.title == "示范镇便民服务中心办结公告"
    assert feed.feed.link == "http://testserver" + site_tree.announcements.url
    [entry] = feed.entries
    assert entry.title == site_tree.announcement.public_title
    assert entry.link == "http://testserver" + site_tree.announcement.url
    assert APPLICANT_MASKED in entry.summary
    assert re.match(r"^[a-z][a-z0-9+.-]*:", entry.id), "an entry id must be an absolute IRI"
    # Imported without a publish date: dated the day the case was completed, local midnight.
    completed = timezone.make_aware(datetime.datetime(2026, 10, 12))
    assert entry.updated_parsed[:5] == completed.astimezone(datetime.UTC).timetuple()[:5]


@pytest.mark.parametrize("url", ["/announcements/feed/rss/", "/announcements/feed/atom/"])
def test_feeds_list_only_the_department_asked_for(client, site_tree, url):
    from content.models import CompletionAnnouncementPage, Department

    police = Department.objects.get(slug="huji")
    site_tree.announcements.add_child(
        instance=CompletionAnnouncementPage(
            title="户口迁移办结",
            slug="a-2",
            matter="户口迁移",
            applicant="王小明",
            result="approved",
            completed_on=datetime.date(2026, 10, 13),
            department=police,
        )
    )
    civil_only = client.get(f"{url}?department=minzheng").content.decode()
    assert "残疾人证申领" in civil_only and "户口迁移" not in civil_only
    assert "（民政办）" in civil_only
    police_only = client.get(f"{url}?department=huji").content.decode()
    assert "户口迁移" in police_only and "残疾人证申领" not in police_only
    unknown = client.get(f"{url}?department=nope").content.decode()
    assert "户口迁移" not in unknown and "残疾人证申领" not in unknown
