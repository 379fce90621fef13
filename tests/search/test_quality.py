"""Search quality on the project's own catalog and judged queries, for both engines.

Judged on recall@10 and MRR over nine kinds of query a citizen types (partial words,
names, colloquial questions, synonyms, several words, words from the body, pinyin,
traditional characters, department names).
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


def test_the_query_fixture_covers_every_kind_of_query():
    kinds = {item["kind"] for item in QUERIES}
    assert kinds == set(KINDS)
    assert len(QUERIES) >= 60
    codes = {record["code"] for record in CATALOG}
    assert all(set(item["relevant"]) <= codes for item in QUERIES)


def assert_good(report):
    misses = "\n".join(f"{q}: expected {e}, got {g}" for q, e, g in report.misses)
    assert report.overall["recall"] >= 0.95, misses
    assert report.overall["mrr"] >= 0.9, misses


@pytest.mark.django_db
def test_embedded_engine_meets_the_quality_bar(tmp_path):
    assert_good(evaluate(EmbeddedEngine(tmp_path / "quality.sqlite3"), CATALOG, QUERIES))


@pytest.mark.django_db
@pytest.mark.elasticsearch
def test_elasticsearch_engine_meets_the_quality_bar(es_cleanup):
    from .conftest import SESSION_PREFIX

    engine = ElasticsearchEngine(es_cleanup, index_prefix=f"{SESSION_PREFIX}_quality")
    try:
        assert_good(evaluate(engine, CATALOG, QUERIES))
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
