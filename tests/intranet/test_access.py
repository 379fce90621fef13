"""Walk every intranet URL (read from intranet.urls, so none can be forgotten) as every role and
as an anonymous visitor, and check who may see what."""

import dataclasses

import pytest
from django.apps import apps
from django.core import serializers
from django.urls import URLPattern, URLResolver, reverse

from centers.models import Center
from intranet import roles
from intranet import urls as intranet_urls
from intranet.complaints.models import ComplaintAttachment
from intranet.disclosures.models import DisclosureAttachment
from intranet.evaluation import cycle
from tests.builders import add_township, client_for, join_center, make_user, the_existing_center

ROLES = ["anonymous", "staff", "other_staff", "head", "inspector", "editor", "admin"]

OK, REDIRECT, FORBIDDEN, NOT_FOUND, POST_ONLY = 200, 302, 403, 404, 405


def row(
    anonymous=REDIRECT,
    staff=FORBIDDEN,
    other_staff=FORBIDDEN,
    head=FORBIDDEN,
    inspector=FORBIDDEN,
    editor=FORBIDDEN,
    admin=FORBIDDEN,
):
    return dict(
        zip(ROLES, [anonymous, staff, other_staff, head, inspector, editor, admin], strict=True)
    )


STUDY_VIEW = row(staff=OK, other_staff=OK, head=OK, inspector=OK, admin=OK)
# 'staff' handles the complaint; 'other_staff' is window staff with no link to it (404, not 403: the id
# must not reveal that the complaint exists); the administrator sees complaints but not identities.
HANDLING = row(staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK, admin=NOT_FOUND)

