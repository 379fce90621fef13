"""Completion announcements (办结公告): filterable list and detail, applicants always masked."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import CompletionAnnouncementPage, DepartmentSectionPage
from tests.builders import APPLICANT_FULL_NAME, APPLICANT_MASKED

pytestmark = pytest.mark.django_db


def add_announcement(section, *, number, applicant, completed_on, department):
    return section.add_child(
        instance=CompletionAnnouncementPage(
            title=f"{applicant}的公告{number}",
            slug=f"n-{number}",
            matter=f"测试事项{number}",
            applicant=applicant,
            completed_on=completed_on,
            department=department,
        )
    )


@pytest.fixture
def police_notices(site_tree):
    return site_tree.announcements.add_child(
        instance=DepartmentSectionPage(
            title="户籍办结公告", slug="huji", department=site_tree.police
        )
    )


def test_list_shows_masked_applicant_and_never_the_full_name(client, site_tree):
    html = client.get(site_tree.announcements.url).content.decode()
    assert APPLICANT_MASKED in html
    assert APPLICANT_FULL_NAME not in html
    for text in ["残疾人证申领", "准予办理", "2026-10-12", "民政办"]:
        assert text in html


def test_detail_shows_masked_applicant_and_never_the_full_name(client, site_tree):
    html = client.get(site_tree.announcement.url).content.decode()
    assert APPLICANT_MASKED in html
    assert APPLICANT_FULL_NAME not in html
    assert "准予办理" in html and "2026年10月12日" in html


@pytest.mark.parametrize("attribute", ["home", "civil_notices", "civil_section"])
def test_other_pages_listing_announcements_mask_the_name(client, site_tree, attribute):
    html = client.get(getattr(site_tree, attribute).url).content.decode()
    assert APPLICANT_MASKED in html
    assert APPLICANT_FULL_NAME not in html


def test_filter_by_month(client, site_tree):
    add_announcement(
        site_tree.civil_notices,
        number=2,
        applicant="陈大文",
        completed_on=datetime.date(2026, 9, 30),
        department=site_tree.civil,
    )
    html = client.get(site_tree.announcements.url + "?month=2026-09").content.decode()
    assert "测试事项2" in html
    assert ">残疾人证申领</a>" not in html
    assert "共 1 条办结公告" in html
    assert '<option value="2026-10">2026年10月</option>' in html


def test_filter_by_department(client, site_tree, police_notices):
    add_announcement(
        police_notices,
        number=3,
        applicant="周小平",
        completed_on=datetime.date(2026, 10, 1),
        department=site_tree.police,
    )
    html = client.get(site_tree.announcements.url + "?department=huji").content.decode()
    assert "测试事项3" in html and "周*" in html and "周小平" not in html
    assert ">残疾人证申领</a>" not in html


def test_a_malformed_month_is_ignored_not_an_error(client, site_tree):
    response = client.get(site_tree.announcements.url + "?month=2026-13")
    assert response.status_code == 200
    assert "残疾人证申领" in response.content.decode()


def test_list_paginates(client, site_tree):
    for number in range(25):
        add_announcement(
            site_tree.civil_notices,
            number=100 + number,
            applicant="林某",
            completed_on=datetime.date(2026, 8, 1),
            department=site_tree.civil,
        )
    html = client.get(site_tree.announcements.url + "?page=2").content.decode()
    assert "共 26 条办结公告" in html and "第 2 页，共 2 页" in html


def test_list_query_count_does_not_grow_with_rows(
    client, site_tree, police_notices, django_assert_num_queries, settings
):
    # The query plan itself: no fragment served from the cache on one side only.
    settings.FRAGMENT_CACHE_ENABLED = False
    url = site_tree.announcements.url
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    small = len(captured)  # before the next request resets the query log
    for number in range(15):
        add_announcement(
            police_notices if number % 2 else site_tree.civil_notices,
            number=200 + number,
            applicant="郑某某",
            completed_on=datetime.date(2026, 1 + number % 12, 3),
            department=site_tree.police if number % 2 else site_tree.civil,
        )
    client.get(url)  # the publishes replaced the route table and the Site lookup
    with django_assert_num_queries(small):
        client.get(url)


def new_announcement(section, guide, **fields):
    values = {
        "title": "临时救助申请（王小明）",
        "guide": guide,
        "matter": "临时救助申请",
        "applicant": "王小明",
        "completed_on": datetime.date(2026, 10, 20),
    }
    values.update(fields)
    return section.add_child(instance=CompletionAnnouncementPage(**values))


def test_announcement_titled_with_a_full_name_gets_an_address_without_it(site_tree):
    page = new_announcement(site_tree.civil_notices, site_tree.disability)
    code = site_tree.disability.code.lower()
    assert page.slug == f"{code}-001"
    assert "王" not in page.url and "%E7%8E%8B" not in page.url.upper()


def test_an_address_derived_from_the_title_is_replaced_on_creation(site_tree):
    page = new_announcement(
        site_tree.civil_notices, site_tree.disability, slug="临时救助申请王小明"
    )
    second = new_announcement(site_tree.civil_notices, site_tree.disability, slug="")
    code = site_tree.disability.code.lower()
    assert (page.slug, second.slug) == (f"{code}-001", f"{code}-002")


def test_an_announcement_without_a_guide_gets_a_numbered_address(site_tree):
    assert new_announcement(site_tree.civil_notices, None).slug == "notice-001"


def test_editing_an_address_to_chinese_is_refused_with_a_chinese_message(site_tree):
    from django.core.exceptions import ValidationError

    page = CompletionAnnouncementPage.objects.get(pk=site_tree.announcement.pk)
    page.slug = "王小明"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "只能使用小写英文字母" in error.value.message_dict["slug"][0]


def test_editing_an_address_to_the_applicants_name_in_pinyin_is_refused(site_tree):
    from django.core.exceptions import ValidationError

    page = new_announcement(site_tree.civil_notices, site_tree.disability)
    page.slug = "wang-xiao-ming-jiuzhu"
    with pytest.raises(ValidationError) as error:
        page.save_revision()
    assert "拼音" in error.value.message_dict["slug"][0]


def test_existing_announcements_with_a_name_in_the_address_are_renamed_and_redirected(
    client, site_tree
):
    import importlib

    from django.apps import apps
    from wagtail.models import Page

    page = new_announcement(site_tree.civil_notices, site_tree.disability)
    Page.objects.filter(pk=page.pk).update(
        slug="临时救助申请王小明", url_path=page.url_path.replace(page.slug, "临时救助申请王小明")
    )
    old_url = Page.objects.get(pk=page.pk).url
    migration = importlib.import_module("content.migrations.0004_announcement_slugs_without_names")
    migration.rename_slugs(apps, None)
    renamed = Page.objects.get(pk=page.pk)
    assert renamed.slug == f"{site_tree.disability.code.lower()}-001"
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(renamed.url)


def test_an_announcement_added_in_the_admin_with_the_title_as_its_address_gets_a_safe_one(
    client, site_tree, django_user_model
):
    admin = django_user_model.objects.create_superuser("root", password="x-test-password")
    client.force_login(admin)
    parent = site_tree.civil_notices
    response = client.post(
        f"/admin/pages/add/content/completionannouncementpage/{parent.pk}/",
        {
            "title": "临时救助申请（王小明）",
            "slug": "临时救助申请王小明",
            "guide": site_tree.disability.pk,
            "matter": "临时救助申请",
            "applicant": "王小明",
            "result": "approved",
            "completed_on": "2026-10-20",
            "result_note": "",
            "department": "",
            "seo_title": "",
            "search_description": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CompletionAnnouncementPage.objects.get(matter="临时救助申请")
    assert page.slug == f"{site_tree.disability.code.lower()}-001"
