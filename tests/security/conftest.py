"""Hostile input: the public site built once per test, indexed through the outbox."""

import pytest
from django.core.cache import cache

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


@pytest.fixture(autouse=True)
def no_rate_limits_carried_over():
    """The per-IP counters live in the cache; each test starts as a new visitor."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def public_site(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return site_data.build_public_site()