EXPECTED = {
    "login": row(
        anonymous=OK,
        staff=REDIRECT,
        other_staff=REDIRECT,
        head=REDIRECT,
        inspector=REDIRECT,
        editor=REDIRECT,
        admin=REDIRECT,
    ),
    "logout": row(*[POST_ONLY] * 7),
    "home": row(staff=OK, other_staff=OK, head=OK, inspector=OK, editor=OK, admin=OK),
    "complaint_list": row(staff=OK, other_staff=OK, head=OK, inspector=OK, admin=OK),
    "complaint_new": row(staff=OK, other_staff=OK, head=OK, inspector=OK),
    "identity_access_log": row(head=OK, inspector=OK),
    "complaint_detail": row(staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK, admin=OK),
    "complaint_identity": HANDLING,
    "complaint_triage": row(head=OK, inspector=OK),
    "complaint_note": row(
        staff=POST_ONLY, other_staff=POST_ONLY, head=POST_ONLY, inspector=POST_ONLY, admin=POST_ONLY
    ),
    "complaint_reply": HANDLING,
    "complaint_close": HANDLING,
    "complaint_extension_request": HANDLING,
    "complaint_extension_decide": row(head=POST_ONLY),
    # Only closed complaints can be published: the handler is sent back to the complaint.
    "complaint_publication": row(
        staff=REDIRECT, other_staff=NOT_FOUND, head=REDIRECT, inspector=REDIRECT, admin=NOT_FOUND
    ),
    "complaint_publication_approve": row(head=POST_ONLY),
    "complaint_attachment": row(staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK, admin=OK),
    "study_plan": STUDY_VIEW,
    "study_plan_year": STUDY_VIEW,
    "study_signin": row(staff=OK, other_staff=OK, head=OK, inspector=OK),
    "study_session_new": row(head=OK, admin=OK),
    "study_session": STUDY_VIEW,
    "study_session_edit": row(head=OK, admin=OK),
    # The head hosts the session, so is not on its list of attendees.
    "study_leave": row(staff=OK, other_staff=OK, head=NOT_FOUND, inspector=OK),
    "study_leave_decide": row(
        staff=POST_ONLY, other_staff=POST_ONLY, head=POST_ONLY, inspector=POST_ONLY, admin=POST_ONLY
    ),
    "study_roll": row(
        staff=NOT_FOUND, other_staff=NOT_FOUND, head=OK, inspector=NOT_FOUND, admin=OK
    ),
    "study_signin_display": row(
        staff=NOT_FOUND, other_staff=NOT_FOUND, head=OK, inspector=NOT_FOUND, admin=OK
    ),
    "study_roll_correct": row(
        staff=POST_ONLY, other_staff=POST_ONLY, head=POST_ONLY, inspector=POST_ONLY, admin=POST_ONLY
    ),
    "study_note": row(staff=OK, other_staff=OK, head=OK, inspector=OK),
    "study_notes": row(
        staff=NOT_FOUND, other_staff=NOT_FOUND, head=OK, inspector=NOT_FOUND, admin=OK
    ),
    "study_material": STUDY_VIEW,
    "attendance_report": row(head=OK, inspector=OK, admin=OK),
    "attendance_export": row(head=OK, inspector=OK, admin=OK),
    "disclosure_list": row(staff=OK, other_staff=OK, head=OK, inspector=OK, editor=OK, admin=OK),
    "disclosure_new": row(head=OK, admin=OK),
    "disclosure_detail": row(staff=OK, other_staff=OK, head=OK, inspector=OK, editor=OK, admin=OK),
    "disclosure_reads": row(head=OK, admin=OK),
    "disclosure_attachment": row(
        staff=OK, other_staff=OK, head=OK, inspector=OK, editor=OK, admin=OK
    ),
    # Cases (办件): 'staff' handles the case at their window; 'other_staff' sits at no window and
    # is not the B post, so the case answers 404.
    "case_list": row(staff=OK, other_staff=OK, head=OK, inspector=OK, admin=OK),
    "case_new": row(staff=OK, other_staff=OK, head=OK),
    "case_detail": row(staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK, admin=OK),
    "case_identity": row(staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK, admin=NOT_FOUND),
    "case_action": row(
        staff=OK, other_staff=NOT_FOUND, head=OK, inspector=NOT_FOUND, admin=NOT_FOUND
    ),
    "case_document": row(staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK, admin=OK),
    "case_extension_decide": row(head=POST_ONLY),
    "case_filings": row(head=OK, inspector=OK, admin=OK),
    "case_filings_export": row(head=OK, inspector=OK, admin=OK),
    "case_filing_review": row(head=OK),
    "case_register_export": row(head=OK, inspector=OK, admin=OK),
    "case_follow_ups": row(head=OK, inspector=OK),
    "case_follow_up": row(head=OK),
    "case_identity_log": row(head=OK, inspector=OK),
    "case_contacts": row(staff=OK, other_staff=OK, head=OK, inspector=OK),
    "case_contact_new": row(staff=OK, other_staff=OK, head=OK, inspector=OK),
    "case_contact": row(staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK),
    "case_contact_complaint": row(
        staff=POST_ONLY, other_staff=POST_ONLY, head=POST_ONLY, inspector=POST_ONLY
    ),
    "case_contact_notice": row(staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK),
    # Monthly evaluation (效能考评): both staff have their own score in the month; the records
    # behind 'staff''s score are theirs alone (404 for 'other_staff').
    "evaluation_list": row(staff=OK, other_staff=OK, head=OK, inspector=OK),
    "evaluation_generate": row(head=POST_ONLY),
    "evaluation_rules": row(head=OK),
    "evaluation_county": row(head=OK, inspector=OK),
    "evaluation_month": row(staff=OK, other_staff=OK, head=OK, inspector=OK),
    "evaluation_records": row(staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK),
    "evaluation_object": row(staff=POST_ONLY, other_staff=POST_ONLY),
    "evaluation_adjust": row(head=POST_ONLY),
    "evaluation_confirm": row(head=POST_ONLY),
    "evaluation_mention": row(head=POST_ONLY),
    "evaluation_answer": row(head=POST_ONLY),
    "evaluation_bulletin": row(head=OK, inspector=OK),
    "evaluation_bulletin_export": row(head=OK, inspector=OK),
    "evaluation_year": row(head=OK, inspector=OK),
    "evaluation_honour": row(head=POST_ONLY),
    # Questions (在线咨询): 'staff' sits at a window of the guide's department, 'other_staff' at none.
    "question_list": row(staff=OK, other_staff=OK, head=OK, inspector=OK, editor=OK, admin=OK),
    "question_detail": row(
        staff=OK, other_staff=NOT_FOUND, head=OK, inspector=OK, editor=OK, admin=OK
    ),
    "question_answer": row(staff=POST_ONLY, other_staff=POST_ONLY, head=POST_ONLY),
    "question_publish": row(head=POST_ONLY, editor=POST_ONLY),
    "question_faq": row(editor=POST_ONLY),
    # Information requests (依申请公开); the request in the walk has been answered.
    "info_request_list": row(staff=OK, other_staff=OK, head=OK, inspector=OK, admin=OK),
    "info_request_statistics": row(head=OK, inspector=OK, admin=OK),
    "info_request_statistics_export": row(head=OK, inspector=OK, admin=OK),
    "info_request_detail": row(staff=OK, other_staff=OK, head=OK, inspector=OK, admin=OK),
    "info_request_extend": row(head=POST_ONLY),
    "info_request_answer": row(staff=POST_ONLY, other_staff=POST_ONLY, head=POST_ONLY),
    "info_request_notice": row(staff=OK, other_staff=OK, head=OK, inspector=OK),
    # Bookings and 代办/上门 requests
    "booking_day": row(staff=OK, other_staff=OK, head=OK, inspector=OK, admin=OK),
    "booking_arrive": row(staff=POST_ONLY, other_staff=POST_ONLY, head=POST_ONLY),
    "booking_slots": row(head=OK, admin=OK),
    "booking_slot_toggle": row(head=POST_ONLY, admin=POST_ONLY),
    "service_requests": row(staff=OK, other_staff=OK, head=OK, inspector=OK, admin=OK),
    "service_request": row(staff=OK, other_staff=OK, head=OK, inspector=OK, admin=OK),
}


