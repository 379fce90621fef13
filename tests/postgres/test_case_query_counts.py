"""The case list and the head's dashboard with 100,000 cases on PostgreSQL: the same number of
queries as with ten (the bar issue 11 sets)."""

import pytest

from tests.intranet.cases.bulk import bulk_cases
from tests.intranet.cases.test_query_counts import measure

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_case_list_and_dashboard_queries_are_fixed_at_100000_cases(
    postgres_url, center, users, clients
):
    bulk_cases(10, center, users["staff"])
    measure(clients)  # warms the per-worker Site table, as any served request has
    few = measure(clients)
    bulk_cases(99_990, center, users["staff"], start=10)
    assert measure(clients) == few
