"""Hostile input: the public site built once per test, indexed through the outbox."""

import pytest

from search import backends
from search.analysis.synonyms import bump_version
from tests.builders import BROWSER_SITE, build_site


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


@pytest.fixture
def public_site(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_site(BROWSER_SITE)