def all_patterns(patterns=intranet_urls.urlpatterns):
    """Every page, including the domain apps included below /intranet/ (cases/)."""
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from all_patterns(p.url_patterns)
        elif isinstance(p, URLPattern):
            yield p


def url_names():
    return [p.name for p in all_patterns()]


def test_every_intranet_url_has_expectations():
    assert sorted(url_names()) == sorted(EXPECTED)


@pytest.fixture
def url_args(  # noqa: PLR0913
    complaint,
    extension,
    future_session,
    leave,
    disclosure,
    case_objects,  # noqa: F811
    question,  # noqa: F811
    info_request,  # noqa: F811
    booking_objects,  # noqa: F811
    users,
):
    from intranet.inforequests import workflow as info_workflow

    answer = {"outcome": "disclosed", "answer_text": "见附件。", "reason": ""}
    info_workflow.answer(
        info_request, users["head"], answer | {"legal_basis": "", "right_body": ""}
    )
    complaint_att = ComplaintAttachment.objects.get(complaint=complaint)
    disclosure_att = DisclosureAttachment.objects.get(disclosure=disclosure)
    evaluation = cycle.generate(cycle.previous_month(), case_objects.case.handler)
    staff_entry = evaluation.entries.get(person=case_objects.case.handler)
    objection = cycle.object_to(evaluation, case_objects.case.handler, "对差评扣分有异议")
    evaluation_args = {
        "year": evaluation.month.year,
        "month": evaluation.month.month,
        "target": "person",
        "fact": "received",
    }

    def args_for(name, pattern):
        keys = set(pattern.pattern.converters)
        if not keys:
            return {}
        if name.startswith("question_"):
            values = {"pk": question.pk}
        elif name.startswith("info_request_"):
            values = {"pk": info_request.pk}
        elif name.startswith("case_"):
            objects = case_objects
            values = {
                "pk": {
                    "case_filing_review": objects.filing.pk,
                    "case_follow_up": objects.follow_up.pk,
                    "case_extension_decide": objects.case.pk,
                }.get(name, objects.contact.pk if "contact" in name else objects.case.pk),
                "action": "complete",
                "doc": "receipt",
            }
        elif name.startswith("evaluation"):
            values = dict(
                evaluation_args,
                pk={"evaluation_mention": staff_entry.pk, "evaluation_answer": objection.pk}.get(
                    name, staff_entry.person_id
                ),
            )
        elif name.startswith(("booking", "service_request")):
            values = {
                "pk": {
                    "booking_arrive": booking_objects.booking.pk,
                    "booking_slot_toggle": booking_objects.slot.pk,
                }.get(name, booking_objects.request.pk)
            }
        elif name.startswith("complaint"):
            values = {"pk": complaint.pk, "ext_pk": extension.pk, "att_pk": complaint_att.pk}
        elif name.startswith("study"):
            values = {
                "pk": future_session.pk,
                "leave_pk": leave.pk,
                "year": future_session.date.year,
            }
        else:
            values = {"pk": disclosure.pk, "att_pk": disclosure_att.pk}
        return {k: values[k] for k in keys}

    return args_for


