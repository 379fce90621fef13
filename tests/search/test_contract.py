"""One contract for both engines: the same site, the same queries, the same hits.

Each test runs against the embedded engine and against a real Elasticsearch
(marked `elasticsearch`: skipped locally without one, failed under CI=true).
"""

import pytest


def titles(results):
    return [hit.title for hit in results.hits]


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("户口", "户口迁移办事指南"),
        ("養老保險", "城乡居民基本养老保险待遇资格认证"),
        ("戶口遷移", "户口迁移办事指南"),
        ("yanglao", "城乡居民基本养老保险待遇资格认证"),
        ("zhaijidi", "农村宅基地和建房申请"),
        ("gtgsh", "个体工商户设立登记"),
        ("新农合", "城乡居民基本医疗保险参保登记"),
        ("生了孩子怎么上户口", "出生登记（新生儿落户）"),
        ("想开个小卖部需要办什么证", "个体工商户设立登记"),
        ("在老家翻建房子要审批吗", "农村宅基地和建房申请"),
        ("养老 认证", "城乡居民基本养老保险待遇资格认证"),
        ("家庭经济状况核对", "最低生活保障申请"),
    ],
)
def test_citizen_queries_find_the_right_guide_first(
    db, shared_site, shared_engine, query, expected_first
):
    results = shared_engine.search(query)
    assert titles(results)[:1] == [expected_first]


def test_pinyin_initials_find_every_title_with_them(db, shared_site, shared_engine):
    found = titles(shared_engine.search("ylbx"))[:2]
    assert set(found) == {"城乡居民基本养老保险待遇资格认证", "城乡居民基本医疗保险参保登记"}


def test_partial_word_finds_every_guide_with_it_in_the_title(db, shared_site, shared_engine):
    found = titles(shared_engine.search("户口"))
    assert {"户口迁移办事指南", "出生登记（新生儿落户）"} <= set(found)


def test_drafts_and_restricted_guides_are_not_searchable(db, shared_site, shared_engine):
    found = titles(shared_engine.search("户口 内部 核查 遗失 补办"))
    assert "户口内部核查流程" not in found
    assert "户口本遗失补办草稿" not in found


def test_hits_carry_type_department_url_and_date(db, shared_site, shared_engine):
    hit = shared_engine.search("最低生活保障").hits[0]
    assert hit.type == "guide"
    assert hit.department == "民政办"
    assert hit.url == shared_site.dibao.url
    assert hit.date is not None


def test_snippet_marks_the_match_and_escapes_the_text(db, shared_site, shared_engine):
    hit = shared_engine.search("加急").hits[0]
    assert hit.title == "居民身份证补领"
    assert "<mark>加急</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;/script&gt;" in hit.snippet


def test_facets_count_types_and_departments(db, shared_site, shared_engine):
    results = shared_engine.search("登记")
    facets = {name: dict(values) for name, values in results.facets.items()}
    assert facets["type"]["guide"] >= 3
    assert facets["department"]["社会保障所"] == 1
    assert facets["department"]["市场监管所"] == 1
    assert results.total == sum(facets["type"].values())


def test_department_filter_narrows_the_results(db, shared_site, shared_engine):
    results = shared_engine.search("登记", filters={"department": "派出所户籍室"})
    assert titles(results) == ["出生登记（新生儿落户）"]
    assert results.total == 1


def test_type_and_topic_filters(db, shared_site, shared_engine):
    assert {h.type for h in shared_engine.search("低保", filters={"type": "staff"}).hits} == {
        "staff"
    }
    found = titles(shared_engine.search("户籍", filters={"topic": "生育服务"}))
    assert found == ["出生登记（新生儿落户）"]


def test_every_content_type_is_searchable(db, shared_site, shared_engine):
    assert shared_engine.search("限时办结").hits[0].type == "commitment"
    assert shared_engine.search("首问责任制").hits[0].type == "article"
    assert shared_engine.search("高龄津贴").hits[0].type == "predisclosure"
    assert shared_engine.search("李秀英").hits[0].type == "staff"
    fee_hits = shared_engine.search("工本费").hits
    assert "fee" in {hit.type for hit in fee_hits}


def test_completion_announcement_shows_only_the_masked_name(db, shared_site, shared_engine):
    from tests.builders import SEARCH_APPLICANT as APPLICANT
    from tests.builders import SEARCH_APPLICANT_MASKED as APPLICANT_MASKED

    results = shared_engine.search("最低生活保障申请办结公告")
    announcement = [h for h in results.hits if h.type == "announcement"]
    assert announcement
    assert APPLICANT not in announcement[0].title
    assert APPLICANT_MASKED in announcement[0].title
    assert not shared_engine.search(APPLICANT).hits


def test_inactive_staff_are_not_listed(db, shared_site, shared_engine):
    assert not shared_engine.search("赵退休").hits


def test_pages_do_not_repeat_hits(db, shared_site, shared_engine):
    first = shared_engine.search("登记", per_page=2, page=1)
    second = shared_engine.search("登记", per_page=2, page=2)
    assert first.total == second.total >= 3
    assert not {h.doc_id for h in first.hits} & {h.doc_id for h in second.hits}


def test_suggest_completes_hanzi_and_pinyin_prefixes(db, shared_site, shared_engine):
    assert "户口迁移办事指南" in [s["title"] for s in shared_engine.suggest("户口")]
    assert "城乡居民基本养老保险待遇资格认证" in [
        s["title"] for s in shared_engine.suggest("yangl")
    ]
    assert "个体工商户设立登记" in [s["title"] for s in shared_engine.suggest("gtgsh")]
