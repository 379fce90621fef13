"""Bookings when one install serves several centers (docs/county.md): each center keeps its
own slots, bookings and 代办/上门 requests; county oversight reads them and changes nothing."""

import pytest
from django.urls import reverse

from intranet import roles
from intranet.bookings.models import ServiceRequest, save_with_new_code
from tests.builders import add_township, client_for, join_center, make_user, the_existing_center


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


@pytest.fixture
def county(booking_objects, settings):
    """The builders' booking objects are the county center's; then a township joins."""
    county = the_existing_center()
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    township_request = ServiceRequest(
        center=township,
        kind=ServiceRequest.Kind.HOME,
        requester=ServiceRequest.Requester.ELDERLY,
        matter="上门办理残疾人证",
        name="测试丙",
        phone="13800009999",
        address="东岭镇东岭村3号",
    )
    save_with_new_code(township_request, "DB")
    return {
        "objects": booking_objects,
        "township_request": township_request,
        "township_head": join_center(make_user("dongling_head", roles.HEAD), township),
        "overseer": join_center(
            make_user("county_head", roles.HEAD), county, county_oversight=True
        ),
    }


def test_a_townships_slot_list_leaves_out_the_county_centers_slots(county):
    response = client_for(county["township_head"]).get(url("booking_slots"))
    assert list(response.context["slots"]) == []
    assert "09:00–10:00" not in response.content.decode()


def test_another_centers_booking_slot_and_request_are_not_found(county):
    head = client_for(county["township_head"])
    objects = county["objects"]
    assert head.post(url("booking_arrive", objects.booking.pk)).status_code == 404
    assert head.post(url("booking_slot_toggle", objects.slot.pk)).status_code == 404
    assert head.get(url("service_request", objects.request.pk)).status_code == 404


def test_county_oversight_reads_a_townships_request_and_cannot_arrange_it(county):
    overseer = client_for(county["overseer"])
    pk = county["township_request"].pk
    assert overseer.get(url("service_request", pk)).status_code == 200
    assert overseer.post(url("service_request", pk), {"step": "arrange"}).status_code == 404
