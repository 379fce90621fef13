"""Cases when one install serves several centers (docs/county.md): a case belongs to the center
it was made at, each center keeps its own register, registers of refusals, follow-ups and first
contacts; county oversight reads them and changes nothing."""

import datetime as dt
import io
from io import BytesIO
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from content.models import (
    AnnouncementIndexPage,
    CompletionAnnouncementPage,
    Department,
    DepartmentSectionPage,
    ServiceCatalogPage,
    Window,
)
from intranet import roles
from intranet.bookings import schedule
from intranet.bookings.models import ServiceRequest, save_with_new_code
from intranet.cases import workflow
from intranet.cases.models import Case, FirstContact
from intranet.cases.views import dashboard_figures
from tests.builders import (
    add_guide,
    add_township,
    client_for,
    join_center,
    make_user,
    the_existing_center,
)


def url(name, *args):
    return reverse(f"intranet:{name}", args=args)


def build_township(county):
    """东岭镇: its own portal with a catalog and an announcement board, a department, a
    window, a guide, a head and a window clerk."""
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost", parent=county)
    home = township.site.root_page
    department = Department.objects.create(
        name="东岭镇民政办", slug="dongling-minzheng", center=township
    )
    window = Window.objects.create(name="东岭综合窗口", department=department)
    catalog = home.add_child(instance=ServiceCatalogPage(title="办事指南", slug="guides"))
    section = catalog.add_child(
        instance=DepartmentSectionPage(title="民政办", slug="minzheng", department=department)
    )
    guide = add_guide(
        section, title="东岭镇残疾人证申领", code="DL-0003", department=department, window=window
    )
    board = home.add_child(instance=AnnouncementIndexPage(title="办结公告", slug="notices"))
    board.save_revision().publish()
    clerk = join_center(make_user("dongling_clerk", roles.WINDOW_STAFF), township)
    return SimpleNamespace(
        center=township,
        window=window,
        guide=guide,
        board=board,
        head=join_center(make_user("dongling_head", roles.HEAD), township),
        clerk=clerk,
    )


def township_case(town, **fields):
    data = {
        "center": town.center,
        "guide": town.guide,
        "window": town.window,
        "handler": town.clerk,
        "applicant_name": "测试丙",
        "phone": "13800009999",
        "channel": Case.Channel.WINDOW,
    }
    data.update(fields)
    return workflow.receive(Case(**data), town.clerk)


