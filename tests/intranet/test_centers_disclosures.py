"""Internal disclosures when one install serves several centers (docs/county.md): each
center tells its own staff, county oversight reads without leaving a receipt."""

import pytest
from django.urls import reverse
from django.utils import timezone

from intranet import roles
from intranet.disclosures.models import Disclosure, DisclosureRead
from tests.builders import add_township, client_for, join_center, make_user, the_existing_center


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


@pytest.fixture
def county(db):
    county = the_existing_center()
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    return {
        "township": township,
        "county_item": Disclosure.objects.create(
            center=county, title="县中心十月财务收支", category="finance", body="收支明细。"
        ),
        "township_item": Disclosure.objects.create(
            center=township, title="东岭镇十月考勤情况", category="personnel", body="考勤明细。"
        ),
        "county_clerk": join_center(make_user("county_clerk", roles.WINDOW_STAFF), county),
        "township_head": join_center(make_user("dongling_head", roles.HEAD), township),
        "township_clerk": join_center(make_user("dongling_clerk", roles.WINDOW_STAFF), township),
        "overseer": join_center(
            make_user("county_inspector", roles.INSPECTOR), county, county_oversight=True
        ),
    }


def test_staff_list_only_their_centers_disclosures(county):
    listing = client_for(county["township_clerk"]).get(url("disclosure_list")).content.decode()
    assert "东岭镇十月考勤情况" in listing
    assert "县中心十月财务收支" not in listing


@pytest.mark.parametrize("name", ["disclosure_detail", "disclosure_reads"])
def test_another_centers_disclosure_is_not_found(county, name):
    head = client_for(county["township_head"])
    assert head.get(url(name, county["county_item"].pk)).status_code == 404


def test_the_read_status_counts_only_the_items_own_center(county):
    page = client_for(county["township_head"]).get(
        url("disclosure_reads", county["township_item"].pk)
    )
    assert "dongling_clerk" in page.content.decode()
    assert "county_clerk" not in page.content.decode()


def test_county_oversight_reads_a_townships_disclosure_without_a_receipt(county):
    overseer = client_for(county["overseer"])
    response = overseer.get(url("disclosure_detail", county["township_item"].pk))
    assert response.status_code == 200
    assert not DisclosureRead.objects.filter(user=county["overseer"]).exists()


def test_a_head_publishes_to_their_own_center(county):
    response = client_for(county["township_head"]).post(
        url("disclosure_new"),
        {
            "title": "东岭镇红旗窗口评比结果",
            "category": "model_windows",
            "body": "评比结果如下。",
            "publish_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    assert Disclosure.objects.get(title="东岭镇红旗窗口评比结果").center == county["township"]
