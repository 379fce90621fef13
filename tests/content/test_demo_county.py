"""load_demo builds a small county: the county center and three townships, each on its own
host with its own home page, catalog and roster (content/demo/county.py)."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from wagtail.models import Site

from centers.models import Center, Membership
from content.demo.county import PASSWORD
from content.models import Department, HomePage, ServiceGuidePage, StaffMember

pytestmark = pytest.mark.django_db


@pytest.fixture
def county_demo(settings):
    settings.DEMO_LOADERS = ["content.demo.load", "content.demo.county.load"]
    settings.ALLOWED_HOSTS = [".localhost", "localhost", "testserver"]
    out = io.StringIO()
    call_command("load_demo", "--port", "8000", stdout=out)
    return out.getvalue()


# host -> (a guide of its own catalog, a guide of another center's)
HOSTS = {
    "county.localhost:8000": ("企业开办“一件事”", "农机购置补贴申请"),
    "dongling.localhost:8000": ("农机购置补贴申请", "林木采伐许可初审"),
    "xishan.localhost:8000": ("林木采伐许可初审", "企业开办“一件事”"),
    "localhost:8000": ("居住证申领", "农机购置补贴申请"),
}


def test_load_demo_builds_the_county_center_and_three_townships_once(county_demo):
    call_command("load_demo", stdout=io.StringIO())
    kinds = sorted(Center.objects.values_list("kind", flat=True))
    assert kinds == ["county", "township", "township", "township"]
    assert Site.objects.count() == 4
    assert HomePage.objects.count() == 4
    assert Department.objects.filter(name="民政办").count() == 2
    county = Center.objects.get(kind="county")
    assert set(Center.objects.exclude(pk=county.pk).values_list("parent", flat=True)) == {county.pk}


def test_each_host_serves_its_own_home_page_and_catalog(client, county_demo):
    for host, (own_guide, foreign_guide) in HOSTS.items():
        center = Center.objects.get(site__hostname=host.split(":")[0])
        home = client.get("/", HTTP_HOST=host).content.decode()
        assert center.name in home, host
        catalog = client.get("/guides/", HTTP_HOST=host).content.decode()
        assert own_guide in catalog, host
        assert foreign_guide not in catalog, host


def test_a_townships_roster_lists_its_own_staff_only(client, county_demo):
    roster = client.get("/staff/", HTTP_HOST="dongling.localhost:8000").content.decode()
    assert "何丽娟" in roster
    assert "王芳" not in roster
    assert StaffMember.objects.get(name="何丽娟").center.code == "dongling"


def test_the_county_home_page_lists_every_center_with_contacts_and_a_link(client, county_demo):
    html = client.get("/", HTTP_HOST="county.localhost:8000").content.decode()
    for center in Center.objects.all():
        assert center.name in html
    assert 'href="http://dongling.localhost:8000/"' in html
    assert "西山乡政府院内" in html
    assert "0000-6310000" in html


def test_a_township_home_page_has_no_county_overview(client, county_demo):
    html = client.get("/", HTTP_HOST="dongling.localhost:8000").content.decode()
    assert "全县政务服务中心一览" not in html


def test_every_demo_account_belongs_to_a_center_and_one_oversees_the_county(county_demo):
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(center_membership__isnull=True).exists()
    oversight = authenticate(username="county-oversight", password=PASSWORD)
    assert Membership.oversees_all(oversight)
    editor = authenticate(username="dongling-editor", password=PASSWORD)
    assert Center.for_user(editor).code == "dongling"


def test_load_demo_prints_each_portal_and_the_county_accounts(county_demo):
    assert "http://county.localhost:8000/" in county_demo
    assert "http://dongling.localhost:8000/" in county_demo
    assert "county-oversight" in county_demo
    assert ServiceGuidePage.objects.filter(code__startswith="XS-").count() == 2


def test_a_townships_notice_feed_carries_its_own_notices_only(client, county_demo):
    feed = client.get("/notices/feed/rss/", HTTP_HOST="dongling.localhost:8000").content.decode()
    assert "东岭镇便民服务中心集中办理高龄津贴年审的通知" in feed
    assert "西山乡开展林木采伐" not in feed
    assert "关于社保医保业务调整至二楼办理的通知" not in feed
