"""An embedded index file written by an earlier version keeps ranking well after an upgrade."""

import sqlite3

from search.backends.embedded import RANK_LIMIT, EmbeddedEngine
from search.documents import SearchDocument


def test_an_index_from_before_the_heads_table_still_finds_the_title_match_first(db, tmp_path):
    path = tmp_path / "search.sqlite3"
    # More body matches than a tier ranks, written before the title match.
    docs = [
        SearchDocument(
            doc_id=f"article:{n}",
            type="article",
            title=f"工作动态第{n}期",
            text="本期介绍宅基地审批的办理流程。",
            url=f"/news/{n}/",
        )
        for n in range(RANK_LIMIT + 100)
    ]
    docs.append(
        SearchDocument(
            doc_id="guide:1",
            type="guide",
            title="农村宅基地申请",
            text="申请人向村委会提出申请。",
            url="/guides/house/",
        )
    )
    EmbeddedEngine(path).rebuild(iter(docs))
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE heads")  # as the file was before the title tiers had their table
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema'")
    conn.commit()
    conn.close()

    results = EmbeddedEngine(path).search("宅基地")

    assert results.hits[0].title == "农村宅基地申请"


def test_an_index_from_before_centers_still_answers_and_takes_centers(db, tmp_path):
    path = tmp_path / "search.sqlite3"
    EmbeddedEngine(path).rebuild(
        iter([SearchDocument(doc_id="guide:1", type="guide", title="最低生活保障申请", url="/a/")])
    )
    conn = sqlite3.connect(path)
    for table in ("docs", "facets"):  # as the file was before items carried their center
        conn.execute(f"ALTER TABLE {table} DROP COLUMN center")
    conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema'")
    conn.commit()
    conn.close()

    engine = EmbeddedEngine(path)
    assert [hit.title for hit in engine.search("低保").hits] == ["最低生活保障申请"]
    engine.index_documents(
        [
            SearchDocument(
                doc_id="guide:2", type="guide", title="最低生活保障审批", url="/b/", center="county"
            )
        ]
    )
    scoped = engine.search("低保", filters={"center": "county"})
    assert [hit.title for hit in scoped.hits] == ["最低生活保障审批"]
