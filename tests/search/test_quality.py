"""Search quality on the project's own catalog and judged queries, for both engines.

Judged on recall@10 and MRR per kind of query a citizen types (partial words, names,
colloquial questions, synonyms, several words, words from the body, pinyin, traditional
characters, department names, homophone typos, abbreviations, older names, sentences,
questions, pinyin mixed with characters, pinyin with tones or spaces), on the test
catalog and on the demo catalog.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

from search.backends.elasticsearch import ElasticsearchEngine
from search.backends.embedded import EmbeddedEngine
from search.quality import KINDS, evaluate, load_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "search"
CATALOG = load_json(FIXTURES / "catalog.json")
QUERIES = load_json(FIXTURES / "queries.json")
DEMO_QUERIES = load_json(FIXTURES / "demo_queries.json")
FORGIVING_KINDS = (
    "typo",
    "abbreviation",
    "old_name",
    "sentence",
    "question",
    "mixed_pinyin",
    "toned_pinyin",
)


def test_the_query_fixture_covers_every_kind_of_query():
    kinds = {item["kind"] for item in QUERIES}
    assert kinds == set(KINDS)
    assert len(QUERIES) >= 60
    codes = {record["code"] for record in CATALOG}
    assert all(set(item["relevant"]) <= codes for item in QUERIES)


def test_every_forgiving_kind_has_ten_queries_over_the_two_catalogs():
    from content.demo.guides import GUIDES

    for kind in FORGIVING_KINDS:
        assert sum(1 for item in QUERIES + DEMO_QUERIES if item["kind"] == kind) >= 10
    codes = {record["code"] for record in GUIDES}
    assert all(set(item["relevant"]) <= codes for item in DEMO_QUERIES)


def assert_good(report):
    misses = "\n".join(f"{q}: expected {e}, got {g}" for q, e, g in report.misses)
    for kind, figures in report.per_kind.items():
        assert figures["recall"] >= 0.95, f"{kind}\n{misses}"
        assert figures["mrr"] >= 0.9, f"{kind}\n{misses}"


def catalogs():
    from content.demo.guides import GUIDES

    return [(CATALOG, QUERIES), (GUIDES, DEMO_QUERIES)]


@pytest.mark.django_db
@pytest.mark.parametrize("catalog", ["test", "demo"])
def test_embedded_engine_meets_the_quality_bar_on_every_kind(tmp_path, catalog):
    records, queries = catalogs()[0 if catalog == "test" else 1]
    assert_good(evaluate(EmbeddedEngine(tmp_path / "quality.sqlite3"), records, queries))


@pytest.mark.django_db
@pytest.mark.elasticsearch
@pytest.mark.parametrize("catalog", ["test", "demo"])
def test_elasticsearch_engine_meets_the_quality_bar_on_every_kind(es_cleanup, catalog):
    from .conftest import SESSION_PREFIX

    records, queries = catalogs()[0 if catalog == "test" else 1]
    engine = ElasticsearchEngine(es_cleanup, index_prefix=f"{SESSION_PREFIX}_quality_{catalog}")
    try:
        assert_good(evaluate(engine, records, queries))
    finally:
        engine.drop()


@pytest.mark.django_db
def test_search_quality_command_reports_each_kind(capsys):
    call_command(
        "search_quality",
        "--catalog",
        str(FIXTURES / "catalog.json"),
        "--queries",
        str(FIXTURES / "queries.json"),
    )
    out = capsys.readouterr().out
    for kind in KINDS:
        assert kind in out
    assert "overall" in out and "recall@10" in out
