"""Fixtures shared by the whole suite."""

import functools
import os
import shutil
import urllib.request
from pathlib import Path

import pytest

from tests.services import service_missing

# Test data builders (users, guides, sites) and their fixtures, for every folder.
pytest_plugins = ["tests.builders"]

# ---------------------------------------------------------------------------
# Real services: Elasticsearch, PostgreSQL, Redis, Chromium.
# Locally a missing service skips its tests; with CI=true it fails them, so a CI
# run can never go green without having exercised the real engines.
# ---------------------------------------------------------------------------

E2E_DIR = Path(__file__).resolve().parent / "e2e"


@functools.cache
def _elasticsearch_url_or_none():
    url = os.environ.get("ELASTICSEARCH_URL", "").strip()
    if not url:
        return None, "ELASTICSEARCH_URL is not set: start .ci/services/elasticsearch.sh"
    try:
        # /_cluster/health: the integ-test distribution answers GET / with 405.
        with urllib.request.urlopen(url.rstrip("/") + "/_cluster/health", timeout=5):  # noqa: S310
            pass
    except OSError as error:
        return None, f"Elasticsearch at {url} does not answer: {error}"
    return url, ""


@functools.cache
def _redis_url_or_none():
    url = os.environ.get("REDIS_URL", "").strip()
    if not url:
        return None, "REDIS_URL is not set: start .ci/services/redis.sh"
    import redis

    try:
        redis.Redis.from_url(url, socket_timeout=5).ping()
    except redis.RedisError as error:
        return None, f"Redis at {url} does not answer: {error}"
    return url, ""


def _database_is_postgres():
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def _chromium_or_none():
    candidate = os.environ.get("CHROMIUM_EXECUTABLE") or shutil.which("chromium") or ""
    if candidate and os.access(candidate, os.X_OK):
        return candidate
    return None


@pytest.fixture(scope="session")
def elasticsearch_url():
    """The URL of a running Elasticsearch, from ELASTICSEARCH_URL."""
    url, reason = _elasticsearch_url_or_none()
    if url is None:
        service_missing(reason)
    return url


@pytest.fixture(scope="session")
def postgres_url():
    """The URL of the PostgreSQL database the suite runs on (TEST_DATABASE_URL)."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url or not _database_is_postgres():
        service_missing(
            "the suite is not running on PostgreSQL: set TEST_DATABASE_URL from "
            "`bash .ci/services/postgres.sh start`"
        )
    return url


@pytest.fixture(scope="session")
def browser_executable():
    """Debian's Chromium, for Playwright's `executable_path`."""
    executable = _chromium_or_none()
    if executable is None:
        service_missing("Chromium is missing: run `bash .ci/services/chromium.sh start`")
    return executable


@pytest.fixture(scope="session")
def axe_script_path(browser_executable):
    """axe-core's browser bundle, installed by `npm ci --prefix tests/e2e`."""
    path = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not path.is_file():
        service_missing("axe-core is missing: run `bash .ci/services/chromium.sh start`")
    return path


def pytest_runtest_setup(item):
    """A marker alone is enough: a test marked for a service gets it or is skipped/failed."""
    if item.get_closest_marker("elasticsearch"):
        url, reason = _elasticsearch_url_or_none()
        if url is None:
            service_missing(reason)
    if item.get_closest_marker("postgres") and not (
        os.environ.get("TEST_DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    ):
        service_missing(
            "the suite is not running on PostgreSQL: set TEST_DATABASE_URL from "
            "`bash .ci/services/postgres.sh start`"
        )
    if item.get_closest_marker("redis"):
        url, reason = _redis_url_or_none()
        if url is None:
            service_missing(reason)
    if item.get_closest_marker("browser") and _chromium_or_none() is None:
        service_missing("Chromium is missing: run `bash .ci/services/chromium.sh start`")


@pytest.fixture(autouse=True)
def _fresh_template_fragments():
    """Rendered fragments, route tables and Site lookups live in process memory, outside
    each test's database transaction: a test starts without the previous test's (ids are
    reused after a rollback)."""
    from django.core.cache import caches
    from wagtail.models import Site

    from portal import render_versions
    from search import page_centers

    caches["template_fragments"].clear()
    # New versions on first use: no route table, Site lookup or centers' site roots of the
    # previous test either.
    caches["default"].delete_many(
        [
            render_versions.TREE_KEY,
            render_versions.SHARED_KEY,
            page_centers.VERSION_KEY,
        ]
    )
    # Wagtail's table of site roots, which page URLs and public listings are scoped by.
    Site.clear_site_root_paths_cache()
    yield
