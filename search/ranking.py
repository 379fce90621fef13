"""Final ranking, shared by both engines so they agree on the order of what they retrieved.

The engine finds candidates and gives a BM25-style score; here each candidate is
scored on what a citizen notices: how many of the query's words it has, whether
they are in the title, whether the query appears there verbatim, and how recent it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from .analysis.query import SINGLE_CHAR_WEIGHT, WEIGHT_SYNONYM

FIELD_TITLE = 1.0
FIELD_KEYWORDS = 0.75
FIELD_BODY = 0.4
PINYIN_EXACT = 0.95
PINYIN_PREFIX = 0.7
BODY_BREADTH = 0.35
# Character bigrams of the query found in the title or keywords: the recall fallback's
# evidence, worth less than any word match so word-level precision stays on top.
CHAR_COVERAGE = 0.6
# What a citizen most likely wants when several kinds of item match equally: the guide,
# before the announcement that repeats its title or the clerk whose post mentions it.
TYPE_PRIOR = {
    "guide": 0.3,
    "commitment": 0.1,
    "fee": 0.1,
    "article": 0.05,
    "announcement": -0.1,
    "staff": -0.1,
}


@dataclass
class Candidate:
    doc_id: str
    engine_score: float
    title_norm: str
    keywords_norm: str
    body_norm: str
    pinyin: set
    date: date | None = None
    data: dict = field(default_factory=dict)  # what the page shows: title, url, text, …
    score: float = 0.0
    matched: list = field(default_factory=list)  # alternatives found, for highlighting


def _alt_field(alt, cand):
    if alt in cand.title_norm:
        return FIELD_TITLE
    if alt in cand.keywords_norm:
        return FIELD_KEYWORDS
    if alt in cand.body_norm:
        return FIELD_BODY
    return 0.0


def _pinyin_score(group, cand):
    term = group.term
    if term in cand.pinyin:
        return PINYIN_EXACT
    if len(term) >= 2 and any(p.startswith(term) for p in cand.pinyin):
        return PINYIN_PREFIX
    return 0.0


def _frequency(matched, body):
    """How much the body is about the matched words (0..1), the same for every engine.

    Engines' own scores differ (BM25 statistics, tiers); leaving them out of the final
    score makes the embedded index and Elasticsearch order the same candidates alike.
    """
    hits = sum(body.count(alt) for alt in set(matched) if len(alt) >= 2)
    return min(hits, 6) / 6


def _rarity(df, size):
    """0.3 for a word every candidate has, 1.0 for a word only one has (a softened IDF)."""
    if size <= 1:
        return 1.0
    return 0.3 + 0.7 * math.log(1 + size / max(df, 1)) / math.log(1 + size)


def score_candidates(parsed, candidates, today=None):
    """Score and sort candidates in place; returns them best first."""
    if not candidates:
        return candidates
    today = today or date.today()
    groups = parsed.groups
    size = len(candidates)
    # Where each alternative occurs, per candidate; then how rare it is among the candidates,
    # so filler like 工作 (in every 工作日) counts for little next to 就业 in one title.
    fields = {}
    for group in groups:
        for alt in group.alternatives:
            if alt not in fields:
                fields[alt] = [_alt_field(alt, cand) for cand in candidates]
    rarity = {alt: _rarity(sum(1 for f in found if f), size) for alt, found in fields.items()}
    pinyin = {g.term: [_pinyin_score(g, cand) for cand in candidates] for g in groups if g.ascii}
    group_weight = []
    for group in groups:
        seen = [rarity[alt] for alt in group.alternatives if any(fields[alt])]
        if group.ascii and any(pinyin[group.term]):
            seen.append(_rarity(sum(1 for p in pinyin[group.term] if p), size))
        weight = max(seen, default=1.0)
        group_weight.append(weight * SINGLE_CHAR_WEIGHT if group.weak else weight)
    weight_sum = sum(group_weight) or 1.0
    for index, cand in enumerate(candidates):
        total = 0.0
        breadth = 0.0
        matched = []
        word_in_title = False
        # Real words first: a single character only counts next to a word in the title.
        order = sorted(zip(groups, group_weight, strict=True), key=lambda gw: gw[0].weak)
        for group, weight in order:
            if group.weak and not word_in_title:
                continue
            best = pinyin[group.term][index] * weight if group.ascii else 0.0
            # How wholly the word is covered where it shows: itself or a synonym count fully,
            # a fragment of it (补助 of 丧葬补助) only as much as its weight says.
            shown = 1.0 if best > 0 else 0.0
            hidden = 0.0
            for alt, alt_weight in group.alternatives.items():
                field_weight = fields[alt][index]
                if field_weight:
                    matched.append(alt)
                    best = max(best, field_weight * alt_weight * rarity[alt])
                    if field_weight > FIELD_BODY:
                        shown = max(shown, min(1.0, alt_weight / WEIGHT_SYNONYM))
                    else:
                        hidden = max(hidden, min(1.0, alt_weight / WEIGHT_SYNONYM))
            total += best
            word_in_title = word_in_title or shown > 0
            # A word in the title or keywords shows what the item is about; in the body, less so.
            breadth += weight * max(shown, hidden * BODY_BREADTH)
        coverage = total / weight_sum
        breadth = breadth / weight_sum
        title = cand.title_norm
        phrase = 0.0
        for text in parsed.phrases:
            if text == title:
                phrase = max(phrase, 1.2)
            elif text in title:
                phrase = max(phrase, 0.3 + 0.5 * len(text) / max(len(title), 1))
            elif text in cand.body_norm:
                phrase = max(phrase, 0.35 if len(text) >= 3 else 0.1)
        in_title = sum(len(alt) for alt in set(matched) if alt in title)
        specificity = min(in_title / max(len(title), 1), 1.0)
        recency = 0.0
        if cand.date:
            age = (today - cand.date).days
            recency = 0.05 * max(0.0, 1 - age / 1095) if age >= 0 else 0.05
        chars = 0.0
        if parsed.grams:
            prominent_text = title + " " + cand.keywords_norm
            chars = sum(1 for g in parsed.grams if g in prominent_text) / len(parsed.grams)
        cand.score = (
            2.0 * coverage
            + CHAR_COVERAGE * chars
            + 1.0 * breadth
            + phrase
            + 0.3 * specificity
            + 0.3 * _frequency(matched, cand.body_norm)
            + recency
            + TYPE_PRIOR.get(cand.data.get("type"), 0.0)
        )
        cand.matched = sorted(set(matched), key=len, reverse=True)
    candidates.sort(key=lambda c: (-round(c.score, 6), len(c.title_norm), c.doc_id))
    return candidates
