"""The Wagtail admin's page search, on a freshly loaded demo, finds Chinese partial words."""

import io
import re

import pytest
from django.core.management import call_command

from content.demo import people

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(live_server, settings):
    settings.DEMO_LOADERS = ["content.demo.load", "search.demo.load"]
    call_command("load_demo", stdout=io.StringIO())


def admin_search(page, query):
    """Type into the admin's page search as an editor does and read the titles listed."""
    page.goto("/admin/pages/search/")
    box = page.locator("input[name='q']").first
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"q="))
    return page.locator("main table").first.inner_text()


def test_admin_page_search_finds_chinese_partial_words_on_the_demo(demo_site, page):
    username, password, _role = people.ADMIN
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))

    assert "出生登记（新生儿落户）" in admin_search(page, "户口")
    assert "出生登记（新生儿落户）" in admin_search(page, "出生登记")
    assert "最低生活保障申请" in admin_search(page, "低保")
