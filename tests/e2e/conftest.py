"""Browser journeys: Playwright driving Debian's Chromium against pytest-django's live server.

Every test here uses `live_server`, so it runs on a transactional database; modules mark
their tests with `serialized_rollback=True` so the groups, workflow and home page that
migrations create are back for each test.
"""

import os
from pathlib import Path

import pytest

from search import backends
from search.analysis.synonyms import bump_version
from tests.builders import BROWSER_SITE, build_site
from tests.e2e.devices import DESKTOP, PHONE

# Playwright's sync API runs an asyncio loop in this thread; Django's ORM refuses to run
# inside one unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


_serialized_db = {}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Keep the migrated data that serialized_rollback restores before every browser test.

    Django keeps it on the connection object, which lives in a context variable; once
    Playwright's event loop has run, the main thread is in another context and gets a
    fresh connection object without it (when database tests ran before the first browser
    test), so each later test would start from an empty database.
    """
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            _serialized_db.setdefault(alias, contents)
        elif alias in _serialized_db:
            connection._test_serialized_contents = _serialized_db[alias]


def _reattach_serialized_contents():
    from django.db import connections

    for alias, contents in _serialized_db.items():
        connection = connections[alias]
        if getattr(connection, "_test_serialized_contents", None) is None:
            connection._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _serialized_db_after_playwright(browser):
    """The same, right after Playwright started: the flush after this test must see the data
    to restore, or it re-runs post_migrate and the next restore collides with its rows."""
    _reattach_serialized_contents()


@pytest.fixture(scope="session")
def playwright_driver():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver, browser_executable):
    chromium = playwright_driver.chromium.launch(
        executable_path=browser_executable, args=CHROMIUM_ARGS
    )
    # The browser starts inside the first browser test's setup, before its database is
    # restored: when a serialized test before it left the database flushed, the restore
    # must find the migrated data on the connection object Playwright's context now uses.
    _reattach_serialized_contents()
    yield chromium
    chromium.close()


@pytest.fixture
def new_context(browser, live_server):
    """Open browser contexts (each one a separate visitor) that close after the test."""
    contexts = []

    def open_context(device=None, **options):
        settings = {
            **(device or DESKTOP),
            "base_url": live_server.url,
            "locale": "zh-CN",
            **options,
        }
        context = browser.new_context(**settings)
        context.set_default_timeout(int(os.environ.get("E2E_TIMEOUT_MS", "30000")))
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A desktop visitor, under the site's real Content-Security-Policy."""
    return new_context().new_page()


@pytest.fixture
def phone_page(new_context):
    """A visitor on a phone-sized touch screen."""
    return new_context(PHONE).new_page()


@pytest.fixture(autouse=True)
def fresh_search_index(settings, tmp_path):
    """Each test gets its own embedded index, fed by the outbox; Elasticsearch stays off."""
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    backends._embedded.cache_clear()
    backends._elasticsearch.cache_clear()
    bump_version()
    yield
    backends._embedded.cache_clear()
    backends._elasticsearch.cache_clear()


@pytest.fixture
def public_site(live_server):
    return build_site(BROWSER_SITE)


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/screenshots/ and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def artifacts_dir():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
