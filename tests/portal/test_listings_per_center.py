"""Public listings when one install serves several centers (docs/county.md): each center's
portal (its Wagtail Site, found by host name) lists only its own guides, announcements,
notices, fees and staff, and links only within itself."""

import datetime

import pytest
from django.utils import timezone

from content.models import (
    AnnouncementIndexPage,
    CommitmentPage,
    CompletionAnnouncementPage,
    Department,
    DepartmentSectionPage,
    FeeDisclosurePage,
    LeaderDuty,
    NoticeIndexPage,
    NoticePage,
    ServiceCatalogPage,
    StaffMember,
    StaffRosterPage,
    Window,
)
from tests.builders import add_guide, add_township, publish, the_existing_center

TOWNSHIP_HOST = "xinhe.localhost"
# What each home page shows: an immediate guide, a department, a notice. The county's is the
# default site (PORTAL_SITE), served to any host that is not the township's.
COUNTY_HOME = ("高龄津贴申请", "派出所户籍室", "关于元旦期间办公安排的通知")
TOWNSHIP_HOME = ("新河镇渔船登记", "新河镇渔业办", "新河镇停水通知")
# Guides and topics of each catalog ("户口迁入" is also the search box's example text).
COUNTY_CATALOG = ("残疾人证申领", "高龄津贴申请", "户籍办理")
TOWNSHIP_CATALOG = ("新河镇渔船登记", "新河镇农机补贴", "新河镇渔业")


def add_page(parent, page):
    parent.add_child(instance=page)
    return publish(page)


