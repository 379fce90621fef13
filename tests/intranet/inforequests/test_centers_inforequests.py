"""Information requests when one install serves several centers (docs/county.md): a request
belongs to the portal it was made on, each center keeps its own register."""

import pytest
from django.urls import reverse

from intranet import roles
from intranet.inforequests.models import InfoRequest
from tests.builders import (
    INFO_REQUEST_POST,
    add_township,
    client_for,
    join_center,
    make_user,
    new_info_request,
    the_existing_center,
)


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


@pytest.fixture
def county(db, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "dongling.localhost"]
    county = the_existing_center()
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    return {
        "township": township,
        "county_request": new_info_request(center=county),
        "township_request": new_info_request(center=township),
        "township_head": join_center(make_user("dongling_head", roles.HEAD), township),
        # The county center's head, who also oversees the townships.
        "overseer": join_center(
            make_user("county_head", roles.HEAD), county, county_oversight=True
        ),
    }


def test_a_request_made_on_a_townships_portal_belongs_to_the_township(county, client):
    client.post("/info-requests/new/", INFO_REQUEST_POST, HTTP_HOST="dongling.localhost")
    newest = InfoRequest.objects.latest("pk")
    assert newest.center == county["township"]


def test_a_centers_register_lists_only_its_requests(county):
    listing = client_for(county["township_head"]).get(url("info_request_list")).content.decode()
    assert county["township_request"].code in listing
    assert county["county_request"].code not in listing


@pytest.mark.parametrize("name", ["info_request_detail", "info_request_notice"])
def test_another_centers_request_is_not_found(county, name):
    head = client_for(county["township_head"])
    assert head.get(url(name, county["county_request"].pk)).status_code == 404


def test_county_oversight_reads_a_townships_request_and_cannot_extend_it(county):
    overseer = client_for(county["overseer"])
    pk = county["township_request"].pk
    assert overseer.get(url("info_request_detail", pk)).status_code == 200
    response = overseer.post(url("info_request_extend", pk), {"extension_reason": "需要协调。"})
    assert response.status_code == 404
    assert InfoRequest.objects.get(pk=pk).extended_at is None
