"""Search test data built with Wagtail's page API, and the engines to run it against.

Every test gets its own embedded index file and (for Elasticsearch) its own index
prefix, so tests never see each other's documents. Elasticsearch tests use the
node at ELASTICSEARCH_URL; without it they skip locally and fail when CI=true
(see tests/conftest.py). The site is SEARCH_SITE in tests/builders.py.
"""

import itertools
import os
import uuid

import pytest

from search import backends
from search.analysis.synonyms import bump_version
from tests.builders import SEARCH_SITE, build_site

# Under the ELASTICSEARCH_INDEX_PREFIX given to the run, so parallel runs never share indexes.
_RUN_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "test_search").lower()
SESSION_PREFIX = f"{_RUN_PREFIX}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
_counter = itertools.count(1)


def _reset_engine_caches():
    backends._embedded.cache_clear()
    backends._elasticsearch.cache_clear()


@pytest.fixture(autouse=True)
def search_settings(settings, tmp_path):
    """A fresh embedded index per test; Elasticsearch off unless a test asks for it."""
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    settings.ELASTICSEARCH_INDEX_PREFIX = f"{SESSION_PREFIX}_{next(_counter)}"
    _reset_engine_caches()
    bump_version()
    yield settings
    bump_version()
    _reset_engine_caches()


@pytest.fixture(scope="session")
def es_cleanup(elasticsearch_url):
    """Delete every index this session created."""
    yield elasticsearch_url
    from elasticsearch import Elasticsearch

    client = Elasticsearch(elasticsearch_url)
    for name in client.indices.get(index=f"{SESSION_PREFIX}*", expand_wildcards="all"):
        client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def use_elasticsearch(es_cleanup, search_settings):
    """Turn Elasticsearch on for this test (primary engine, fed by the outbox)."""
    search_settings.ELASTICSEARCH_URL = es_cleanup
    _reset_engine_caches()
    return backends.get_engine("elasticsearch")


ENGINES = ["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(params=ENGINES)
def engine_name(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("use_elasticsearch")
    return request.param


@pytest.fixture
def engine(engine_name):
    return backends.get_engine(engine_name)


@pytest.fixture
def site(db, django_capture_on_commit_callbacks, search_settings):
    """The site, published through Wagtail so the outbox has fed the configured engines."""
    with django_capture_on_commit_callbacks(execute=True):
        tree = build_site(SEARCH_SITE)
    return tree


@pytest.fixture
def indexed_site(engine_name, site):
    """The site indexed into the engine under test (through the outbox, as in production)."""
    return site


# --- one site per module for read-only tests ------------------------------------------------
# Building the site takes seconds; tests that only search share one build per module,
# inside a transaction rolled back at the end. Tests that change content use `site`.


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import transaction
    from django.test import override_settings

    path = tmp_path_factory.mktemp("shared-search") / "unused.sqlite3"
    with (
        django_db_blocker.unblock(),
        override_settings(SEARCH_EMBEDDED_PATH=path, ELASTICSEARCH_URL=""),
    ):
        _reset_engine_caches()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            tree = build_site(SEARCH_SITE)
            yield tree
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            _reset_engine_caches()


@pytest.fixture(scope="module", params=ENGINES)
def shared_engine(request, shared_site, django_db_blocker, tmp_path_factory):
    """An engine holding the shared site, rebuilt from the database like `search_rebuild` does."""
    from search.backends.elasticsearch import ElasticsearchEngine
    from search.backends.embedded import EmbeddedEngine
    from search.documents import all_documents

    if request.param == "elasticsearch":
        url = request.getfixturevalue("es_cleanup")
        engine = ElasticsearchEngine(url, index_prefix=f"{SESSION_PREFIX}_shared_{next(_counter)}")
    else:
        engine = EmbeddedEngine(tmp_path_factory.mktemp("shared-embedded") / "search.sqlite3")
    with django_db_blocker.unblock():
        engine.rebuild(all_documents())
    yield engine
    if request.param == "elasticsearch":
        engine.drop()
