"""What search engines get: a sitemap of every public page, and a robots.txt that keeps them out
of the intranet and the admin."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import caches
from wagtail.models import Page, PageViewRestriction

from content.models import ArticlePage
from portal.cache_purge import flush_pending_purges
from tests.builders import PORTAL_SITE, build_center_settings, build_site

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site_tree(db):
    build_center_settings()
    tree = build_site(PORTAL_SITE)
    tree.restricted = tree.articles.add_child(
        instance=ArticlePage(title="内部考勤制度", slug="internal", body="<p>仅限工作人员。</p>")
    )
    PageViewRestriction.objects.create(
        page=tree.restricted, restriction_type=PageViewRestriction.LOGIN
    )
    tree.draft = tree.articles.add_child(
        instance=ArticlePage(
            title="未发布的制度草稿", slug="draft", body="<p>草稿。</p>", live=False
        )
    )
    return tree


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314  (our own response)
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_sitemap_lists_every_live_public_page_once(client, site_tree):
    public = Page.objects.live().public().filter(depth__gt=1)
    locations = sitemap_locations(client)
    assert len(locations) == len(set(locations))
    assert set(locations) == {page.full_url for page in public}
    assert site_tree.disability.full_url in locations
    assert site_tree.predisclosure.full_url in locations


def test_sitemap_leaves_out_restricted_unpublished_and_intranet_pages(client, site_tree):
    locations = sitemap_locations(client)
    assert site_tree.restricted.full_url not in locations
    assert site_tree.draft.full_url not in locations
    assert not [url for url in locations if "/intranet/" in url or "/admin/" in url]


def test_robots_txt_keeps_crawlers_out_of_the_intranet_and_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /intranet/" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not [line for line in lines if line.strip() == "Disallow: /"]


def test_with_the_page_cache_on_the_sitemap_shows_a_new_page_at_once(
    client, settings, site_tree, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    flush_pending_purges()
    caches["pages"].clear()
    try:
        assert client.get("/robots.txt")["Content-Type"] == "text/plain; charset=utf-8"
        before = sitemap_locations(client)
        with django_capture_on_commit_callbacks(execute=True):
            page = site_tree.articles.add_child(
                instance=ArticlePage(
                    title="新发布的制度", slug="new-rule", body="<p>新制度。</p>", live=False
                )
            )
            page.save_revision().publish()
        after = sitemap_locations(client)
        assert page.full_url not in before
        assert page.full_url in after
    finally:
        caches["pages"].clear()


def test_robots_txt_keeps_crawlers_off_complaint_receipts_and_captcha_images(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /complaints/receipt/" in lines
    assert "Disallow: /captcha/" in lines