@pytest.fixture
def township(site_tree, settings):
    """A second center, Xinhe, with its own department, window, guides, boards and staff."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, TOWNSHIP_HOST]
    center = add_township(
        "新河镇便民服务中心", "xinhe", TOWNSHIP_HOST, parent=the_existing_center()
    )
    home = center.site.root_page
    fishery = Department.objects.create(
        center=center, name="新河镇渔业办", slug="xinhe-yuye", sort_order=1
    )
    window = Window.objects.create(name="新河镇综合窗口", department=fishery)
    catalog = add_page(home, ServiceCatalogPage(title="办事指南", slug="guides"))
    section = add_page(
        catalog, DepartmentSectionPage(title="新河镇渔业办", slug="yuye", department=fishery)
    )
    boat = add_guide(
        section,
        title="新河镇渔船登记",
        code="XH-001",
        department=fishery,
        window=window,
        topics=["新河镇渔业"],
        promised_days=0,
        fee_charged=True,
        fee_standard="登记费每船 20 元",
        fee_basis="《示范省渔业收费标准》",
    )
    add_guide(section, title="新河镇农机补贴", code="XH-002", department=fishery)
    board = add_page(home, AnnouncementIndexPage(title="办结公告", slug="notices"))
    board_section = add_page(
        board, DepartmentSectionPage(title="新河镇渔业办公告", slug="yuye", department=fishery)
    )
    add_page(
        board_section,
        CompletionAnnouncementPage(
            title="新河镇渔船登记办结",
            slug="xh-a-1",
            guide=boat,
            matter="新河镇渔船登记",
            applicant="孙大海",
            result="approved",
            completed_on=datetime.date(2026, 10, 20),
            department=fishery,
        ),
    )
    notices = add_page(home, NoticeIndexPage(title="通知公告", slug="tongzhi"))
    add_page(
        notices,
        NoticePage(
            title="新河镇停水通知",
            slug="tingshui",
            category="notice",
            date=datetime.date(2026, 12, 26),
            summary="12月28日上午大厅停水。",
            body="<p>12月28日上午大厅停水。</p>",
        ),
    )
    add_page(home, FeeDisclosurePage(title="收费公示", slug="fees"))
    add_page(
        home,
        CommitmentPage(
            title="服务承诺",
            slug="commitments",
            commitments="<p>新河镇即办事项当场办结。</p>",
            breach_handling="<p>超时未办结的说明原因。</p>",
        ),
    )
    add_page(home, StaffRosterPage(title="工作人员公示", slug="staff"))
    leader = StaffMember.objects.create(
        name="钱镇长", post="分管副镇长", department=fishery, is_leader=True
    )
    StaffMember.objects.create(name="孙渔政", post="渔政员", department=fishery, window=window)
    LeaderDuty.objects.create(
        date=timezone.localdate() + datetime.timedelta(days=1), leader=leader, note="上午"
    )
    return center


def township_get(client, path):
    return client.get(path, HTTP_HOST=TOWNSHIP_HOST).content.decode()


def county_get(client, path):
    return client.get(path).content.decode()


def assert_only(html, present, absent):
    assert [item for item in present if item not in html] == []
    assert [item for item in absent if item in html] == []


def test_each_home_page_lists_only_its_centers_guides_announcements_and_notices(client, township):
    township_home = township_get(client, "/")
    assert_only(township_home, TOWNSHIP_HOME + ("孙**",), COUNTY_HOME + ("王**",))
    assert_only(county_get(client, "/"), COUNTY_HOME + ("王**",), TOWNSHIP_HOME + ("孙**",))


def test_each_home_page_links_only_within_its_own_site(client, township):
    township_home = township_get(client, "/")
    assert 'href="/guides/"' in township_home and 'href="/notices/"' in township_home
    assert "//localhost" not in township_home
    assert TOWNSHIP_HOST not in county_get(client, "/")


def test_the_guide_list_shows_only_its_centers_guides_topics_and_departments(client, township):
    assert_only(township_get(client, "/guides/"), TOWNSHIP_CATALOG, COUNTY_CATALOG + ("民政办",))
    assert_only(county_get(client, "/guides/"), COUNTY_CATALOG, TOWNSHIP_CATALOG)


def test_the_announcement_board_shows_only_its_centers_announcements(client, township):
    assert_only(township_get(client, "/notices/"), ("孙**",), ("王**", "民政办"))
    assert_only(county_get(client, "/notices/"), ("王**", "民政办"), ("孙**", "新河镇"))


def test_the_notice_board_shows_only_its_centers_notices(client, township):
    assert_only(township_get(client, "/tongzhi/"), ("新河镇停水通知",), ("元旦",))
    assert_only(county_get(client, "/tongzhi/"), ("元旦",), ("新河镇停水通知",))


def test_the_announcement_feed_carries_only_its_centers_announcements(client, township):
    township_feed = township_get(client, "/announcements/feed/rss/")
    assert "新河镇渔船登记" in township_feed and "残疾人证申领" not in township_feed
    assert f"<link>http://{TOWNSHIP_HOST}/notices/</link>" in township_feed
    county_feed = county_get(client, "/announcements/feed/rss/")
    assert "残疾人证申领" in county_feed and "新河镇" not in county_feed


def test_another_centers_department_gives_an_empty_announcement_feed(client, township):
    assert "<item>" not in county_get(client, "/announcements/feed/rss/?department=xinhe-yuye")
    own = township_get(client, "/announcements/feed/rss/?department=xinhe-yuye")
    assert "新河镇渔船登记" in own


def test_the_notice_feed_carries_only_its_centers_notices(client, township):
    township_feed = township_get(client, "/notices/feed/rss/")
    assert "新河镇停水通知" in township_feed and "元旦" not in township_feed
    assert f"<link>http://{TOWNSHIP_HOST}/tongzhi/</link>" in township_feed
    county_feed = county_get(client, "/notices/feed/rss/")
    assert "元旦" in county_feed and "新河镇" not in county_feed


def test_the_sitemap_lists_only_the_sites_pages(client, township):
    township_map = township_get(client, "/sitemap.xml")
    assert f"http://{TOWNSHIP_HOST}/guides/yuye/xh-001/" in township_map
    assert "mz-0003" not in township_map
    county_map = county_get(client, "/sitemap.xml")
    assert "mz-0003" in county_map and "xh-001" not in county_map


def test_the_roster_shows_only_its_centers_staff_and_duties(client, township):
    assert_only(township_get(client, "/staff/"), ("孙渔政", "钱镇长"), ("张三", "李四"))
    assert_only(county_get(client, "/staff/"), ("张三", "李四"), ("孙渔政", "钱镇长"))


def test_the_fee_table_shows_only_its_centers_charged_guides(client, township):
    assert_only(township_get(client, "/fees/"), ("登记费每船 20 元",), ("工本费每证 10 元",))
    assert_only(county_get(client, "/fees/"), ("工本费每证 10 元",), ("登记费每船 20 元",))


def test_the_main_menu_shows_only_the_sites_sections(client, township):
    menu = township_get(client, "/").split("<nav", 1)[1].split("</nav>", 1)[0]
    assert 'href="/guides/"' in menu and "政务公开" not in menu
    assert "政务公开" in county_get(client, "/").split("<nav", 1)[1].split("</nav>", 1)[0]


def test_the_open_data_catalog_lists_only_its_centers_guides(client, township):
    township_codes = [
        g["code"] for g in client.get("/api/v1/catalog/", HTTP_HOST=TOWNSHIP_HOST).json()
    ]
    assert sorted(township_codes) == ["XH-001", "XH-002"]
    county_codes = [g["code"] for g in client.get("/api/v1/catalog/").json()]
    assert sorted(county_codes) == ["MZ-0003", "MZ-0007", "SG-001"]
