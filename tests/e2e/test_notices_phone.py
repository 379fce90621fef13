"""The home page's 通知公告 block on a 390×844 phone: the latest three, readable, one tap to more."""

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTH = 390


def test_the_latest_three_notices_are_readable_on_a_phone(public_site, phone_page, screenshot):
    page = phone_page
    page.goto("/")
    block = page.locator("section.home-notices")
    block.scroll_into_view_if_needed()

    links = block.locator("li > a")
    assert links.all_inner_texts() == [notice.title for notice in public_site.notices[:3]]
    for index in range(links.count()):
        item = block.locator("li").nth(index)
        box = item.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, "a notice runs off the screen"
        title = links.nth(index)
        assert title.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 16
        meta = item.locator(".meta")
        # The category and date sit under the title, not squeezed beside it.
        assert (
            meta.bounding_box()["y"]
            >= title.bounding_box()["y"] + title.bounding_box()["height"] - 1
        )
        assert meta.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 14
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    screenshot(page, "home-notices-phone")

    more = block.get_by_role("link", name=re.compile(r"^更多\s*通知公告$"))
    with page.expect_navigation():
        more.click()
    assert page.url.endswith(public_site.notice_index.url)
    assert page.get_by_role("heading", level=1).inner_text() == "通知公告"