def test_who_may_see_each_intranet_url(clients, url_args):
    failures = []
    for pattern in all_patterns():
        url = reverse(f"intranet:{pattern.name}", kwargs=url_args(pattern.name, pattern))
        for role in ROLES:
            status = clients[role].get(url).status_code
            if status != EXPECTED[pattern.name][role]:
                failures.append(
                    f"{role} GET {url}: {status}, expected {EXPECTED[pattern.name][role]}"
                )
    assert not failures, "\n".join(failures)


def test_anonymous_visitors_are_sent_to_the_login_page(clients):
    response = clients["anonymous"].get(reverse("intranet:complaint_list"))
    assert response.status_code == 302
    assert response["Location"].startswith("/intranet/login/?next=")


def test_login_page_is_in_chinese_and_logs_in(users):
    from django.test import Client

    client = Client()
    page = client.get("/intranet/login/")
    assert "工作人员登录" in page.content.decode()
    response = client.post("/intranet/login/", {"username": "staff1", "password": "pw-123456"})
    assert response.status_code == 302
    assert client.get("/intranet/").status_code == 200


def test_post_only_actions_refuse_other_roles(clients, complaint, extension):
    url = reverse("intranet:complaint_extension_decide", args=[complaint.pk, extension.pk])
    assert clients["staff"].post(url, {"decision": "approve"}).status_code == 403
    assert clients["inspector"].post(url, {"decision": "approve"}).status_code == 403
    extension.refresh_from_db()
    assert extension.status == "pending"


def test_intranet_pages_are_marked_noindex(clients):
    assert (
        b'name="robots" content="noindex, nofollow"' in clients["staff"].get("/intranet/").content
    )


def test_every_intranet_page_with_personal_data_is_never_stored_by_a_browser(clients, url_args):
    stored = []
    for pattern in all_patterns():
        url = reverse(f"intranet:{pattern.name}", kwargs=url_args(pattern.name, pattern))
        role = next((r for r in ROLES if EXPECTED[pattern.name][r] == OK), None)
        if role is None:  # POST-only actions: nothing to show
            continue
        response = clients[role].get(url)
        if "no-store" not in response.get("Cache-Control", ""):
            stored.append(f"{role} GET {url}: Cache-Control {response.get('Cache-Control')!r}")
    assert not stored, "\n".join(stored)


