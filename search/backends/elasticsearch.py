"""The Elasticsearch engine (8.x), used when settings.ELASTICSEARCH_URL is set.

Documents carry the same pre-segmented token fields as the embedded engine and are
indexed with the whitespace analyzer, so both engines match the same words. The
live index is versioned (<prefix>_vN) behind the <prefix> alias; a rebuild fills
a new version and swaps the alias in one atomic call, so searches never stop.
"""

import re
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch_dsl import Q

from ..ranking import Candidate
from .base import (
    FALLBACK_BELOW,
    SUGGEST_TYPE_ORDER,
    UNSCOPED_FACET,
    EngineUnavailable,
    Retrieval,
    SearchEngine,
)

FIELD_BOOSTS = ["title_tokens^10", "keyword_tokens^5", "body_tokens^1"]
PINYIN_BOOST = 6
RECENCY_WEIGHT = 0.5
# As the embedded engine: counts stop here (approximate beyond); facets from a sample.
TOTAL_CAP = 10_000
FACET_SAMPLE = 2000
# What the shared ranking and the result page read; pinyin only when the query has pinyin.
SOURCE_FIELDS = [
    "doc_id",
    "type",
    "title",
    "url",
    "department",
    "date",
    "text",
    "title_norm",
    "keywords_norm",
    "body_norm",
    "center",
]
# Token fields are only searched: kept out of the stored _source, which every fetched hit
# decompresses and parses.
SOURCE_EXCLUDES = ["title_tokens", "keyword_tokens", "body_tokens", "grams", "suggest"]
FACET_AGGS = {
    "type": {"terms": {"field": "type", "size": 20}},
    "department": {"terms": {"field": "department", "size": 20}},
    "topic": {"terms": {"field": "topics", "size": 20}},
    "year": {"terms": {"field": "year", "size": 20}},
    "center": {"terms": {"field": "center", "size": 100}},
}
# Every suggestion is filed under its center's code and under this, which "every center"
# asks for: a completion field with contexts must be asked with one.
ALL_CENTERS = "*"
TEXT = {"type": "text", "analyzer": "whitespace"}
MAPPINGS = {
    # Only what is searched, filtered or aggregated is indexed; the rest rides in _source.
    "dynamic": False,
    "_source": {"excludes": SOURCE_EXCLUDES},
    "properties": {
        "doc_id": {"type": "keyword"},
        "type": {"type": "keyword"},
        "department": {"type": "keyword"},
        "topics": {"type": "keyword"},
        "year": {"type": "integer"},
        "date": {"type": "date"},
        # The center's code: one index for the county, filtered (docs/county.md).
        "center": {"type": "keyword"},
        "title_tokens": TEXT,
        "keyword_tokens": TEXT,
        "body_tokens": TEXT,
        "grams": TEXT,
        "pinyin": TEXT,
        "suggest": {
            "type": "completion",
            "analyzer": "keyword",
            "max_input_length": 50,
            "contexts": [{"name": "center", "type": "category"}],
        },
    },
}
SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}


