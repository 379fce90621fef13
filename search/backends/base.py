"""The interface every search engine of the portal implements.

An engine stores analysed documents and retrieves candidates for a parsed query;
the shared parts (query parsing, final ranking, snippets, paging) live here so the
embedded index and Elasticsearch answer the same query the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..analysis import fold, parse_query
from ..analysis.fields import KEYWORD_MARKER, analyse, learn_vocabulary
from ..analysis.query import WEIGHT_ABBREVIATION, strip_tones
from ..documents import TYPE_LABELS
from ..highlight import highlight, highlight_title
from ..ranking import score_candidates

FACET_FIELDS = ("type", "department", "topic", "year", "center")
FILTER_FIELDS = ("type", "department", "topic", "year", "center")
# The center facet counts every center's matches whatever center is searched, so a
# center's page can say how many the other centers have (docs/county.md).
UNSCOPED_FACET = "center"
# Fewer word-level candidates than this and the character-level fallback runs too.
FALLBACK_BELOW = 10


MAX_SUGGEST_KEYS = 8
# Suggestions of several kinds: guides first, people and notices last.
SUGGEST_TYPE_ORDER = {"guide": 0, "staff": 2, "announcement": 3}


def suggestion_keys(prefix):
    """What to look suggestions up by: the typed text, then what it stands for on this site."""
    typed = "".join(fold(strip_tones(prefix or "")).split())[:50]
    if not typed:
        return []
    keys = [typed]
    parsed = parse_query(prefix)
    converted = "".join(parsed.folded.split())
    if converted and converted != typed:
        keys.append(converted)
    for group in parsed.retrieving_groups:
        # Only MAX_SUGGEST_KEYS are looked up: take the closest and fullest names first (titles
        # use full names), in an order that does not depend on how a set happens to iterate.
        alternatives = sorted(
            group.alternatives.items(), key=lambda item: (-item[1], -len(item[0]), item[0])
        )
        for alternative, weight in alternatives:
            if weight >= WEIGHT_ABBREVIATION and " " not in alternative:
                keys.append(alternative)
    return list(dict.fromkeys(keys))[:MAX_SUGGEST_KEYS]


class EngineUnavailable(Exception):
    """The engine cannot be reached or refused the request."""


@dataclass
class Hit:
    doc_id: str
    title: str
    title_html: str
    url: str
    type: str
    snippet: str
    department: str
    date: date | None
    score: float
    center: str = ""  # the code of the center the item belongs to

    @property
    def type_label(self):
        return TYPE_LABELS.get(self.type, self.type)

    def as_json(self):
        return {
            "title": self.title,
            "url": self.url,
            "type": self.type,
            "snippet": str(self.snippet),
            "department": self.department,
            "date": self.date.isoformat() if self.date else None,
            "score": round(self.score, 4),
            "center": self.center,
        }


@dataclass
class SearchResults:
    query: str
    hits: list = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=dict)  # field → [(value, count), …]
    page: int = 1
    per_page: int = 10
    engine: str = ""
    incomplete: bool = False
    approximate: bool = False
    corrected: str = ""  # the query as the site spells it, when a typo was corrected

    @property
    def corrections(self):
        return bool(self.corrected)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


@dataclass
class Retrieval:
    """What an engine hands back for a parsed query before the shared ranking."""

    candidates: list
    total: int
    facets: dict
    approximate: bool = False  # facet counts scaled from a sample of a very large result


class SearchEngine:
    """Base class: subclasses implement storage and candidate retrieval."""

    name = "base"
    #: how many candidates the shared ranking re-orders; pages beyond keep engine order
    candidate_limit = 100

    # --- writing -------------------------------------------------------------------------
    def index_documents(self, docs):
        """Add or replace documents (SearchDocument); analysed here, stored by the engine."""
        docs = list(docs)
        learn_vocabulary(docs)
        self.store([(doc, analyse(doc)) for doc in docs])

    def store(self, analysed):
        raise NotImplementedError

    def delete_documents(self, doc_ids):
        raise NotImplementedError

    def rebuild(self, docs, progress=None):
        """Replace the whole index with docs, readers never seeing a half-built one."""
        raise NotImplementedError

    def clear(self):
        raise NotImplementedError

    # --- reading -------------------------------------------------------------------------
    def retrieve(self, parsed, filters, limit):
        """Candidates (ranking.Candidate) best first by engine score, total and facets."""
        raise NotImplementedError

    def suggest(self, prefix, limit=8, center=None):
        """Titles (with URLs) matching what has been typed so far, best first; of one center
        (its code) or, without one, of every center.

        Titles (from any word on, in characters or pinyin) before keywords (topics), the
        typed text before what it stands for: its spelling in the site's words (dibao →
        低保, 底保 → 低保), its synonyms and the long forms it abbreviates.
        """
        keys = suggestion_keys(prefix)
        if not keys:
            return []
        found = {}
        for marker_rank, marker in enumerate(("", KEYWORD_MARKER)):
            lists = self.suggest_keys([marker + key for key in keys], limit, center=center)
            for key_rank, items in enumerate(lists):
                for item in items:
                    rank = (
                        SUGGEST_TYPE_ORDER.get(item["type"], 1),
                        marker_rank,
                        key_rank,
                        len(item["title"]),
                        item["title"],
                    )
                    if item["url"] not in found or rank < found[item["url"]][0]:
                        found[item["url"]] = (rank, item)
        ordered = sorted(found.values(), key=lambda pair: pair[0])
        return [{"title": item["title"], "url": item["url"]} for _rank, item in ordered[:limit]]

    def suggest_keys(self, keys, limit, center=None):
        """For each key, the items (title, url, type) with a suggestion key starting with it,
        of the center with that code only when one is given."""
        raise NotImplementedError

    def health(self):
        """True when the engine answers."""
        raise NotImplementedError

    def count(self):
        raise NotImplementedError

    def search(self, query, filters=None, page=1, per_page=10):
        parsed = parse_query(query)
        results = SearchResults(query=query, page=page, per_page=per_page, engine=self.name)
        if parsed.empty:
            return results
        filters = {
            k: v for k, v in (filters or {}).items() if k in FILTER_FIELDS and v not in (None, "")
        }
        limit = max(self.candidate_limit, page * per_page)
        retrieval = self.retrieve(parsed, filters, limit)
        ranked = score_candidates(parsed, retrieval.candidates[: self.candidate_limit])
        ordered = ranked + retrieval.candidates[self.candidate_limit :]
        results.corrected = parsed.corrected
        results.total = retrieval.total
        results.facets = retrieval.facets
        results.approximate = retrieval.approximate
        window = ordered[(page - 1) * per_page : page * per_page]
        results.hits = [self._hit(cand, parsed) for cand in window]
        return results

    def _hit(self, cand, parsed):
        terms = cand.matched or list(parsed.all_alternatives())
        data = cand.data
        return Hit(
            doc_id=cand.doc_id,
            title=data["title"],
            title_html=highlight_title(data["title"], terms),
            url=data["url"],
            type=data["type"],
            snippet=highlight(data.get("text", ""), terms, folded=data.get("body_norm")),
            department=data.get("department", ""),
            date=cand.date,
            score=cand.score,
            center=data.get("center", ""),
        )