@pytest.fixture
def county(case_objects, settings):
    """The builders' case objects are the county center's; then a township joins."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "dongling.localhost"]
    county = the_existing_center()
    town = build_township(county)
    return SimpleNamespace(
        objects=case_objects,
        town=town,
        township_case=township_case(town),
        # The county center's head, who also oversees the townships.
        overseer=join_center(make_user("county_head", roles.HEAD), county, county_oversight=True),
    )


def test_a_case_received_at_a_townships_counter_belongs_to_the_township(county):
    response = client_for(county.town.clerk).post(
        url("case_new"),
        {
            "matter": "东岭镇临时救助申请",
            "window": county.town.window.pk,
            "channel": Case.Channel.WINDOW,
            "applicant_kind": Case.ApplicantKind.PERSON,
            "applicant_name": "测试丁",
            "phone": "13800008888",
            "accept_now": "on",
        },
    )
    newest = Case.objects.latest("pk")
    assert response.status_code == 302
    assert newest.center == county.town.center


def test_a_case_made_from_a_townships_guide_without_a_center_takes_the_guides(county):
    case = Case(
        guide=county.town.guide,
        window=county.town.window,
        handler=county.town.clerk,
        applicant_name="测试戊",
        phone="13800007777",
        channel=Case.Channel.WINDOW,
    )
    # Two centers: the column has no default, the guide says where.
    assert case.center_id is None
    assert workflow.receive(case, county.town.clerk).center == county.town.center


def test_a_townships_service_request_becomes_a_township_case(county):
    request = ServiceRequest(
        center=county.town.center,
        kind=ServiceRequest.Kind.HOME,
        requester=ServiceRequest.Requester.ELDERLY,
        matter="上门办理残疾人证",
        name="测试丙",
        phone="13800009999",
        address="东岭镇东岭村3号",
    )
    save_with_new_code(request, "DB")
    clerk = county.town.clerk
    schedule.arrange(request, clerk, clerk, timezone.localdate() + dt.timedelta(days=1))
    converted = schedule.request_to_case(request, clerk, county.town.window)
    assert converted.case.center == county.town.center


def test_a_townships_case_list_leaves_out_the_county_centers_cases(county):
    listing = client_for(county.town.head).get(url("case_list")).content.decode()
    assert county.township_case.receipt_number in listing
    assert county.objects.case.receipt_number not in listing


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("case_detail", "case"),
        ("case_identity", "case"),
        ("case_filing_review", "filing"),
        ("case_follow_up", "follow_up"),
        ("case_contact", "contact"),
        ("case_contact_notice", "contact"),
    ],
)
def test_another_centers_case_records_are_not_found(county, name, target):
    head = client_for(county.town.head)
    assert head.get(url(name, getattr(county.objects, target).pk)).status_code == 404


def test_another_centers_case_document_is_not_found(county):
    head = client_for(county.town.head)
    response = head.get(url("case_document", county.objects.case.pk, "receipt"))
    assert response.status_code == 404


def test_another_centers_extension_cannot_be_decided(county):
    case = county.objects.case
    extension = workflow.request_extension(case, case.handler, 5, "需要实地核查。")
    response = client_for(county.town.head).post(
        url("case_extension_decide", extension.pk), {"decision": "approve"}
    )
    extension.refresh_from_db()
    assert response.status_code == 404
    assert extension.status == extension.Status.PENDING


def test_a_townships_registers_leave_out_the_county_centers_rows(county):
    head = client_for(county.town.head)
    filings = head.get(url("case_filings"))
    follow_ups = head.get(url("case_follow_ups"))
    contacts = head.get(url("case_contacts"))
    assert list(filings.context["page"]) == []
    assert list(follow_ups.context["follow_ups"]) == []
    assert list(contacts.context["page"]) == []


def test_a_townships_register_export_holds_only_its_cases(county):
    month = timezone.localdate().strftime("%Y-%m")
    response = client_for(county.town.head).get(url("case_register_export"), {"month": month})
    sheet = load_workbook(BytesIO(response.content)).active
    numbers = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert numbers == {county.township_case.receipt_number}


def test_county_oversight_reads_a_townships_case_and_cannot_act_on_it(county):
    overseer = client_for(county.overseer)
    case = county.township_case
    detail = overseer.get(url("case_detail", case.pk))
    response = overseer.post(
        url("case_action", case.pk, "complete"),
        {"result": "granted", "public_result": "准予办理"},
    )
    assert detail.status_code == 200
    assert detail.context["actions"] == []
    assert response.status_code == 404
    assert Case.objects.get(pk=case.pk).state == Case.State.ACCEPTED


def test_county_oversight_cannot_follow_up_a_townships_first_contact(county):
    contact = FirstContact.objects.create(
        center=county.town.center,
        recorded_by=county.town.clerk,
        kind=FirstContact.Kind.HELP,
        matter="求助：办理低保",
        action_taken="已引导至东岭综合窗口",
    )
    overseer = client_for(county.overseer)
    read = overseer.get(url("case_contact", contact.pk))
    written = overseer.post(url("case_contact", contact.pk), {"follow_up": "已回电。"})
    assert read.status_code == 200
    assert written.status_code == 404
    assert FirstContact.objects.get(pk=contact.pk).follow_up == ""


def test_a_first_contact_recorded_at_a_township_belongs_to_the_township(county):
    client_for(county.town.clerk).post(
        url("case_contact_new"),
        {
            "at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "kind": FirstContact.Kind.ENQUIRY,
            "matter": "咨询临时救助",
            "action_taken": "已当场解答",
        },
    )
    assert FirstContact.objects.latest("pk").center == county.town.center


def test_the_heads_case_tiles_count_their_own_centers_cases(county):
    figures = dashboard_figures(county.town.head, timezone.localdate())
    assert figures["received"] == 1
    assert figures["open_reviews"] == 0
    assert figures["bad_ratings"] == 0


def test_a_townships_completed_case_is_announced_on_the_townships_portal_only(county, client):
    case = county.township_case
    workflow.complete(case, county.town.clerk, "granted", "准予办理")
    page = CompletionAnnouncementPage.objects.get(guide=county.town.guide)
    township_board = client.get("/notices/", HTTP_HOST="dongling.localhost").content.decode()
    county_board = client.get("/notices/").content.decode()
    assert page.get_parent().get_parent().specific == county.town.board
    assert "东岭镇残疾人证申领" in township_board
    assert "东岭镇残疾人证申领" not in county_board


def test_each_centers_staff_hear_only_of_their_own_centers_cases_due(county, users):
    friday, monday = dt.date(2026, 11, 27), dt.date(2026, 11, 30)
    county_head = join_center(users["head"], the_existing_center())
    for user, address in (
        (county_head, "head@county.example"),
        (county.town.head, "head@dongling.example"),
    ):
        user.email = address
        user.save()
    due = Case.objects.filter(pk__in=[county.objects.case.pk, county.township_case.pk])
    due.update(deadline=monday, state=Case.State.ACCEPTED)
    call_command("notify_due_tomorrow", date=friday.isoformat(), stdout=io.StringIO())
    body = {m.to[0]: m.body for m in mail.outbox}
    assert set(body) == {"head@county.example", "head@dongling.example"}
    assert county.township_case.receipt_number in body["head@dongling.example"]
    assert county.objects.case.receipt_number not in body["head@dongling.example"]
    assert county.township_case.receipt_number not in body["head@county.example"]


def test_a_townships_intake_offers_only_its_own_guides_windows_and_staff(county):
    form = client_for(county.town.clerk).get(url("case_new")).context["form"]
    assert list(form.fields["guide"].queryset) == [county.town.guide]
    assert list(form.fields["window"].queryset) == [county.town.window]
    assert set(form.fields["handler"].queryset) == {county.town.clerk, county.town.head}


@pytest.mark.parametrize("field", ["guide", "window", "handler"])
def test_an_intake_naming_another_centers_guide_window_or_handler_is_refused(county, field):
    foreign = {
        "guide": county.objects.case.guide_id,
        "window": county.objects.case.window_id,
        "handler": county.objects.case.handler_id,
    }
    cases_before = Case.objects.count()
    response = client_for(county.town.clerk).post(
        url("case_new"),
        {
            "guide": county.town.guide.pk,
            "window": county.town.window.pk,
            "handler": county.town.clerk.pk,
            "channel": Case.Channel.WINDOW,
            "applicant_kind": Case.ApplicantKind.PERSON,
            "applicant_name": "测试丁",
            "phone": "13800008888",
            "accept_now": "on",
        }
        | {field: foreign[field]},
    )
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert Case.objects.count() == cases_before


def test_a_townships_case_list_filters_by_its_own_windows_only(county):
    town_form = client_for(county.town.head).get(url("case_list")).context["form"]
    county_form = client_for(county.overseer).get(url("case_list")).context["form"]
    assert list(town_form.fields["window"].queryset) == [county.town.window]
    assert county.objects.case.window in county_form.fields["window"].queryset
    assert county.town.window in county_form.fields["window"].queryset


def test_a_townships_case_cannot_be_forwarded_to_another_centers_agent(county):
    case = county.township_case
    response = client_for(county.town.clerk).post(
        url("case_action", case.pk, "forward"),
        {"counterpart": "县民政局", "agent": county.objects.case.handler_id, "note": "代办"},
    )
    case.refresh_from_db()
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert not case.forwarded_to
    assert case.agent_id is None
