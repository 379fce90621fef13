"""Complaints when one install serves several centers (docs/county.md): each center's staff
see their own, a foreign id answers 404, county oversight reads every center and acts on none
but its own."""

import pytest
from django.urls import reverse
from django.utils import timezone

from intranet import roles
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint
from tests.builders import (
    add_township,
    client_for,
    join_center,
    make_user,
    the_existing_center,
)


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


def complaint_in(center, content):
    complaint = Complaint(center=center, channel=Complaint.Channel.PHONE, content=content)
    complaint_workflow.receive(complaint, [])
    return complaint


@pytest.fixture
def county(db):
    county = the_existing_center()
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    return {
        "county": county,
        "township": township,
        "county_complaint": complaint_in(county, "县中心窗口午休时间无人值守，群众等候很久。"),
        "township_complaint": complaint_in(township, "东岭镇民政窗口要求重复提交户口簿复印件。"),
        "county_head": join_center(make_user("county_head", roles.HEAD), county),
        "township_head": join_center(make_user("dongling_head", roles.HEAD), township),
        "overseer": join_center(
            make_user("county_inspector", roles.INSPECTOR), county, county_oversight=True
        ),
    }


def test_a_centers_head_lists_only_their_centers_complaints(county):
    response = client_for(county["township_head"]).get(url("complaint_list"))
    assert county["township_complaint"].code in response.content.decode()
    assert county["county_complaint"].code not in response.content.decode()


@pytest.mark.parametrize(
    "name", ["complaint_detail", "complaint_identity", "complaint_triage", "complaint_reply"]
)
def test_another_centers_complaint_is_not_found(county, name):
    head = client_for(county["township_head"])
    assert head.get(url(name, county["county_complaint"].pk)).status_code == 404


def test_county_oversight_reads_every_centers_complaints(county):
    overseer = client_for(county["overseer"])
    listing = overseer.get(url("complaint_list")).content.decode()
    assert county["county_complaint"].code in listing
    assert county["township_complaint"].code in listing
    detail = overseer.get(url("complaint_detail", county["township_complaint"].pk))
    assert detail.status_code == 200


def test_county_oversight_cannot_triage_a_townships_complaint(county):
    overseer = client_for(county["overseer"])
    response = overseer.post(
        url("complaint_triage", county["township_complaint"].pk),
        {"accepted": "0", "not_accepted_reason": "不属于效能投诉范围。", "complexity": "simple"},
    )
    assert response.status_code == 404
    county["township_complaint"].refresh_from_db()
    assert county["township_complaint"].status == Complaint.Status.RECEIVED


def test_a_complaint_recorded_by_township_staff_belongs_to_the_township(county):
    response = client_for(county["township_head"]).post(
        url("complaint_new"),
        {
            "channel": "phone",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "content": "来电反映：东岭镇窗口中午提前离岗。",
        },
    )
    assert response.status_code == 302
    recorded = Complaint.objects.get(content="来电反映：东岭镇窗口中午提前离岗。")
    assert recorded.center == county["township"]


def test_an_account_without_a_center_sees_and_records_nothing_once_there_are_several(county):
    unassigned = client_for(make_user("unassigned", roles.HEAD))
    listing = unassigned.get(url("complaint_list")).content.decode()
    assert county["county_complaint"].code not in listing
    assert county["township_complaint"].code not in listing
    assert unassigned.get(url("complaint_new")).status_code == 403
