"""Hostile input: the public site built once per test, indexed through the outbox."""

import pytest

from search import backends
from search.analysis.synonyms import bump_version
from tests.e2e import site_data


@pytest.fixture(autouse=True)
def fresh_search_index(settings, tmp_path):
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    backends._embedded.cache_clear()
    backends._elasticsearch.cache_clear()
    bump_version()
    yield
    backends._embedded.cache_clear()
    backends._elasticsearch.cache_clear()


def forget_rate_limits():
    """Every hypothesis example is a new visitor: the counters (a database table) start empty."""
    from portal.models import RateCounter

    RateCounter.objects.all().delete()


@pytest.fixture
def public_site(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return site_data.build_public_site()
