"""Cached fragments (chrome, breadcrumb, page bodies) never show something stale or foreign.

Fragment caching is on in these tests, as in production: each test warms the cache with
a first request and then checks what a visitor sees after a change.
"""

import pytest
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from content.models import CenterSettings, Department
from portal import fragment_cache
from portal.care_cookie import CARE_MODE_COOKIE
from tests.builders import add_guide

pytestmark = pytest.mark.django_db


def page_text(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    return response.content.decode()


def test_an_editors_published_change_shows_at_once(client, site_tree):
    guide = site_tree.disability
    assert "《示范条例》第三条" in page_text(client, guide.url)
    guide.basis = "《残疾人保障法》第二十三条"
    guide.title = "残疾人证申领（新）"
    guide.save_revision().publish()
    text = page_text(client, guide.url)
    assert "《残疾人保障法》第二十三条" in text
    assert "残疾人证申领（新）" in text
    assert "《示范条例》第三条" not in text


def test_a_new_guide_shows_at_once_on_the_home_page_and_in_its_department(client, site_tree):
    page_text(client, site_tree.home.url)
    page_text(client, site_tree.civil_section.url)
    add_guide(
        site_tree.civil_section,
        title="临时救助申请",
        code="MZ-0099",
        department=site_tree.civil,
        promised_days=0,
    )
    assert "临时救助申请" in page_text(client, site_tree.home.url)
    assert "临时救助申请" in page_text(client, site_tree.civil_section.url)


def test_a_renamed_department_shows_at_once_on_its_guides(client, site_tree):
    guide = site_tree.disability
    assert "民政办" in page_text(client, guide.url)
    Department.objects.filter(pk=site_tree.civil.pk).update(name="民政和社会事务办")
    Department.objects.get(pk=site_tree.civil.pk).save()  # as the snippet editor saves it
    assert "民政和社会事务办" in page_text(client, guide.url)


def test_a_changed_site_setting_shows_at_once_in_the_footer(client, site_tree):
    assert "示范镇人民路1号" in page_text(client, site_tree.disability.url)
    settings = CenterSettings.objects.get()
    settings.address = "示范镇新华路8号"
    settings.save()
    text = page_text(client, site_tree.disability.url)
    assert "示范镇新华路8号" in text
    assert "示范镇人民路1号" not in text


def test_a_renamed_section_shows_at_once_in_the_breadcrumb_of_its_guides(client, site_tree):
    assert "民政办" in page_text(client, site_tree.disability.url)
    section = site_tree.civil_section
    section.title = "民政事务"
    section.save_revision().publish()
    assert '<a href="/guides/minzheng/">民政事务</a>' in page_text(client, site_tree.disability.url)


def test_care_mode_and_standard_pages_never_share_a_fragment():
    factory = RequestFactory()
    standard = factory.get("/guides/")
    care = factory.get("/guides/")
    care.COOKIES[CARE_MODE_COOKIE] = "1"
    assert fragment_cache.key_for(standard, "footer") != fragment_cache.key_for(care, "footer")


def test_care_mode_pages_stay_care_mode_and_standard_pages_standard(client, site_tree):
    url = site_tree.disability.url
    page_text(client, url)
    care_text = page_text(client, url, HTTP_COOKIE=f"{CARE_MODE_COOKIE}=1")
    assert 'template-guide care-mode"' in care_text and "care/care" in care_text
    standard_text = page_text(client, url)
    assert 'class="template-guide"' in standard_text and "care/care" not in standard_text


def test_a_section_restricted_after_being_cached_leaves_the_menu_and_its_page(client, site_tree):
    fees = site_tree.fees
    assert f'href="{fees.url}"' in page_text(client, site_tree.home.url)
    PageViewRestriction.objects.create(page=fees, restriction_type=PageViewRestriction.LOGIN)
    assert f'href="{fees.url}"' not in page_text(client, site_tree.home.url)
    response = client.get(fees.url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "/admin/login" in response["Location"]


def test_a_restricted_guide_is_never_served_from_its_cached_body(client, site_tree):
    guide = site_tree.disability
    page_text(client, guide.url)
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(guide.url)
    assert response.status_code == 302


def test_a_preview_shows_the_unsaved_change_not_the_cached_body(client, site_tree):
    guide = site_tree.disability
    page_text(client, guide.url)
    guide.basis = "草稿中的设定依据"
    response = guide.make_preview_request()
    assert "草稿中的设定依据" in response.content.decode()
    assert "草稿中的设定依据" not in page_text(client, guide.url)
