"""Search quality on a catalog and a set of judged queries: recall@10 and MRR per kind of query."""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from .analysis.fields import learn_vocabulary
from .documents import guide_document_from_record

KINDS = (
    "partial",
    "name",
    "colloquial",
    "synonym",
    "multi",
    "content",
    "pinyin",
    "traditional",
    "department",
    "typo",
    "abbreviation",
    "old_name",
    "sentence",
    "question",
    "mixed_pinyin",
    "toned_pinyin",
)
CUTOFF = 10


@dataclass
class QualityReport:
    per_kind: dict = field(default_factory=dict)  # kind → {"recall": r, "mrr": m, "queries": n}
    overall: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)  # (query, expected, got)


def load_json(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def catalog_documents(records):
    return [
        guide_document_from_record(record, url=f"/catalog/{record['code']}/") for record in records
    ]


def code_of(hit_url):
    return hit_url.rstrip("/").rsplit("/", 1)[-1]


def evaluate(engine, records, queries):
    """Index the catalog's guides into engine (a throwaway index) and judge every query."""
    docs = catalog_documents(records)
    learn_vocabulary(docs)
    engine.rebuild(docs)
    sums = defaultdict(lambda: [0.0, 0.0, 0])
    report = QualityReport()
    for item in queries:
        results = engine.search(item["q"], per_page=CUTOFF)
        got = [code_of(hit.url) for hit in results.hits]
        relevant = set(item["relevant"])
        recall = len(relevant & set(got)) / len(relevant) if relevant else 1.0
        target = item.get("primary")
        rank = None
        for position, code in enumerate(got, start=1):
            if (target and code == target) or (not target and code in relevant):
                rank = position
                break
        rr = 1.0 / rank if rank else 0.0
        for key in (item.get("kind", "other"), "overall"):
            sums[key][0] += recall
            sums[key][1] += rr
            sums[key][2] += 1
        if recall < 1.0 or rr < 1.0:
            report.misses.append((item["q"], sorted(relevant), got[:5]))
    for key, (recall, rr, n) in sums.items():
        figures = {"recall": recall / n, "mrr": rr / n, "queries": n}
        if key == "overall":
            report.overall = figures
        else:
            report.per_kind[key] = figures
    return report