# --- two centers -------------------------------------------------------------------------------
# The records of the walk above all belong to the install's first center. Then a second center
# (a township, with one account per role) and a county center (with an oversight account) join:
# the township's staff must find none of the first center's records (404, lists without them),
# county oversight reads them all and acts on none.


@dataclasses.dataclass(frozen=True)
class Domain:
    """One intranet domain in the two-center walk."""

    # Its URL names start with one of these.
    prefixes: tuple
    # The apps whose rows a refused action must leave as they were.
    apps: tuple
    # List URL name → the URL name of the first center's record the list links to.
    lists: dict
    # The pages about the first center's record that county oversight opens (200); it POSTs to
    # every other page with an id, and is refused.
    reads: tuple
    # Path converters that, in this domain, pick the first center's record with
    # ``?center=<its id>`` (an evaluation month is the viewer's center's unless one is asked for).
    center_query_args: frozenset = frozenset()


CENTER_DOMAINS = {
    "complaints": Domain(
        prefixes=("complaint", "identity_access_log"),
        apps=("complaints",),
        lists={"complaint_list": "complaint_detail"},
        reads=("complaint_detail", "complaint_attachment"),
    ),
    "study": Domain(
        prefixes=("study", "attendance"),
        apps=("study",),
        lists={"study_plan_year": "study_session"},
        reads=("study_session", "study_roll", "study_notes", "study_material"),
    ),
    "disclosures": Domain(
        prefixes=("disclosure",),
        apps=("disclosures",),
        lists={"disclosure_list": "disclosure_detail"},
        reads=("disclosure_detail", "disclosure_reads", "disclosure_attachment"),
    ),
    "questions": Domain(
        prefixes=("question",),
        apps=("questions",),
        lists={"question_list": "question_detail"},
        reads=("question_detail",),
    ),
    "inforequests": Domain(
        prefixes=("info_request",),
        apps=("inforequests",),
        lists={"info_request_list": "info_request_detail"},
        reads=("info_request_detail", "info_request_notice"),
    ),
    "bookings": Domain(
        prefixes=("booking", "service_request"),
        apps=("bookings", "cases"),
        lists={"service_requests": "service_request", "booking_slots": "booking_slot_toggle"},
        reads=("service_request",),
    ),
    "cases": Domain(
        prefixes=("case",),
        # A first contact turns into a complaint.
        apps=("cases", "complaints"),
        lists={"case_list": "case_detail", "case_contacts": "case_contact"},
        reads=("case_detail", "case_document", "case_contact", "case_contact_notice"),
    ),
    "evaluation": Domain(
        prefixes=("evaluation",),
        apps=("evaluation",),
        lists={"evaluation_list": "evaluation_month"},
        reads=(
            "evaluation_month",
            "evaluation_records",
            "evaluation_bulletin",
            "evaluation_bulletin_export",
        ),
        center_query_args=frozenset({"month"}),
    ),
}
# Pages that belong to no center's record.
CENTERLESS_URLS = ("login", "logout", "home")

STAFF_ROLES = {
    "staff": roles.WINDOW_STAFF,
    "other_staff": roles.WINDOW_STAFF,
    "head": roles.HEAD,
    "inspector": roles.INSPECTOR,
    "editor": roles.EDITOR,
    "admin": roles.ADMIN,
}
# Path converters that only pick a period, not a record: such pages are lists.
PERIOD_ARGS = {"year", "month"}


def domain_of(name):
    return next(
        (d for d in CENTER_DOMAINS.values() if name.startswith(d.prefixes)),
        None,
    )


def walked_patterns():
    """(pattern, domain) of every URL of the domains in the two-center walk."""
    for pattern in all_patterns():
        domain = domain_of(pattern.name)
        if domain is not None:
            yield pattern, domain


def names_a_record(pattern, domain):
    keys = set(pattern.pattern.converters)
    return bool(keys - PERIOD_ARGS or keys & domain.center_query_args)


