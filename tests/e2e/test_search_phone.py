"""/search/ on a 390×844 phone: the first result shows without scrolling, filters fold away."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_first_result_is_visible_on_a_phone_and_filters_fold_under_the_box(
    public_site, phone_page, screenshot
):
    page = phone_page
    page.goto("/search/?q=%E9%AB%98%E9%BE%84%E6%B4%A5%E8%B4%B4")  # 高龄津贴
    first = page.locator(".hit").first
    box = first.locator(".hit-title").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844
    assert page.evaluate("window.scrollY") == 0

    filters = page.locator("details.search-facets")
    assert filters.locator("summary").inner_text().startswith("筛选")
    assert not filters.evaluate("el => el.open")
    search_box = page.locator(".search-box").bounding_box()
    assert filters.bounding_box()["y"] >= search_box["y"] + search_box["height"]
    assert not page.locator(".search-facets .facet a").first.is_visible()
    filters.locator("summary").click()
    assert page.locator(".search-facets .facet a").first.is_visible()
    screenshot(page, "search-results-phone-filters")


def test_results_page_search_box_is_styled_like_the_home_page(public_site, phone_page):
    page = phone_page
    page.goto("/")
    home_button = page.locator(".search-form-large button").first
    home = home_button.evaluate(
        "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.minHeight]; }"
    )
    page.goto("/search/?q=%E4%BD%8E%E4%BF%9D")  # 低保
    button = page.locator(".search-box button").first
    results = button.evaluate(
        "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.minHeight]; }"
    )
    assert results == home
