"""Search across a county (docs/county.md): a township's portal searches its own center, with
counts per center and a link to every center; the county's portal searches them all. Every
test runs against the embedded engine and a real Elasticsearch (marked `elasticsearch`), on
a county of three centers built with tests/builders.py and indexed through the outbox."""

from collections import Counter
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from centers.models import Center
from content.models import (
    Department,
    DepartmentSectionPage,
    ServiceCatalogPage,
    ServiceGuidePage,
    StaffMember,
    StaffRosterPage,
)
from tests.builders import (
    SEARCH_GUIDE_DEFAULTS,
    add_guide,
    add_township,
    fresh_home,
    publish,
    the_existing_center,
)

TOWN, XIANG, COUNTY = "default", "xiang", "county"
HOSTS = {TOWN: "localhost", XIANG: "xiang.localhost", COUNTY: "county.localhost"}


def _center_content(home, prefix, department_name, guides, staff=None):
    """A center's department, catalog with guides, and roster with one person on duty."""
    center = Center.objects.get(site__root_page=home)
    department = Department.objects.create(name=department_name, slug=f"{prefix}-mz", center=center)
    catalog = ServiceCatalogPage(title="办事指南", slug="guides")
    home.add_child(instance=catalog)
    section = DepartmentSectionPage(title=department_name, slug="mz", department=department)
    catalog.add_child(instance=section)
    publish(catalog)
    publish(section)
    pages = [
        add_guide(
            section,
            title=title,
            code=f"{prefix}-{number}",
            department=department,
            defaults=SEARCH_GUIDE_DEFAULTS,
            **fields,
        )
        for number, (title, fields) in enumerate(guides)
    ]
    roster = StaffRosterPage(title="工作人员公示", slug="roster")
    home.add_child(instance=roster)
    publish(roster)
    if staff:
        StaffMember.objects.create(
            name=staff, post="社会救助窗口", department=department, duties="负责低保受理"
        )
    return SimpleNamespace(center=center, department=department, section=section, guides=pages)


