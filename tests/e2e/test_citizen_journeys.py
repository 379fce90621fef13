"""What a citizen does on the public site, in a real browser."""

import re

import pytest

from tests.e2e.site_data import PENSION_MATERIALS, PENSION_TITLE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_citizen_on_a_phone_finds_the_pension_guide_and_prints_its_notice(
    public_site, phone_page, screenshot, artifacts_dir
):
    page = phone_page
    page.goto("/")
    screenshot(page, "home-phone")
    page.get_by_role("searchbox").first.fill("养老")
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    result = page.locator(".hit-title a", has_text=PENSION_TITLE)
    assert result.count() == 1
    screenshot(page, "search-results-phone")

    result.click()
    page.wait_for_url(f"**{public_site.pension.url}")
    assert page.get_by_role("heading", level=1).inner_text().strip() == PENSION_TITLE
    screenshot(page, "guide-phone")

    page.get_by_role("link", name=re.compile("一次性告知单")).click()
    page.wait_for_url("**/notice/")
    page.emulate_media(media="print")
    notice = page.locator("main")
    for material in PENSION_MATERIALS:
        assert notice.get_by_text(material).first.is_visible()
    assert not page.locator("nav.main-nav").is_visible()
    assert not page.locator(".site-header").is_visible()

    pdf_path = artifacts_dir / "pension-notice.pdf"
    pdf_path.unlink(missing_ok=True)
    page.pdf(path=str(pdf_path), format="A4")
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 10_000
