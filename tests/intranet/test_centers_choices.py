"""The choices a form offers when one install serves several centers (docs/county.md): staff
forms list the account's (or the record's) center's windows, roster and staff, public forms
the portal's center's guides and windows; another center's id posted anyway is refused with a
Chinese message and changes nothing."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import reverse

from content.models import (
    Department,
    DepartmentSectionPage,
    ServiceCatalogPage,
    StaffMember,
    Window,
)
from intranet import roles
from intranet.bookings.models import BookingSlot, ServiceRequest, save_with_new_code
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint
from intranet.questions.models import Question
from tests.builders import (
    add_guide,
    add_township,
    client_for,
    join_center,
    make_user,
    the_existing_center,
)

TOWNSHIP_HOST = "dongling.localhost"


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


@pytest.fixture
def county(center, users, settings):
    """The builders' center (民政办, its windows, guides and 'staff') is the county center's;
    then a township with its own department, window, roster, guide and staff joins."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, TOWNSHIP_HOST]
    county_center = the_existing_center()
    join_center(users["staff"], county_center)
    township = add_township("东岭镇便民服务中心", "dongling", TOWNSHIP_HOST, parent=county_center)
    department = Department.objects.create(
        name="东岭镇社会事务办", slug="dongling-shiwu", center=township
    )
    window = Window.objects.create(name="东岭综合窗口1号", department=department)
    staff = join_center(make_user("dongling_staff", roles.WINDOW_STAFF), township)
    StaffMember.objects.create(name="陈东", post="窗口人员", window=window, user=staff)
    catalog = township.site.root_page.add_child(
        instance=ServiceCatalogPage(title="办事指南", slug="guides")
    )
    section = catalog.add_child(
        instance=DepartmentSectionPage(title="社会事务办", slug="shiwu", department=department)
    )
    guide = add_guide(
        section, title="东岭镇居住证申领", code="DL-0001", department=department, window=window
    )
    complaint = Complaint(center=township, channel=Complaint.Channel.PHONE, content="窗口无人。")
    complaint_workflow.receive(complaint, [])
    service_request = ServiceRequest(
        center=township,
        kind=ServiceRequest.Kind.HOME,
        requester=ServiceRequest.Requester.ELDERLY,
        matter="上门办理居住证",
        name="测试丙",
        phone="13800009999",
        address="东岭镇东岭村3号",
    )
    save_with_new_code(service_request, "DB")
    return SimpleNamespace(
        center=center,
        county_staff=users["staff"],
        township=township,
        window=window,
        guide=guide,
        staff=staff,
        head=join_center(make_user("dongling_head", roles.HEAD), township),
        complaint=complaint,
        service_request=service_request,
    )


def test_triage_offers_only_the_complaints_centers_windows_roster_and_handlers(county):
    page = client_for(county.head).get(url("complaint_triage", county.complaint.pk))
    fields = page.context["form"].fields
    assert list(fields["target_window"].queryset) == [county.window]
    assert [m.name for m in fields["target_staff"].queryset] == ["陈东"]
    assert county.staff in fields["handler"].queryset
    assert county.county_staff not in fields["handler"].queryset


@pytest.mark.parametrize("field", ["target_window", "handler"])
def test_triage_refuses_another_centers_window_or_handler(county, field):
    data = {
        "accepted": "1",
        "category": "attitude",
        "complexity": "simple",
        "method": "direct",
        "handler": county.staff.pk,
        "target_window": county.window.pk,
    }
    data[field] = {
        "target_window": county.center.lead.pk,
        "handler": county.county_staff.pk,
    }[field]
    response = client_for(county.head).post(url("complaint_triage", county.complaint.pk), data)
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    county.complaint.refresh_from_db()
    assert county.complaint.status == Complaint.Status.RECEIVED
    assert county.complaint.handler is None


def test_the_complaint_lists_window_filter_offers_only_the_centers_windows(county):
    page = client_for(county.head).get(url("complaint_list"))
    assert list(page.context["windows"]) == [county.window]


def test_the_public_complaint_form_offers_only_the_portals_windows_and_roster(county, client):
    form = client.get("/complaints/new/", HTTP_HOST=TOWNSHIP_HOST).context["form"]
    assert list(form.fields["target_window"].queryset) == [county.window]
    assert [m.name for m in form.fields["target_staff"].queryset] == ["陈东"]


def test_the_public_complaint_form_refuses_another_centers_window(county, client):
    response = client.post(
        "/complaints/new/",
        {
            "content": "县里窗口的工作人员态度很差，让我来回跑了三趟。",
            "target_window": county.center.lead.pk,
            "website": "",
        },
        HTTP_HOST=TOWNSHIP_HOST,
    )
    assert "所选窗口不是本中心的窗口" in response.content.decode()
    assert not Complaint.objects.filter(content__startswith="县里窗口").exists()


def test_the_public_question_form_offers_only_the_portals_guides(county, client):
    form = client.get("/questions/new/", HTTP_HOST=TOWNSHIP_HOST).context["form"]
    assert list(form.fields["guide"].queryset) == [county.guide]


def test_the_public_question_form_refuses_another_centers_guide(county, client):
    response = client.post(
        "/questions/new/",
        {"guide": county.center.promised.pk, "content": "残疾人证在哪里办？", "website": ""},
        HTTP_HOST=TOWNSHIP_HOST,
    )
    assert response.status_code == 400
    assert "所选事项不存在" in response.content.decode()
    assert not Question.objects.filter(content="残疾人证在哪里办？").exists()


def test_booking_on_a_townships_portal_offers_only_its_guides(county, client):
    page = client.get("/booking/", HTTP_HOST=TOWNSHIP_HOST)
    assert list(page.context["guides"]) == [county.guide]
    foreign = f"/booking/?guide={county.center.promised.pk}"
    assert client.get(foreign, HTTP_HOST=TOWNSHIP_HOST).status_code == 404


def test_the_home_service_form_refuses_another_centers_guide(county, client):
    response = client.post(
        "/home-service/",
        {
            "kind": "home",
            "requester": "elderly",
            "guide": county.center.promised.pk,
            "matter": "上门办理残疾人证",
            "name": "测试丁",
            "phone": "13800007777",
            "address": "东岭镇东岭村5号",
        },
        HTTP_HOST=TOWNSHIP_HOST,
    )
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert not ServiceRequest.objects.filter(name="测试丁").exists()


def test_the_slot_form_offers_and_accepts_only_the_centers_windows(county):
    head = client_for(county.head)
    assert list(head.get(url("booking_slots")).context["form"].fields["window"].queryset) == [
        county.window
    ]
    before = BookingSlot.objects.count()
    response = head.post(
        url("booking_slots"),
        {
            "window": county.center.lead.pk,
            "weekday": 0,
            "start": "09:00",
            "end": "10:00",
            "capacity": 2,
        },
    )
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert BookingSlot.objects.count() == before


def test_arranging_a_request_offers_and_accepts_only_the_centers_staff(county):
    head = client_for(county.head)
    pk = county.service_request.pk
    agents = head.get(url("service_request", pk)).context["arrange_form"].fields["agent"].queryset
    assert county.staff in agents
    assert county.county_staff not in agents
    response = head.post(
        url("service_request", pk),
        {
            "step": "arrange",
            "agent": county.county_staff.pk,
            "scheduled_on": (dt.date.today() + dt.timedelta(days=2)).isoformat(),
        },
    )
    assert "选择一个有效的选项" in response.content.decode()
    county.service_request.refresh_from_db()
    assert county.service_request.agent is None
