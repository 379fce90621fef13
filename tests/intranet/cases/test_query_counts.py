"""The case list and the head's dashboard cost the same number of queries however many cases."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .bulk import bulk_cases


def queries_for(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


def measure(clients):
    return {
        "head list": queries_for(clients["head"], reverse("intranet:case_list")),
        "head overdue": queries_for(
            clients["head"], reverse("intranet:case_list"), {"overdue": "on", "state": "accepted"}
        ),
        "staff window": queries_for(
            clients["staff"], reverse("intranet:case_list"), {"scope": "window"}
        ),
        "dashboard": queries_for(clients["head"], reverse("intranet:home")),
    }


def test_case_list_and_dashboard_queries_do_not_grow_with_cases(center, users, clients):
    bulk_cases(30, center, users["staff"])
    measure(clients)  # warms the per-worker Site table, as any served request has
    few = measure(clients)
    bulk_cases(600, center, users["staff"], start=30)
    assert measure(clients) == few