def snapshot(domains):
    """Every row of the domains' apps, to compare before and after refused actions."""
    labels = sorted({label for d in domains for label in d.apps})
    return {
        model._meta.label: serializers.serialize("json", model.objects.order_by("pk"))
        for label in labels
        for model in apps.get_app_config(label).get_models()
    }


@pytest.fixture
def two_centers(url_args):
    """The first center's records (url_args made them), then the township's accounts and the
    county's oversight account."""
    township = add_township("东岭镇便民服务中心", "dongling", "dongling.localhost")
    county = Center.objects.create(name="县政务服务中心", code="county", kind=Center.Kind.COUNTY)
    township_clients = {
        key: client_for(join_center(make_user(f"dongling_{key}", role), township))
        for key, role in STAFF_ROLES.items()
    }
    overseer = join_center(make_user("county_overseer", roles.HEAD), county, county_oversight=True)
    patterns = {p.name: p for p in all_patterns()}
    first_center = the_existing_center()

    def path_of(name):
        pattern = patterns[name]
        path = reverse(f"intranet:{name}", kwargs=url_args(name, pattern))
        if set(pattern.pattern.converters) & domain_of(name).center_query_args:
            path += f"?center={first_center.pk}"
        return path

    return township_clients, client_for(overseer), path_of


def test_every_intranet_url_is_in_the_two_center_walk():
    left_out = [
        name for name in url_names() if domain_of(name) is None and name not in CENTERLESS_URLS
    ]
    assert not left_out


def test_another_centers_staff_find_none_of_the_first_centers_records(two_centers):
    township_clients, _overseer, path_of = two_centers
    before = snapshot(CENTER_DOMAINS.values())
    failures = []
    for pattern, domain in walked_patterns():
        if not names_a_record(pattern, domain):
            continue
        path = path_of(pattern.name)
        for role, client in township_clients.items():
            single_center = EXPECTED[pattern.name][role]
            refused = FORBIDDEN if single_center == FORBIDDEN else NOT_FOUND
            get_expected = POST_ONLY if single_center == POST_ONLY else refused
            for method, expected in (("get", get_expected), ("post", refused)):
                status = getattr(client, method)(path).status_code
                if status != expected:
                    failures.append(
                        f"{role} {method.upper()} {path}: {status}, expected {expected}"
                    )
    assert not failures, "\n".join(failures)
    assert snapshot(CENTER_DOMAINS.values()) == before


def test_another_centers_lists_leave_out_the_first_centers_records(two_centers):
    township_clients, overseer, path_of = two_centers
    failures = []
    for domain in CENTER_DOMAINS.values():
        for list_name, record_name in domain.lists.items():
            page, link = path_of(list_name), f'{path_of(record_name)}"'
            # County oversight sees the record's link: the marker is real.
            if link not in overseer.get(page).content.decode():
                failures.append(f"oversight GET {page} does not show {link}")
            for role, client in township_clients.items():
                if link in client.get(page).content.decode():
                    failures.append(f"{role} GET {page} shows {link}")
    assert not failures, "\n".join(failures)


def test_county_oversight_reads_every_center_and_acts_on_none(two_centers):
    _township_clients, overseer, path_of = two_centers
    before = snapshot(CENTER_DOMAINS.values())
    failures = []
    for pattern, domain in walked_patterns():
        if not names_a_record(pattern, domain):
            continue
        path = path_of(pattern.name)
        if pattern.name in domain.reads:
            status = overseer.get(path).status_code
            if status != OK:
                failures.append(f"oversight GET {path}: {status}, expected 200")
        else:
            status = overseer.post(path).status_code
            if status not in (FORBIDDEN, NOT_FOUND):
                failures.append(f"oversight POST {path}: {status}, expected 403 or 404")
    assert not failures, "\n".join(failures)
    assert snapshot(CENTER_DOMAINS.values()) == before
