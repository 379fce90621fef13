"""The /search/ page, the suggestions endpoint and GET /api/v1/search/ as a citizen meets them."""

import pytest


@pytest.fixture
def client_site(site, client):
    return client


def test_search_page_shows_highlighted_results_and_keeps_the_query(client_site):
    response = client_site.get("/search/", {"q": "户口"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="户口"' in html
    assert "<mark>户口</mark>迁移办事指南" in html
    assert "/guides/huji/t-hj-01/" in html


def test_search_page_lists_facets_as_links_with_counts(client_site):
    html = client_site.get("/search/", {"q": "登记"}).content.decode()
    assert "承办部门" in html
    assert (
        "?q=%E7%99%BB%E8%AE%B0&amp;department=%E5%B8%82%E5%9C%BA%E7%9B%91%E7%AE%A1%E6%89%80" in html
    )
    assert '市场监管所 <span class="count">(1)</span>' in html


def test_facet_link_filters_the_results(client_site):
    html = client_site.get("/search/", {"q": "登记", "department": "市场监管所"}).content.decode()
    assert "/guides/shichang/t-sc-01/" in html
    assert "/guides/huji/t-hj-02/" not in html
    assert "清除筛选" in html


def test_search_page_paginates(site, client, django_capture_on_commit_callbacks):
    from tests.builders import SEARCH_GUIDE_DEFAULTS, add_guide

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(12):
            add_guide(
                site.house.get_parent(),
                title=f"农机具第{number}类补贴申请",
                code=f"T-NJ-{number:02d}",
                department=site.departments["自然资源和规划所"],
                defaults=SEARCH_GUIDE_DEFAULTS,
            )
    client_site = client
    first = client_site.get("/search/", {"q": "申请"}).content.decode()
    assert 'rel="next"' in first
    second = client_site.get("/search/", {"q": "申请", "page": 2})
    assert second.status_code == 200
    assert 'rel="prev"' in second.content.decode()


def test_no_results_offers_did_you_mean(client_site):
    html = client_site.get("/search/", {"q": "低保户口袋妖怪xyz"}).content.decode()
    assert "您是不是要找" in html or "找到" in html
    html = client_site.get("/search/", {"q": "qqqqzzzz"}).content.decode()
    assert "没有找到相关信息" in html
    assert "您是不是要找" in html


def test_query_is_escaped_on_the_page(client_site):
    html = client_site.get("/search/", {"q": '<script>alert("x")</script>'}).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_search_page_works_without_javascript_and_loads_no_inline_script(client_site):
    html = client_site.get("/search/", {"q": "户口"}).content.decode()
    assert '<form class="search-box" role="search" action="/search/" method="get">' in html
    assert "search/autocomplete" in html
    assert "<script>" not in html


def test_bad_page_number_is_a_400_with_a_chinese_message(client_site):
    response = client_site.get("/search/", {"q": "户口", "page": "abc"})
    assert response.status_code == 400
    assert "页码应为1到1000之间的整数" in response.content.decode()


def test_suggest_endpoint_returns_titles_and_urls(client_site):
    data = client_site.get("/search/suggest/", {"q": "hukou"}).json()
    assert {"title": "户口迁移办事指南", "url": "/guides/huji/t-hj-01/"} in data["suggestions"]


def test_api_returns_the_contract_shape(client_site):
    data = client_site.get("/api/v1/search/", {"q": "养老"}).json()
    assert data["count"] >= 1
    first = data["results"][0]
    assert set(first) == {
        "title",
        "url",
        "type",
        "snippet",
        "department",
        "date",
        "score",
        "center",
        "center_name",
    }
    assert first["center"] == "default"
    assert first["title"] == "城乡居民基本养老保险待遇资格认证"
    assert first["type"] == "guide"
    assert "<mark>养老</mark>" in first["snippet"]
    assert {"type", "department", "topic", "year"} <= set(data["facets"])
    assert data["incomplete"] is False
    assert data["engine"] == "embedded"


def test_api_filters_by_type_and_department(client_site):
    data = client_site.get("/api/v1/search/", {"q": "低保", "type": "staff"}).json()
    assert [r["type"] for r in data["results"]] == ["staff"]
    data = client_site.get("/api/v1/search/", {"q": "登记", "department": "社会保障所"}).json()
    assert [r["title"] for r in data["results"]] == ["城乡居民基本医疗保险参保登记"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "户口", "page": "0"}, "页码"),
        ({"q": "户口", "page": "x"}, "页码"),
        ({"q": "户口", "type": "secret"}, "类别"),
        ({"q": "户口", "year": "20"}, "年份"),
    ],
)
def test_api_rejects_bad_parameters_with_chinese_messages(client_site, params, message):
    response = client_site.get("/api/v1/search/", params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_api_page_past_the_end_is_a_400(client_site):
    response = client_site.get("/api/v1/search/", {"q": "户口", "page": "50"})
    assert response.status_code == 400
    assert "超出" in response.json()["error"]


def test_a_mistyped_word_is_corrected_and_offered_on_the_page(client_site):
    html = client_site.get("/search/", {"q": "底保"}).content.decode()
    assert "您要找的是：" in html
    assert '<a href="?q=%E4%BD%8E%E4%BF%9D">低保</a>' in html
    assert "/guides/minzheng/t-mz-01/" in html