def _guard(func):
    """Any transport or API failure becomes EngineUnavailable, which callers know how to handle."""

    def wrapper(self, *args, **kwargs):
        try:
            return func(self, *args, **kwargs)
        except (TransportError, ApiError) as exc:
            raise EngineUnavailable(f"elasticsearch: {exc}") from exc

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"
    # Elasticsearch scores retrieval itself (boosts, tiers, recency): the shared ranking
    # only settles the order of its best few.
    candidate_limit = 40

    def __init__(self, url, index_prefix="portal", timeout=10):
        self.url = url
        self.alias = index_prefix
        self.client = Elasticsearch(
            url, request_timeout=timeout, max_retries=0, retry_on_timeout=False
        )
        self._ready = False

    # --- index management --------------------------------------------------------------------
    def _versions(self):
        try:
            indices = self.client.indices.get(index=f"{self.alias}_v*", expand_wildcards="open")
        except NotFoundError:
            return {}
        found = {}
        for name in indices:
            match = re.fullmatch(re.escape(self.alias) + r"_v(\d+)", name)
            if match:
                found[int(match.group(1))] = name
        return found

    def _create_index(self, name):
        self.client.indices.create(index=name, mappings=MAPPINGS, settings=SETTINGS)

    def _ensure_index(self):
        if self._ready:
            return
        if not self.client.indices.exists_alias(name=self.alias):
            versions = self._versions()
            name = versions[max(versions)] if versions else f"{self.alias}_v1"
            if not versions:
                self._create_index(name)
            self.client.indices.put_alias(index=name, name=self.alias)
        self._ready = True

    def index_names(self):
        return sorted(self._versions().values())

    @_guard
    def drop(self):
        """Delete every version of this index (tests and throwaway indexes)."""
        for name in self._versions().values():
            self.client.indices.delete(index=name, ignore_unavailable=True)
        self._ready = False

    # --- writing -----------------------------------------------------------------------------
    @staticmethod
    def _source(doc, fields):
        return {
            "doc_id": doc.doc_id,
            "type": doc.type,
            "title": doc.title,
            "url": doc.url,
            "department": doc.department or "",
            "topics": list(dict.fromkeys(doc.topics)),
            "date": doc.date.isoformat() if doc.date else None,
            "year": doc.year,
            "text": doc.text,
            "title_norm": fields["title_norm"],
            "keywords_norm": fields["keywords_norm"],
            "body_norm": fields["body_norm"] if fields["body_norm"] != doc.text else None,
            "title_tokens": fields["title_tokens"],
            "keyword_tokens": fields["keyword_tokens"],
            "body_tokens": fields["body_tokens"],
            "grams": fields["grams"],
            "pinyin": fields["pinyin"],
            "center": doc.center or "",
            "suggest": [
                {
                    "input": key[:50],
                    "weight": max(1, 100 - len(doc.title)),
                    "contexts": {"center": [c for c in (doc.center, ALL_CENTERS) if c]},
                }
                for key in fields["suggest"]
                if key
            ],
        }

    def _actions(self, analysed, index):
        for doc, fields in analysed:
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": doc.doc_id,
                "_source": self._source(doc, fields),
            }

    @_guard
    def store(self, analysed):
        self._ensure_index()
        helpers.bulk(
            self.client, self._actions(analysed, self.alias), refresh=True, raise_on_error=True
        )

    @_guard
    def delete_documents(self, doc_ids):
        self._ensure_index()
        actions = [
            {"_op_type": "delete", "_index": self.alias, "_id": doc_id} for doc_id in doc_ids
        ]
        helpers.bulk(
            self.client, actions, refresh=True, raise_on_error=False, raise_on_exception=True
        )

    @_guard
    def clear(self):
        self._ensure_index()
        self.client.delete_by_query(
            index=self.alias, query={"match_all": {}}, refresh=True, conflicts="proceed"
        )

    def _send(self, actions):
        return helpers.bulk(self.client, actions, chunk_size=len(actions), raise_on_error=True)

    @_guard
    def rebuild(self, docs, progress=None, chunk_size=500):
        """Fill a new index version, then move the alias to it atomically and drop the old ones."""
        from ..analysis.fields import analyse, learn_vocabulary

        old = self._versions()
        name = f"{self.alias}_v{max(old, default=0) + 1}"
        self._create_index(name)
        self.client.indices.put_settings(index=name, settings={"refresh_interval": "-1"})

        def analysed():
            for doc in docs:
                learn_vocabulary([doc])
                yield doc, analyse(doc)

        count = 0
        try:
            # Documents are read and analysed in this thread (database connections are per
            # thread); a small pool sends finished chunks meanwhile, so jieba and
            # Elasticsearch work at the same time.
            with ThreadPoolExecutor(max_workers=2) as pool:
                in_flight = deque()

                def collect():
                    nonlocal count
                    sent, _errors = in_flight.popleft().result()
                    count += sent
                    if progress:
                        progress(sent)

                chunk = []
                for action in self._actions(analysed(), name):
                    chunk.append(action)
                    if len(chunk) >= chunk_size:
                        in_flight.append(pool.submit(self._send, chunk))
                        chunk = []
                        while len(in_flight) > 2:
                            collect()
                if chunk:
                    in_flight.append(pool.submit(self._send, chunk))
                while in_flight:
                    collect()
            self.client.indices.put_settings(index=name, settings={"refresh_interval": "1s"})
            self.client.indices.refresh(index=name)
        except BaseException:
            self.client.indices.delete(index=name, ignore_unavailable=True)
            raise
        current = []
        if self.client.indices.exists_alias(name=self.alias):
            current = list(self.client.indices.get_alias(name=self.alias))
        elif self.client.indices.exists(index=self.alias):
            # A plain index squatting on the alias name (never expected) would block the swap.
            self.client.indices.delete(index=self.alias)
        actions = [{"add": {"index": name, "alias": self.alias}}]
        actions += [{"remove": {"index": index, "alias": self.alias}} for index in current]
        self.client.indices.update_aliases(actions=actions)
        for old_name in old.values():
            self.client.indices.delete(index=old_name, ignore_unavailable=True)
        self._ready = True
        return count

    # --- reading -----------------------------------------------------------------------------
    @staticmethod
    def _group_query(group):
        """One word of the query: the best of its alternatives, where it shows best.

        Each alternative is a word match (title over keywords over body, by FIELD_BOOSTS),
        a character-bigram phrase in titles and keywords, or for pinyin a key of the
        title's pinyin; its weight (the word itself, a synonym, a fragment) scales it.
        Groups add up, so an item covering more of the query ranks higher.
        """
        options = []
        for alt, weight in group.alternatives.items():
            if not alt.strip():
                continue
            options.append(
                Q("multi_match", query=alt, fields=FIELD_BOOSTS, operator="and", boost=weight)
            )
            if not alt.isascii():
                compact = alt.replace(" ", "")
                grams = (
                    compact
                    if len(compact) == 1
                    else " ".join(compact[i : i + 2] for i in range(len(compact) - 1))
                )
                options.append(Q("match_phrase", grams={"query": grams, "boost": 4 * weight}))
        if group.ascii:
            options.append(Q("term", pinyin={"value": group.term, "boost": PINYIN_BOOST}))
            options.append(Q("prefix", pinyin={"value": group.term, "boost": PINYIN_BOOST / 2}))
        return Q("dis_max", queries=options, tie_breaker=0.1) if options else None

    def _query(self, parsed, fallback=False):
        """The words (and, for the fallback, the characters) as one scored query, plus recency.

        Recency is a `distance_feature` clause beside the required match rather than a
        function_score around it: Lucene knows its maximum, so it can skip documents that
        cannot reach the best `size` (block-max WAND). Returns (unscored match, scored query).
        """
        should = [q for q in map(self._group_query, parsed.retrieving_groups) if q is not None]
        if fallback and parsed.grams:
            # Character level, worth less than any word: only orders what words could not find.
            should.append(Q("match", grams={"query": " ".join(parsed.grams), "boost": 0.3}))
        matched = Q("bool", should=should, minimum_should_match=1)
        # Recency as the shared ranking has it: a small bonus, half of it at three years.
        recent = Q(
            "distance_feature", field="date", origin="now", pivot="1095d", boost=RECENCY_WEIGHT
        )
        return matched.to_dict(), Q("bool", must=[matched], should=[recent]).to_dict()

    def _filters(self, filters):
        clauses = []
        for key, value in filters.items():
            field = "topics" if key == "topic" else key
            clauses.append({"term": {field: int(value) if key == "year" else value}})
        return clauses

    @_guard
    def retrieve(self, parsed, filters, limit):
        self._ensure_index()
        retrieval = self._execute(parsed, filters, limit, fallback=False)
        if parsed.grams and len(retrieval.candidates) < FALLBACK_BELOW:
            # Few word-level candidates: let characters find what words could not.
            retrieval = self._execute(parsed, filters, limit, fallback=True)
        return retrieval

    def _execute(self, parsed, filters, limit, fallback):
        """Hits, count and facets in one round trip (msearch): two searches, each as cheap as it can be.

        The hits search neither counts nor aggregates, so Lucene skips documents that cannot
        reach the best `limit` (a word every document has costs little). The other search is
        unscored: it counts the matches up to TOTAL_CAP and the facets of a sample of
        FACET_SAMPLE of them, scaled, as the embedded engine does.
        """
        matched, scored = self._query(parsed, fallback)
        clauses = self._filters(filters)
        if clauses:
            matched = {"bool": {"must": [matched], "filter": clauses}}
            scored = {"bool": {"must": [scored], "filter": clauses}}
        source = SOURCE_FIELDS + ["pinyin"] if parsed.ascii_terms() else SOURCE_FIELDS
        header = {"index": self.alias}
        hits_body = {"query": scored, "size": limit, "_source": source, "track_total_hits": False}
        facets_body = {
            "query": {"constant_score": {"filter": matched}},
            "size": 0,
            "track_total_hits": TOTAL_CAP,
            "aggs": {"sample": {"sampler": {"shard_size": FACET_SAMPLE}, "aggs": FACET_AGGS}},
        }
        searches = [header, hits_body, header, facets_body]
        if UNSCOPED_FACET in filters:
            searches += [header, self._unscoped_facet_body(parsed, filters, fallback)]
        responses = self.client.msearch(searches=searches, max_concurrent_searches=2)["responses"]
        for response in responses:
            if "error" in response:
                raise EngineUnavailable(f"elasticsearch: {response['error']}")
        retrieval = self._retrieval(*responses[:2])
        if len(responses) > 2:
            buckets, rough = self._sampled_buckets(responses[2], UNSCOPED_FACET)
            retrieval.facets[UNSCOPED_FACET] = buckets
            retrieval.approximate = retrieval.approximate or rough
        return retrieval

    def _unscoped_facet_body(self, parsed, filters, fallback):
        """The center facet over every center's matches (the other filters still apply)."""
        matched, _scored = self._query(parsed, fallback)
        others = {k: v for k, v in filters.items() if k != UNSCOPED_FACET}
        clauses = self._filters(others)
        if clauses:
            matched = {"bool": {"must": [matched], "filter": clauses}}
        aggs = {UNSCOPED_FACET: FACET_AGGS[UNSCOPED_FACET]}
        return {
            "query": {"constant_score": {"filter": matched}},
            "size": 0,
            "track_total_hits": TOTAL_CAP,
            "aggs": {"sample": {"sampler": {"shard_size": FACET_SAMPLE}, "aggs": aggs}},
        }

    @staticmethod
    def _sampled_buckets(response, name):
        """One facet's (value, count) pairs from a sampled aggregation, scaled to the total."""
        counted = response["hits"]["total"]
        total = counted["value"]
        sample = response["aggregations"]["sample"]
        sampled = sample["doc_count"]
        approximate = counted["relation"] == "gte" or sampled < total
        scale = total / sampled if approximate and sampled else 1.0
        buckets = [
            (b["key"], round(b["doc_count"] * scale))
            for b in sample[name]["buckets"]
            if b["key"] != ""
        ]
        buckets.sort(key=lambda kv: (-kv[1], str(kv[0])))
        return buckets, approximate

    @staticmethod
    def _candidate(hit):
        source = hit["_source"]
        body_norm = source.get("body_norm") or source.get("text") or ""
        return Candidate(
            doc_id=source["doc_id"],
            engine_score=hit.get("_score") or 0.0,
            title_norm=source.get("title_norm", ""),
            keywords_norm=source.get("keywords_norm", ""),
            body_norm=body_norm,
            pinyin=set((source.get("pinyin") or "").split()),
            date=date.fromisoformat(source["date"][:10]) if source.get("date") else None,
            data={
                "title": source.get("title", ""),
                "url": source.get("url", ""),
                "type": source.get("type", ""),
                "department": source.get("department", ""),
                "text": source.get("text", ""),
                "body_norm": body_norm,
                "center": source.get("center", ""),
            },
        )

    def _retrieval(self, hits_response, facets_response):
        candidates = [self._candidate(hit) for hit in hits_response["hits"]["hits"]]
        counted = facets_response["hits"]["total"]
        approximate = False
        facets = {}
        for name in FACET_AGGS:
            facets[name], approximate = self._sampled_buckets(facets_response, name)
            if name == "year":
                facets[name].sort(key=lambda kv: -kv[0])
        return Retrieval(candidates, counted["value"], facets, approximate)

    @_guard
    def suggest_keys(self, keys, limit, center=None):
        """Every key in one request: one completion suggester per key, in the center's context."""
        self._ensure_index()
        contexts = {"center": [center or ALL_CENTERS]}
        response = self.client.search(
            index=self.alias,
            source=["title", "url", "type"],
            size=0,
            suggest={
                f"k{index}": {
                    "prefix": key,
                    "completion": {"field": "suggest", "size": limit * 3, "contexts": contexts},
                }
                for index, key in enumerate(keys)
            },
        )
        found = []
        for index in range(len(keys)):
            seen = {}
            for option in response["suggest"][f"k{index}"][0]["options"]:
                source = option["_source"]
                seen.setdefault(option["_id"], source)
            items = sorted(
                seen.values(),
                key=lambda s: (
                    SUGGEST_TYPE_ORDER.get(s.get("type"), 1),
                    len(s["title"]),
                    s["title"],
                ),
            )
            found.append(
                [{"title": s["title"], "url": s["url"], "type": s["type"]} for s in items[:limit]]
            )
        return found

    def health(self):
        try:
            status = self.client.cluster.health(timeout="2s")["status"]
        except (TransportError, ApiError):
            return False
        return status in ("green", "yellow")

    @_guard
    def count(self):
        self._ensure_index()
        return self.client.count(index=self.alias)["count"]

    @_guard
    def doc_ids(self):
        self._ensure_index()
        return {hit["_id"] for hit in helpers.scan(self.client, index=self.alias, source=False)}
