"""Final ranking, shared by both engines so they agree on the order of what they retrieved.

The engine finds candidates and gives a BM25-style score; here each candidate is
scored on what a citizen notices: how many of the query's words it has, whether
they are in the title, whether the query appears there verbatim, and how recent it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FIELD_TITLE = 1.0
FIELD_KEYWORDS = 0.75
FIELD_BODY = 0.4
PINYIN_EXACT = 0.95
PINYIN_PREFIX = 0.7


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


def _group_score(group, cand):
    best = 0.0
    hits = []
    if group.ascii:
        term = group.term
        if term in cand.pinyin:
            best = PINYIN_EXACT
        elif len(term) >= 2 and any(p.startswith(term) for p in cand.pinyin):
            best = PINYIN_PREFIX
    for alt, weight in group.alternatives.items():
        if alt in cand.title_norm:
            score = FIELD_TITLE * weight
        elif alt in cand.keywords_norm:
            score = FIELD_KEYWORDS * weight
        elif alt in cand.body_norm:
            score = FIELD_BODY * weight
        else:
            continue
        hits.append(alt)
        best = max(best, score)
    return best, hits


def score_candidates(parsed, candidates, today=None):
    """Score and sort candidates in place; returns them best first."""
    if not candidates:
        return candidates
    today = today or date.today()
    top_engine = max((c.engine_score for c in candidates), default=0) or 1.0
    groups = parsed.groups
    count = len(groups) or 1
    for cand in candidates:
        total = 0.0
        matched_groups = 0
        matched = []
        for group in groups:
            best, hits = _group_score(group, cand)
            total += best
            matched_groups += best > 0
            matched.extend(hits)
        coverage = total / count
        breadth = matched_groups / count
        title = cand.title_norm
        phrase = 0.0
        for text in parsed.phrases:
            if text == title:
                phrase = max(phrase, 1.2)
            elif text in title:
                phrase = max(phrase, 0.3 + 0.5 * len(text) / max(len(title), 1))
            elif text in cand.body_norm:
                phrase = max(phrase, 0.1)
        in_title = sum(len(alt) for alt in set(matched) if alt in title)
        specificity = min(in_title / max(len(title), 1), 1.0)
        recency = 0.0
        if cand.date:
            age = (today - cand.date).days
            recency = 0.05 * max(0.0, 1 - age / 1095) if age >= 0 else 0.05
        cand.score = (
            2.0 * coverage
            + 1.0 * breadth
            + phrase
            + 0.3 * specificity
            + 0.3 * (cand.engine_score / top_engine)
            + recency
        )
        cand.matched = sorted(set(matched), key=len, reverse=True)
    candidates.sort(key=lambda c: (-c.score, c.doc_id))
    return candidates
