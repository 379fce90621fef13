"""审核把关 in the browser: an editor's change waits for a reviewer, then reaches the page and search."""

import re

import pytest

from content.permissions import EDITORS_GROUP, REVIEWERS_GROUP
from tests.builders import PASSWORD, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def admin_login(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))


def promised_days_shown(page, url):
    """The 承诺办结时限 a citizen reads on the guide, e.g. "5 个工作日"."""
    page.goto(url)
    return page.locator(".days-big").inner_text().strip()


def test_editors_new_promised_days_go_public_only_after_a_reviewer_approves(
    public_site, new_context
):
    make_user("editor", EDITORS_GROUP)
    make_user("reviewer", REVIEWERS_GROUP)
    guide = public_site.subsidy
    assert guide.promised_days == 5
    citizen = new_context().new_page()
    assert promised_days_shown(citizen, guide.url) == "5 个工作日"

    editor = new_context().new_page()
    admin_login(editor, "editor")
    editor.goto(f"/admin/pages/{guide.pk}/edit/")
    editor.locator("#id_promised_days").fill("2")
    footer = editor.locator("footer")
    footer.locator(".w-dropdown__toggle, [data-w-dropdown-target='toggle']").first.click()
    with editor.expect_navigation():
        editor.locator("button[name='action-submit']").click()

    assert promised_days_shown(citizen, guide.url) == "5 个工作日"

    reviewer = new_context().new_page()
    admin_login(reviewer, "reviewer")
    reviewer.goto(f"/admin/pages/{guide.pk}/edit/")
    footer = reviewer.locator("footer")
    footer.locator(".w-dropdown__toggle, [data-w-dropdown-target='toggle']").first.click()
    approve = "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    with reviewer.expect_navigation():
        reviewer.locator(approve).click()

    assert promised_days_shown(citizen, guide.url) == "2 个工作日"
    citizen.goto("/search/?q=高龄津贴")
    hit = citizen.locator(".hit", has=citizen.locator(f"a[href='{guide.url}']"))
    assert "承诺2个工作日" in hit.inner_text()
