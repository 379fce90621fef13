"""Care mode (关怀版) on a desktop screen: big type without stretching the page out of shape."""

import pytest

from tests.e2e.devices import DESKTOP
from tests.e2e.test_accessibility import switch_care_mode

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_care_mode_navigation_on_a_desktop_is_a_row_of_big_buttons_not_a_two_column_grid(
    public_site, new_context
):
    page = new_context(DESKTOP).new_page()
    page.goto("/")
    switch_care_mode(page)
    links = page.locator(".main-nav a")
    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    rows = {round(box["y"]) for box in boxes}
    per_row = len(boxes) / len(rows)
    assert per_row > 2, f"{len(boxes)} links in {len(rows)} rows"
    assert all(box["height"] >= 44 for box in boxes)
    nav_height = page.locator(".main-nav").bounding_box()["height"]
    assert nav_height <= 2 * max(box["height"] for box in boxes) + 4, f"nav is {nav_height}px tall"
