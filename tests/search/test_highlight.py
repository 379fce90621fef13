"""Snippets of very long fields: correct, bounded, and computed from a window of the text."""

import search.highlight as highlight_module
from search.highlight import SNIPPET_CHARS, highlight


def test_snippet_of_a_megabyte_field_with_fifty_thousand_matches_is_built_from_a_window(
    monkeypatch,
):
    filler = "本镇居民办理事项须知"
    text = "前言说明。" + ("低保申请" + filler * 2) * 50_000  # ~1.2 MB, 50,000 matches of 低保
    assert len(text) > 1_000_000
    seen = []
    real_spans = highlight_module._spans

    def recording_spans(folded, terms):
        seen.append(len(folded))
        return real_spans(folded, terms)

    monkeypatch.setattr(highlight_module, "_spans", recording_spans)
    html = str(highlight(text, ["低保", "申请"]))

    # The marks are computed on a window about the snippet's size, never on the field.
    assert seen and max(seen) <= SNIPPET_CHARS + 2 * len("申请")
    assert html.startswith("<mark>低保</mark><mark>申请</mark>") or html.startswith("…")
    assert "<mark>低保</mark>" in html
    visible = html.replace("<mark>", "").replace("</mark>", "").strip("…")
    assert len(visible) <= SNIPPET_CHARS
    assert html.endswith("…")


def test_overlapping_terms_are_marked_once_longest_first():
    html = str(highlight("申请最低生活保障需要低保证明", ["最低生活保障", "低保", "生活"]))
    assert html == "申请<mark>最低生活保障</mark>需要<mark>低保</mark>证明"


def test_snippet_starts_at_the_sentence_of_the_first_match_and_escapes_text():
    text = "一" * 200 + "。<b>低保</b>标准每月" + "二" * 200
    html = str(highlight(text, ["低保"]))
    assert html.startswith("…&lt;b&gt;<mark>低保</mark>&lt;/b&gt;标准每月")
