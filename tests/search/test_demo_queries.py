"""Queries a new visitor types on the demo site, each finding the right item first.

The demo is loaded by the demo loader (`load_demo`'s content step) and indexed from the
database as `search_rebuild` does, into each engine. These are the examples that failed
before search forgave pinyin, typos, everyday words and spelled-out ages.
"""

import pytest

from search.backends.elasticsearch import ElasticsearchEngine
from search.backends.embedded import EmbeddedEngine

from .conftest import ENGINES, SESSION_PREFIX, _counter, _reset_engine_caches


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import transaction
    from django.test import override_settings

    from content.demo import load

    path = tmp_path_factory.mktemp("demo-search") / "unused.sqlite3"
    with (
        django_db_blocker.unblock(),
        override_settings(SEARCH_EMBEDDED_PATH=path, ELASTICSEARCH_URL=""),
    ):
        _reset_engine_caches()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            _reset_engine_caches()


@pytest.fixture(scope="module", params=ENGINES)
def demo_engine(request, demo_site, django_db_blocker, tmp_path_factory):
    from search.documents import all_documents

    if request.param == "elasticsearch":
        url = request.getfixturevalue("es_cleanup")
        engine = ElasticsearchEngine(url, index_prefix=f"{SESSION_PREFIX}_demo_{next(_counter)}")
    else:
        engine = EmbeddedEngine(tmp_path_factory.mktemp("demo-embedded") / "search.sqlite3")
    with django_db_blocker.unblock():
        engine.rebuild(all_documents())
    yield engine
    if request.param == "elasticsearch":
        engine.drop()


def first_title(engine, query):
    hits = engine.search(query).hits
    return hits[0].title if hits else None


def test_hukou_in_pinyin_finds_the_household_registration_guides(db, demo_engine):
    hits = demo_engine.search("hukou").hits
    assert hits[0].title == "出生登记（新生儿落户）"
    assert {"居住证申领", "居民身份证换领"} <= {hit.title for hit in hits}


def test_dibao_in_pinyin_finds_minimum_living_allowance_first(db, demo_engine):
    assert first_title(demo_engine, "dibao") == "最低生活保障申请"


def test_canjizheng_in_pinyin_finds_the_disability_card_first(db, demo_engine):
    assert first_title(demo_engine, "canjizheng") == "残疾人证新办"


def test_funeral_fee_finds_the_funeral_subsidy_first(db, demo_engine):
    assert first_title(demo_engine, "丧葬费") == "惠民殡葬补贴申领"


def test_eighty_years_old_in_words_finds_the_old_age_allowance_first(db, demo_engine):
    assert first_title(demo_engine, "八十岁") == "高龄津贴申领"


def test_what_time_do_you_open_finds_the_centers_hours_first(db, demo_engine):
    hits = demo_engine.search("几点上班").hits
    assert hits[0].type == "center"
    assert "8:30" in str(hits[0].snippet)


def test_someone_died_finds_the_funeral_subsidy_first(db, demo_engine):
    assert first_title(demo_engine, "人死了") == "惠民殡葬补贴申领"


def test_allowance_at_80_in_digits_puts_the_old_age_allowance_first(db, demo_engine):
    assert first_title(demo_engine, "80岁补贴") == "高龄津贴申领"


def test_funeral_subsidy_puts_the_funeral_guide_before_farm_machinery(db, demo_engine):
    assert first_title(demo_engine, "丧葬补贴") == "惠民殡葬补贴申领"


def test_spaced_pinyin_chu_sheng_finds_birth_registration_first(db, demo_engine):
    assert first_title(demo_engine, "chu sheng") == "出生登记（新生儿落户）"


def test_a_wrong_character_of_the_same_sound_is_corrected_and_offered(db, demo_engine):
    results = demo_engine.search("底保")
    assert results.corrected == "低保"
    assert results.hits[0].title == "最低生活保障申请"


def test_autocomplete_hukou_suggests_the_household_guides_first(db, demo_engine):
    titles = [item["title"] for item in demo_engine.suggest("户口")]
    assert set(titles[:3]) == {"出生登记（新生儿落户）", "居住证申领", "居民身份证换领"}


def test_autocomplete_dibao_suggests_minimum_living_allowance(db, demo_engine):
    assert demo_engine.suggest("低保")[0]["title"] == "最低生活保障申请"
    assert demo_engine.suggest("dibao")[0]["title"] == "最低生活保障申请"
