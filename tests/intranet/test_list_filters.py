"""Intranet lists, reports and exports answer any query string: bad filters are dropped with a message."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from intranet.complaints.models import Complaint

HOSTILE_VALUES = [
    "²",
    "１２",
    "9999-12",
    "0000-01",
    "2026-13",
    "2026-00",
    "0",
    "-1",
    "1e5",
    "9" * 30,
    "9" * 5000,
    "2147483648",
    "\x00",
    "' OR '1'='1",
    "<script>",
    "none",
    "",
    " ",
]

# (url name, needs the disclosure's pk, query parameters it reads)
LIST_VIEWS = [
    ("home", False, ["page"]),
    ("complaint_list", False, ["state", "window", "month", "ontime", "mine", "page"]),
    ("identity_access_log", False, ["page"]),
    ("study_plan", False, ["page"]),
    ("attendance_report", False, ["year", "user"]),
    ("attendance_export", False, ["year", "user"]),
    ("disclosure_list", False, ["category", "unread", "page"]),
    ("disclosure_reads", True, ["show", "page"]),
]


def list_url(name, with_pk, disclosure):
    return reverse(f"intranet:{name}", args=[disclosure.pk] if with_pk else [])


@pytest.mark.parametrize(("name", "with_pk", "params"), LIST_VIEWS, ids=[v[0] for v in LIST_VIEWS])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=st.one_of(st.sampled_from(HOSTILE_VALUES), st.text(max_size=40)))
@example(value="²")
@example(value="9999-12")
@example(value="0")
def test_intranet_lists_answer_hostile_query_values_without_a_server_error(
    clients, complaint, disclosure, name, with_pk, params, value
):
    url = list_url(name, with_pk, disclosure)
    for param in params:
        response = clients["head"].get(url, {param: value})
        assert response.status_code in (200, 302), (param, value, response.status_code)
    response = clients["head"].get(url, dict.fromkeys(params, value))
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(
    "query",
    [{"window": "²"}, {"month": "9999-12"}, {"month": "2026-13"}, {"state": "bogus"}],
    ids=["superscript-window", "month-9999", "month-13", "unknown-state"],
)
def test_a_bad_complaint_filter_shows_the_whole_list_with_a_message(clients, complaint, query):
    response = clients["head"].get(reverse("intranet:complaint_list"), query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "筛选条件无效" in html
    assert complaint.code in html


@pytest.mark.parametrize(
    "query", [{"year": "0"}, {"year": "²"}, {"user": "²"}, {"user": "9" * 30}, {"year": "99999"}]
)
def test_a_bad_attendance_filter_shows_this_years_report_with_a_message(clients, query):
    response = clients["head"].get(reverse("intranet:attendance_report"), query)
    assert response.status_code == 200
    assert "筛选条件无效" in response.content.decode()


def test_a_bad_export_year_goes_back_to_the_report_with_a_message(clients):
    response = clients["head"].get(
        reverse("intranet:attendance_export"), {"year": "0"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("intranet:attendance_report")
    assert "筛选条件无效（年度）" in response.content.decode()


def test_a_valid_window_filter_still_narrows_the_list(clients, complaint, window):
    other = Complaint(channel="online", content="别的窗口的投诉")
    from intranet.complaints import workflow as complaint_workflow

    complaint_workflow.receive(other, [])
    html = (
        clients["head"]
        .get(reverse("intranet:complaint_list"), {"window": str(window.pk)})
        .content.decode()
    )
    assert complaint.code in html and other.code not in html
    assert "筛选条件无效" not in html


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("complaint_detail", [10**30]),
        ("study_session", [10**30]),
        ("study_roll", [2**63]),
        ("disclosure_detail", [10**30]),
        ("study_plan_year", [10**30]),
        ("study_plan_year", [0]),
    ],
)
def test_huge_ids_in_the_path_are_not_found(clients, name, args):
    assert clients["head"].get(reverse(f"intranet:{name}", args=args)).status_code == 404
