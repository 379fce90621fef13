"""The readiness check and the warm-up the gunicorn master runs before forking workers.

These tests run outside a transaction (transaction=True) because warming up closes the
database connections, as it must before a fork.
"""

import pytest

from content.models import Department
from portal import warmup
from search import service
from search.analysis import segment
from search.warmup import is_warm as search_is_warm

# serialized_rollback: its flush must leave the content types the next serialized test restores.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

READY_URL = "/healthz/ready"


@pytest.fixture
def cold_process(monkeypatch):
    """A process that has not warmed up yet (what every worker was before preloading)."""
    monkeypatch.setitem(warmup._state, "warm", False)
    monkeypatch.setitem(service._vocabulary, "loaded", False)


def test_a_cold_worker_is_not_ready(client, cold_process):
    response = client.get(READY_URL)
    assert response.status_code == 503
    assert response.json()["ready"] is False
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_warmed_worker_is_ready(client, cold_process):
    warmup.warm_up()
    response = client.get(READY_URL)
    assert response.status_code == 200
    assert response.json() == {"ready": True, "detail": "服务就绪。"}


def test_warm_up_teaches_jieba_the_site_departments_before_any_search(cold_process):
    Department.objects.create(name="栖霞坞合作社办", slug="qixiawu")
    warmup.warm_up()
    assert search_is_warm()
    assert "栖霞坞合作社办" in segment.cut_words("栖霞坞合作社办")


def test_warm_up_closes_the_embedded_index_connection(cold_process):
    from search.backends import get_engine

    engine = get_engine("embedded")
    assert engine.health()
    warmup.warm_up()
    assert getattr(engine._local, "conn", None) is None