@pytest.fixture
def county(db, engine_name, settings, django_capture_on_commit_callbacks):
    """Two township centers and the county center, each with its own 低保 guides and staff."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".localhost"]
    with django_capture_on_commit_callbacks(execute=True):
        town_home = fresh_home()
        county_center = add_township("示范县政务服务中心", COUNTY, HOSTS[COUNTY])
        county_center.kind = Center.Kind.COUNTY
        county_center.save()
        town = the_existing_center()
        town.name, town.parent = "示范镇便民服务中心", county_center
        town.save()
        xiang = add_township("示范乡便民服务中心", XIANG, HOSTS[XIANG], parent=county_center)
        built = SimpleNamespace(
            town=_center_content(
                town_home,
                "t",
                "镇民政办",
                [("最低生活保障申请", {}), ("临时救助申请", {"conditions": "低保家庭优先。"})],
                staff="李镇员",
            ),
            xiang=_center_content(
                xiang.site.root_page, "x", "乡民政办", [("最低生活保障申请", {})], staff="王乡员"
            ),
            county=_center_content(
                county_center.site.root_page, "c", "县民政局", [("最低生活保障审批", {})]
            ),
        )
        # Not public in the township: must stay out of every scope.
        draft = ServiceGuidePage(
            title="低保内部审核草稿",
            slug="x-draft",
            code="X-DRAFT",
            department=built.xiang.department,
            live=False,
            **SEARCH_GUIDE_DEFAULTS,
        )
        built.xiang.section.add_child(instance=draft)
        draft.save_revision()
    return built


def centers_of(results):
    return Counter(hit.center for hit in results.hits)


def search_page(client, center_key, **params):
    return client.get("/search/", {"q": "低保", **params}, HTTP_HOST=HOSTS[center_key])


# --- the engines ------------------------------------------------------------------------------


def test_every_item_is_indexed_with_its_center(county, engine):
    results = engine.search("低保", per_page=50)
    found = {(hit.title, hit.center) for hit in results.hits}
    assert found >= {
        ("最低生活保障申请", TOWN),
        ("临时救助申请", TOWN),
        ("李镇员（社会救助窗口）", TOWN),
        ("最低生活保障申请", XIANG),
        ("王乡员（社会救助窗口）", XIANG),
        ("最低生活保障审批", COUNTY),
    }
    assert "低保内部审核草稿" not in {hit.title for hit in results.hits}


def test_a_center_filter_finds_only_that_centers_items(county, engine):
    results = engine.search("低保", filters={"center": XIANG}, per_page=50)
    assert set(centers_of(results)) == {XIANG}
    assert results.total == len(results.hits) == 2


def test_the_center_facet_counts_every_centers_matches_whatever_is_searched(county, engine):
    everything = engine.search("低保", per_page=50)
    expected = centers_of(everything)
    assert dict(everything.facets["center"]) == expected
    assert expected[TOWN] == 3 and expected[XIANG] == 2 and expected[COUNTY] == 1
    scoped = engine.search("低保", filters={"center": TOWN}, per_page=50)
    assert dict(scoped.facets["center"]) == expected
    assert scoped.total == expected[TOWN]
    assert sum(dict(scoped.facets["type"]).values()) == expected[TOWN]


def test_suggestions_keep_to_the_center_asked_for(county, engine):
    xiang = {item["url"] for item in engine.suggest("低保", center=XIANG)}
    assert county.xiang.guides[0].get_url() in xiang
    assert all(url.startswith("http://xiang.localhost/") for url in xiang)
    every = {item["url"] for item in engine.suggest("低保")}
    assert county.town.guides[0].get_url() in every
    assert county.xiang.guides[0].get_url() in every


def test_a_rebuild_indexes_the_center_of_every_item(county, engine):
    engine.delete_documents(engine.doc_ids())
    assert not engine.search("低保").hits
    call_command("search_rebuild", engine=engine.name, verbosity=0)
    results = engine.search("低保", filters={"center": COUNTY}, per_page=50)
    assert [(hit.title, hit.center) for hit in results.hits] == [("最低生活保障审批", COUNTY)]


def test_a_staff_entry_links_to_its_own_centers_roster(county, engine):
    hit = engine.search("王乡员").hits[0]
    assert hit.center == XIANG
    assert hit.url.startswith("http://xiang.localhost/roster/#staff-")


def test_a_guide_is_searched_in_the_center_it_is_published_in_whatever_its_department(
    county, engine, caplog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_guide(
            county.xiang.section,
            title="特困人员救助供养",
            code="X-9",
            department=county.town.department,  # filed under the wrong center's department
            defaults=SEARCH_GUIDE_DEFAULTS,
        )
    hits = engine.search("特困人员救助供养", filters={"center": XIANG}).hits
    assert [hit.title for hit in hits][:1] == ["特困人员救助供养"]
    assert "its department '镇民政办' belongs to center 'default'" in caplog.text


# --- the page, the suggestions and the API ------------------------------------------------------


def test_a_townships_portal_searches_its_own_center_by_default(county, client):
    html = search_page(client, XIANG).content.decode()
    assert "http://xiang.localhost/guides/mz/x-0/" in html
    assert "/guides/mz/t-0/" not in html
    assert "/guides/mz/c-0/" not in html


def test_a_townships_portal_links_to_every_center_with_their_count(county, client):
    html = search_page(client, XIANG).content.decode()
    assert '<a class="search-all-centers" href="?q=%E4%BD%8E%E4%BF%9D&amp;center=all">' in html
    assert '在全县所有中心中搜索</a> <span class="count">(6)</span>' in html
    assert '示范镇便民服务中心 <span class="count">(3)</span>' in html
    assert '示范乡便民服务中心 <span class="count">(2)</span>' in html


def test_searching_every_center_shows_which_center_a_result_belongs_to(county, client):
    html = search_page(client, XIANG, center="all").content.decode()
    assert "/guides/mz/t-0/" in html
    assert "http://county.localhost/guides/mz/c-0/" in html
    assert '<span class="hit-center">示范县政务服务中心</span>' in html
    assert '<span class="hit-center">示范镇便民服务中心</span>' in html
    assert '<span class="hit-center">示范乡便民服务中心</span>' not in html
    assert 'name="center" value="all"' in html
    assert "只搜索示范乡便民服务中心" in html


def test_the_county_portal_searches_every_center(county, client):
    html = search_page(client, COUNTY).content.decode()
    assert "http://xiang.localhost/guides/mz/x-0/" in html
    assert "/guides/mz/t-0/" in html
    assert "http://county.localhost/guides/mz/c-0/" in html
    assert "在全县所有中心中搜索" not in html


def test_a_center_facet_link_searches_that_center_only(county, client):
    html = search_page(client, COUNTY, center=XIANG).content.decode()
    assert "http://xiang.localhost/guides/mz/x-0/" in html
    assert "/guides/mz/c-0/" not in html
    assert "/guides/mz/t-0/" not in html
    assert "x-draft" not in html


@pytest.mark.parametrize("code", ["nowhere", "*", "xiang' OR '1'='1", "all*"])
def test_an_unknown_center_is_a_chinese_error_and_shows_nothing(county, client, code):
    page = search_page(client, XIANG, center=code)
    assert page.status_code == 400
    assert "没有这个服务中心" in page.content.decode()
    assert "最低生活保障" not in page.content.decode()
    api = client.get("/api/v1/search/", {"q": "低保", "center": code}, HTTP_HOST=HOSTS[XIANG])
    assert api.status_code == 400
    assert api.json()["error"] == "没有这个服务中心。"
    suggest = client.get("/search/suggest/", {"q": "低保", "center": code})
    assert suggest.status_code == 400
    assert suggest.json()["suggestions"] == []


def test_suggestions_follow_the_portals_center(county, client):
    own = client.get("/search/suggest/", {"q": "低保"}, HTTP_HOST=HOSTS[XIANG]).json()
    assert [s["url"] for s in own["suggestions"]] == ["http://xiang.localhost/guides/mz/x-0/"]
    every = client.get(
        "/search/suggest/", {"q": "低保", "center": "all"}, HTTP_HOST=HOSTS[XIANG]
    ).json()
    assert len(every["suggestions"]) >= 3


def test_the_api_searches_the_portals_center_and_names_each_results_center(county, client):
    own = client.get("/api/v1/search/", {"q": "低保"}, HTTP_HOST=HOSTS[XIANG]).json()
    assert own["center"] == XIANG
    assert {r["center"] for r in own["results"]} == {XIANG}
    assert {f["label"]: f["count"] for f in own["facets"]["center"]} == {
        "示范镇便民服务中心": 3,
        "示范乡便民服务中心": 2,
        "示范县政务服务中心": 1,
    }
    every = client.get(
        "/api/v1/search/", {"q": "低保", "center": "all"}, HTTP_HOST=HOSTS[XIANG]
    ).json()
    assert every["center"] == "all"
    assert every["count"] == 6
    county_guide = next(r for r in every["results"] if r["title"] == "最低生活保障审批")
    assert county_guide["center_name"] == "示范县政务服务中心"


def test_a_one_center_install_offers_no_choice_of_center(indexed_site, client):
    html = client.get("/search/", {"q": "低保"}).content.decode()
    assert "/guides/minzheng/t-mz-01/" in html
    assert "在全县所有中心中搜索" not in html
    assert "<h2>服务中心</h2>" not in html
