"""Anonymous visitors get Wagtail pages from the shared cache, and never a stale one."""

import pytest
from django.core.cache import caches
from wagtail.models import Page

from content.models import CenterSettings, ServiceGuidePage
from portal.cache_purge import flush_pending_purges

pytestmark = pytest.mark.django_db

# The public site of the content tests: home, catalog, guides, announcements, articles.

CACHE_HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings, site_tree):
    """The cache on, empty, and the site as if its creation had been committed long ago."""
    settings.PAGE_CACHE_ENABLED = True
    flush_pending_purges()
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish as the admin does: the purge runs when the transaction commits."""

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return _publish


def visit(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200
    return response


def test_second_anonymous_visit_is_served_from_the_cache(client, site_tree):
    first = visit(client, site_tree.disability.url)
    second = visit(client, site_tree.disability.url)
    assert first[CACHE_HEADER] == "MISS"
    assert second[CACHE_HEADER] == "HIT"
    assert second.content == first.content
    assert "残疾人证申领" in second.content.decode()


def test_cached_page_keeps_its_security_headers(client, site_tree):
    visit(client, site_tree.disability.url)
    hit = visit(client, site_tree.disability.url)
    assert hit[CACHE_HEADER] == "HIT"
    assert "script-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["X-Frame-Options"] == "SAMEORIGIN"


def test_published_change_shows_on_the_next_anonymous_visit(client, site_tree, publish):
    visit(client, site_tree.disability.url)
    guide = ServiceGuidePage.objects.get(pk=site_tree.disability.pk)
    guide.title = "残疾人证申领（新版）"
    publish(guide)
    after = visit(client, site_tree.disability.url)
    assert "残疾人证申领（新版）" in after.content.decode()


def test_published_change_shows_on_the_listing_pages(client, site_tree, publish):
    for url in (site_tree.catalog.url, site_tree.civil_section.url, site_tree.home.url):
        visit(client, url)
    guide = ServiceGuidePage.objects.get(pk=site_tree.subsidy.pk)
    guide.title = "高龄津贴申领（已更名）"
    publish(guide)
    assert "高龄津贴申领（已更名）" in visit(client, site_tree.catalog.url).content.decode()
    assert "高龄津贴申领（已更名）" in visit(client, site_tree.civil_section.url).content.decode()


def test_published_change_reaches_the_guide_notice_sub_page(client, site_tree, publish):
    notice_url = site_tree.disability.url + "notice/"
    visit(client, notice_url)
    guide = ServiceGuidePage.objects.get(pk=site_tree.disability.pk)
    guide.title = "残疾人证申领（告知单已更新）"
    publish(guide)
    assert "残疾人证申领（告知单已更新）" in visit(client, notice_url).content.decode()


def test_unrelated_page_stays_cached_when_a_guide_is_published(client, site_tree, publish):
    visit(client, site_tree.article.url)
    guide = ServiceGuidePage.objects.get(pk=site_tree.disability.pk)
    guide.title = "残疾人证申领（修订）"
    publish(guide)
    assert visit(client, site_tree.article.url)[CACHE_HEADER] == "HIT"


def test_unpublished_page_is_gone_for_anonymous_visitors(
    client, site_tree, django_capture_on_commit_callbacks
):
    guide_url = site_tree.disability.url
    visit(client, guide_url)
    visit(client, site_tree.civil_section.url)
    with django_capture_on_commit_callbacks(execute=True):
        ServiceGuidePage.objects.get(pk=site_tree.disability.pk).unpublish()
    assert client.get(guide_url).status_code == 404
    assert f'href="{guide_url}"' not in visit(client, site_tree.civil_section.url).content.decode()


def test_moved_page_no_longer_shows_at_its_old_address(
    client, site_tree, django_capture_on_commit_callbacks
):
    old_url = site_tree.residence.url
    visit(client, old_url)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=site_tree.residence.pk).move(
            Page.objects.get(pk=site_tree.civil_section.pk), pos="last-child"
        )
    moved = ServiceGuidePage.objects.get(pk=site_tree.residence.pk)
    old = client.get(old_url)
    assert old.status_code in (301, 302, 404)
    if old.status_code != 404:
        assert old["Location"].endswith(moved.url)
    assert "户口迁入" in visit(client, moved.url).content.decode()


def test_site_settings_change_reaches_every_cached_page(
    client, site_tree, django_capture_on_commit_callbacks
):
    visit(client, site_tree.article.url)
    with django_capture_on_commit_callbacks(execute=True):
        center = CenterSettings.objects.get()
        center.phone = "0000-9999999"
        center.save()
    assert "0000-9999999" in visit(client, site_tree.article.url).content.decode()


def test_care_mode_visitors_get_their_own_version(client, site_tree):
    standard = visit(client, site_tree.disability.url)
    client.cookies["care_mode"] = "1"
    care = visit(client, site_tree.disability.url)
    assert care[CACHE_HEADER] == "MISS"
    assert "care/care" in care.content.decode()
    assert "care/care" not in standard.content.decode()
    assert visit(client, site_tree.disability.url)[CACHE_HEADER] == "HIT"


def test_logged_in_visitor_is_never_served_or_stored(client, site_tree, django_user_model):
    visit(client, site_tree.disability.url)
    editor = django_user_model.objects.create_user("editor", password="pw-editor-123")
    client.force_login(editor)
    for _ in range(2):
        response = visit(client, site_tree.disability.url)
        assert CACHE_HEADER not in response


def test_page_with_a_csrf_protected_form_is_not_cached(client, site_tree):
    for _ in range(2):
        response = visit(client, site_tree.predisclosure.url)
        assert CACHE_HEADER not in response
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_cache_is_off_when_disabled(client, site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(2):
        assert CACHE_HEADER not in visit(client, site_tree.disability.url)


def restrict(page, django_capture_on_commit_callbacks, **fields):
    from wagtail.models import PageViewRestriction

    fields.setdefault("restriction_type", PageViewRestriction.LOGIN)
    with django_capture_on_commit_callbacks(execute=True):
        return PageViewRestriction.objects.create(page=page, **fields)


def test_page_made_private_is_no_longer_served_from_the_cache(
    client, site_tree, django_capture_on_commit_callbacks
):
    url = site_tree.disability.url
    visit(client, url)
    assert visit(client, url)[CACHE_HEADER] == "HIT"
    restrict(Page.objects.get(pk=site_tree.disability.pk), django_capture_on_commit_callbacks)
    response = client.get(url)
    assert response.status_code == 302
    assert "残疾人证申领" not in response.content.decode()


def test_pages_under_a_section_made_private_are_no_longer_served_from_the_cache(
    client, site_tree, django_capture_on_commit_callbacks
):
    url = site_tree.disability.url
    visit(client, url)
    section = Page.objects.get(pk=site_tree.civil_section.pk)
    restrict(
        section, django_capture_on_commit_callbacks, restriction_type="password", password="pw"
    )
    response = client.get(url)
    assert CACHE_HEADER not in response
    assert 'name="password"' in response.content.decode()


def test_random_query_strings_are_served_from_one_cached_variant(client, site_tree):
    url = site_tree.disability.url
    visit(client, url)
    for n in range(20):
        response = visit(client, f"{url}?junk{n}={n}&utm_source=x{n}")
        assert response[CACHE_HEADER] == "HIT"
    assert stored_entries() <= 4


def stored_entries():
    """Responses, parameter lists and tokens in the page cache: files, or keys in Redis."""
    cache = caches["pages"]
    if hasattr(cache, "_list_cache_files"):
        return len(cache._list_cache_files())
    return sum(1 for _ in cache._cache.get_client().scan_iter(match=cache.make_key("*")))


def test_unknown_query_parameters_never_reach_the_page(client, site_tree):
    response = visit(client, f"{site_tree.catalog.url}?evil=%22%3E%3Cb%3Ejunk&page=1")
    assert "junk" not in response.content.decode()
    assert "evil" not in response.content.decode()


def test_listing_filters_still_get_their_own_cached_variant(client, site_tree):
    catalog = site_tree.catalog.url
    everything = visit(client, catalog)
    immediate = visit(client, f"{catalog}?immediate=on")
    assert immediate[CACHE_HEADER] == "MISS"
    assert immediate.content != everything.content
    assert visit(client, f"{catalog}?immediate=on&junk=1")[CACHE_HEADER] == "HIT"
