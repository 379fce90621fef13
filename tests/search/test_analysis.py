"""The Chinese analysis both engines share."""

import pytest

from search.analysis import fold, parse_query
from search.analysis.pinyin import pinyin_keys
from search.models import SynonymGroup


def test_traditional_full_width_and_case_fold_to_one_form():
    assert fold("養老保險") == "养老保险"
    assert fold("戶口遷入") == "户口迁入"
    assert fold("ＹＬＢＸ") == "ylbx"


def test_pinyin_keys_give_full_and_initials():
    assert pinyin_keys("养老保险") == ("yanglaobaoxian", "ylbx")
    assert pinyin_keys("个体工商户") == ("getigongshanghu", "gtgsh")


@pytest.mark.django_db
def test_stop_words_leave_the_query_and_lone_characters_only_help_the_ranking(db):
    parsed = parse_query("想开个小卖部需要办什么证")
    assert [g.term for g in parsed.retrieving_groups] == ["小卖部"]
    assert {g.term for g in parsed.groups if g.weak} == {"开", "证"}


@pytest.mark.django_db
def test_seeded_synonyms_expand_the_query(db):
    group = parse_query("新农合").groups[0]
    assert "城乡居民基本医疗保险" in group.alternatives


@pytest.mark.django_db
def test_a_synonym_added_in_the_admin_applies_at_once(db):
    assert "喜糖" not in parse_query("结婚证").groups[0].alternatives
    SynonymGroup.objects.create(terms="结婚证，喜糖证")
    assert "喜糖证" in parse_query("结婚证").groups[0].alternatives
