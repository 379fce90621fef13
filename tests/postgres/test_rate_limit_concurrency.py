"""Rate limits under parallel requests on a real PostgreSQL: the limit is exact."""

import pytest
from django.test import Client

from intranet.complaints.models import Complaint
from portal import rate_limits
from tests.postgres.test_concurrency import run_in_parallel

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONTENT = "并发投诉：窗口无人值守，等待超过半小时无人处理。"


def test_thirty_parallel_complaints_from_one_address_store_exactly_the_limit(
    postgres_url, settings
):
    settings.COMPLAINT_SUBMIT_LIMIT = 5

    def post(index):
        response = Client().post(
            "/complaints/new/",
            {"content": f"{CONTENT}（{index}）", "complainant_name": "", "website": ""},
        )
        return response.status_code

    statuses, errors = run_in_parallel(30, post)
    assert errors == [None] * 30
    assert sorted(statuses).count(302) == 5
    assert sorted(statuses).count(429) == 25
    assert Complaint.objects.count() == 5


def test_parallel_hits_on_one_counter_are_all_counted(postgres_url):
    counts, errors = run_in_parallel(40, lambda index: rate_limits.hit("parallel:ip:x"))
    assert errors == [None] * 40
    assert sorted(counts) == list(range(1, 41))
