"""Index updates through the outbox, for both engines: publish, unpublish, move, delete, snippets.

Kept apart from test_contract.py, whose module-wide shared site would otherwise sit in
the database beside the per-test site these tests change.
"""

import pytest

from search import outbox
from search.documents import page_doc_id


def titles(results):
    return [hit.title for hit in results.hits]


def test_unpublishing_removes_the_guide(indexed_site, engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        indexed_site.shop.unpublish()
    assert "个体工商户设立登记" not in titles(engine.search("个体工商户"))


def test_moving_a_guide_updates_its_url(indexed_site, engine, django_capture_on_commit_callbacks):
    guide = indexed_site.house
    target = indexed_site.dibao.get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        guide.move(target, pos="last-child")
    guide.refresh_from_db()
    hit = engine.search("宅基地").hits[0]
    assert hit.url == guide.url
    assert "/minzheng/" in hit.url


def test_deleting_a_guide_removes_it(indexed_site, engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        indexed_site.medical.delete()
    assert "城乡居民基本医疗保险参保登记" not in titles(engine.search("医疗保险"))


def test_editing_a_roster_entry_updates_it(
    indexed_site, engine, django_capture_on_commit_callbacks
):
    staff = indexed_site.staff
    with django_capture_on_commit_callbacks(execute=True):
        staff.post = "残疾人服务窗口受理员"
        staff.save()
    hit = engine.search("李秀英").hits[0]
    assert "残疾人服务窗口受理员" in hit.title
    with django_capture_on_commit_callbacks(execute=True):
        staff.delete()
    assert not engine.search("李秀英").hits


def test_rebuild_gives_the_same_answers(indexed_site, engine):
    from search.documents import all_documents

    before = titles(engine.search("户口"))
    engine.rebuild(all_documents())
    assert titles(engine.search("户口")) == before
    assert engine.count() == len(list(all_documents()))


def test_outbox_cursor_reaches_the_last_row(indexed_site, engine):
    assert outbox.pending_count(engine.name) == 0
    assert page_doc_id(indexed_site.hukou.pk) in engine.doc_ids()


@pytest.mark.elasticsearch
def test_both_engines_return_the_same_hits(
    site, use_elasticsearch, django_capture_on_commit_callbacks
):
    from search.backends import get_engine
    from search.documents import all_documents

    embedded = get_engine("embedded")
    elastic = use_elasticsearch
    elastic.rebuild(all_documents())
    embedded.rebuild(all_documents())
    for query in ["户口", "登记", "ylbx", "低保", "養老保險", "生了孩子怎么上户口", "工本费"]:
        assert titles(embedded.search(query)) == titles(elastic.search(query)), query
        assert embedded.search(query).total == elastic.search(query).total, query
