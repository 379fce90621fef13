"""The care mode (关怀版) switch: a cookie that adds the large-type theme to every page."""

import pytest

from portal.care_cookie import CARE_MODE_COOKIE
from tests.builders import PORTAL_SITE, build_center_settings, build_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_tree(db):
    build_center_settings()
    return build_site(PORTAL_SITE)


CARE_CSS = "/static/care/care.css"


def test_pages_offer_the_switch_and_use_the_standard_theme_by_default(client, site_tree):
    html = client.get(site_tree.catalog.url).content.decode()
    assert 'action="/care-mode/"' in html
    assert ">关怀版</button>" in html
    assert CARE_CSS not in html


def test_turning_care_mode_on_sets_a_lasting_cookie_and_returns_to_the_page(client, site_tree):
    url = site_tree.catalog.url
    response = client.post("/care-mode/", {"on": "1", "next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    cookie = response.cookies[CARE_MODE_COOKIE]
    assert cookie.value == "1"
    assert int(cookie["max-age"]) >= 30 * 24 * 3600


def test_care_mode_persists_across_pages(client, site_tree):
    client.post("/care-mode/", {"on": "1", "next": "/"})
    for page in [site_tree.home, site_tree.disability, site_tree.roster]:
        html = client.get(page.url).content.decode()
        assert CARE_CSS in html
        assert "care-mode" in html
        assert ">标准版</button>" in html


def test_turning_care_mode_off_restores_the_standard_theme(client, site_tree):
    client.post("/care-mode/", {"on": "1", "next": "/"})
    response = client.post("/care-mode/", {"on": "0", "next": "/"})
    assert response.cookies[CARE_MODE_COOKIE].value == ""
    assert CARE_CSS not in client.get(site_tree.home.url).content.decode()


def test_the_switch_also_works_as_a_plain_link(client, site_tree):
    response = client.get("/care-mode/", {"on": "1", "next": site_tree.fees.url})
    assert response["Location"] == site_tree.fees.url
    assert response.cookies[CARE_MODE_COOKIE].value == "1"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"]
)
def test_the_switch_never_redirects_to_another_site(client, target):
    response = client.post("/care-mode/", {"on": "1", "next": target})
    assert response["Location"] == "/"


def test_the_care_stylesheet_enlarges_type_and_touch_targets(settings):
    css = (settings.THEMES_DIR / "care" / "static" / "care" / "care.css").read_text()
    assert "font-size: 125%" in css  # 20px base
    assert "min-height: 56px" in css
