"""The embedded engine: SQLite FTS5 in its own file, whatever database the portal uses.

Documents are stored pre-segmented (space-joined tokens) so unicode61 sees words;
BM25 with column weights retrieves candidates, a side table answers facets, and a
key table answers as-you-type suggestions. No service to run.
"""

import json
import os
import sqlite3
import threading
from collections import Counter
from datetime import date
from pathlib import Path

from ..ranking import Candidate
from .base import (
    FACET_FIELDS,
    FALLBACK_BELOW,
    UNSCOPED_FACET,
    EngineUnavailable,
    Retrieval,
    SearchEngine,
)

SCHEMA_VERSION = 6
# A tier with more matches than this is not ranked by BM25 (that would read every match);
# its first rows go to the shared ranking instead.
RANK_LIMIT = 1500
# Matches are counted up to this many; a larger result reports this number, approximate.
TOTAL_CAP = 10_000
# Facets of a result larger than this are counted on this many matches and scaled.
FACET_SAMPLE = 2000
# bm25() weights, in the column order of the fts and heads tables below.
COLUMN_WEIGHTS = {"fts": (10.0, 5.0, 1.0, 4.0, 6.0), "heads": (10.0, 5.0, 4.0, 6.0)}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '[]',
    date TEXT,
    year INTEGER,
    text TEXT NOT NULL DEFAULT '',
    title_norm TEXT NOT NULL,
    keywords_norm TEXT NOT NULL DEFAULT '',
    body_norm TEXT,
    pinyin TEXT NOT NULL DEFAULT '',
    center TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS docs_type ON docs (type);
CREATE INDEX IF NOT EXISTS docs_department ON docs (department);
CREATE INDEX IF NOT EXISTS docs_year ON docs (year);
CREATE TABLE IF NOT EXISTS facets (
    id INTEGER PRIMARY KEY, type TEXT NOT NULL, department TEXT NOT NULL DEFAULT '', year INTEGER,
    center TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS doc_topics (doc INTEGER NOT NULL, topic TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS doc_topics_doc ON doc_topics (doc);
CREATE INDEX IF NOT EXISTS doc_topics_topic ON doc_topics (topic, doc);
CREATE TABLE IF NOT EXISTS suggest (key TEXT NOT NULL, doc INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS suggest_key ON suggest (key);
CREATE INDEX IF NOT EXISTS suggest_doc ON suggest (doc);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, keywords, body, grams, pinyin,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS heads USING fts5(
    title, keywords, grams, pinyin,
    tokenize = 'unicode61 remove_diacritics 0'
);
"""
# `heads` repeats everything of `fts` but the body. A column filter ({title keywords}: 申请)
# reads the whole posting list of its words, and a word of every body (申请) has one entry
# per document in `fts`; in `heads` only the documents with it in the title or keywords.
# The title tiers are looked up there, the tiers that include the body in `fts`.


def _quote(token):
    return '"' + token.replace('"', '""') + '"'


def _grams_phrase(term):
    if len(term) == 1:
        return _quote(term)
    return _quote(" ".join(term[i : i + 2] for i in range(len(term) - 1)))


def _group_terms(group):
    words, grams = [], []
    for alt in group.alternatives:
        cleaned = " ".join(alt.split())
        if not cleaned:
            continue
        words.append(_quote(cleaned))
        if not alt.isascii():
            grams.append(_grams_phrase(alt.replace(" ", "")))
    return words, grams


def _group_expression(group, columns):
    """One query group: any of its alternatives, in the given word columns or as a title substring."""
    words, grams = _group_terms(group)
    parts = []
    if words:
        parts.append("{" + columns + "} : (" + " OR ".join(words) + ")")
    if grams:
        parts.append("grams : (" + " OR ".join(grams) + ")")
    if group.ascii:
        parts.append("pinyin : (" + _quote(group.term) + " *)")
    return "(" + " OR ".join(parts) + ")" if parts else ""


TITLE_COLUMNS = "title keywords"
ALL_COLUMNS = "title keywords body"


def match_expression(parsed, columns=ALL_COLUMNS, operator="OR"):
    """The FTS5 query for a parsed query: its groups joined by AND or OR."""
    parts = [e for e in (_group_expression(g, columns) for g in parsed.retrieving_groups) if e]
    return f" {operator} ".join(parts)


def gram_expression(parsed):
    """The character-level fallback: any bigram of the query's words in a title or keywords."""
    if not parsed.grams:
        return ""
    return "grams : (" + " OR ".join(_quote(g) for g in parsed.grams) + ")"


def tier_expressions(parsed):
    """(table, expression), most precise first: every word in the title, every word anywhere,
    any word in the title, any word anywhere. Title tiers are looked up in `heads`."""
    tiers = []
    if len(parsed.retrieving_groups) > 1:
        tiers.append(("heads", match_expression(parsed, TITLE_COLUMNS, "AND")))
        tiers.append(("fts", match_expression(parsed, ALL_COLUMNS, "AND")))
    tiers.append(("heads", match_expression(parsed, TITLE_COLUMNS, "OR")))
    tiers.append(("fts", match_expression(parsed, ALL_COLUMNS, "OR")))
    return [t for t in dict.fromkeys(tiers) if t[1]]


class EmbeddedEngine(SearchEngine):
    name = "embedded"

    def __init__(self, path):
        self.path = Path(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._facet_cache = {}

    # --- connections -----------------------------------------------------------------------
    def _open(self, path):
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.executescript(SCHEMA)
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
        )
        self._upgrade(conn)
        return conn

    @staticmethod
    def _upgrade(conn):
        """A file written before `heads` existed gets it filled from `fts`, once; a file
        from before centers gets the `center` columns, empty until `search_rebuild` (a
        one-center install searches every center, so it finds them meanwhile).

        Checked before taking the write lock, so opening never waits for a running rebuild.
        """
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if int(version[0]) >= SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = int(conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0])
            if version < 5:
                conn.execute("DELETE FROM heads")
                conn.execute(
                    "INSERT INTO heads (rowid, title, keywords, grams, pinyin)"
                    " SELECT rowid, title, keywords, grams, pinyin FROM fts"
                )
            if version < 6:
                for table in ("docs", "facets"):
                    columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
                    if "center" not in columns:
                        conn.execute(
                            f"ALTER TABLE {table} ADD COLUMN center TEXT NOT NULL DEFAULT ''"
                        )
            if version < SCHEMA_VERSION:
                conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),)
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _conn(self):
        """One connection per thread, reopened when a rebuild has swapped the file."""
        try:
            inode = os.stat(self.path).st_ino
        except FileNotFoundError:
            inode = None
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.inode != inode or inode is None:
            if conn is not None:
                conn.close()
            try:
                conn = self._open(self.path)
            except sqlite3.Error as exc:
                raise EngineUnavailable(str(exc)) from exc
            self._local.conn = conn
            self._local.inode = os.stat(self.path).st_ino
        return conn

    # --- writing -----------------------------------------------------------------------------
    def store(self, analysed):
        with self._write_lock:
            self._store(self._conn(), analysed)

    def _store(self, conn, analysed):
        conn.execute("BEGIN IMMEDIATE")
        try:
            self._insert(conn, analysed)
            self._bump_generation(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _insert(self, conn, analysed, fresh=False):
        """Insert analysed documents inside the caller's transaction, one executemany per table.

        Row ids are given here (after the largest in use), so the rows of every table can be
        written in batches rather than a document at a time.
        """
        latest = {}
        for doc, fields in analysed:
            latest[doc.doc_id] = (doc, fields)  # the last version of a document wins
        if not fresh:  # a rebuild writes into an empty file: nothing to replace
            self._delete(conn, list(latest))
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM docs").fetchone()[0]
        docs, fts, heads, facets, topics, suggest = [], [], [], [], [], []
        for rowid, (doc, fields) in enumerate(latest.values(), start=first):
            body_norm = fields["body_norm"]
            docs.append(
                (
                    rowid,
                    doc.doc_id,
                    doc.type,
                    doc.title,
                    doc.url,
                    doc.department or "",
                    json.dumps(doc.topics, ensure_ascii=False),
                    doc.date.isoformat() if doc.date else None,
                    doc.year,
                    doc.text,
                    fields["title_norm"],
                    fields["keywords_norm"],
                    None if body_norm == doc.text else body_norm,
                    fields["pinyin"],
                    doc.center or "",
                )
            )
            title, keywords = fields["title_tokens"], fields["keyword_tokens"]
            grams, pinyin = fields["grams"], fields["pinyin"]
            fts.append((rowid, title, keywords, fields["body_tokens"], grams, pinyin))
            heads.append((rowid, title, keywords, grams, pinyin))
            facets.append((rowid, doc.type, doc.department or "", doc.year, doc.center or ""))
            topics.extend((rowid, topic) for topic in dict.fromkeys(doc.topics))
            suggest.extend((key, rowid) for key in fields["suggest"])
        conn.executemany(
            "INSERT INTO docs (id, doc_id, type, title, url, department, topics, date, year, text,"
            " title_norm, keywords_norm, body_norm, pinyin, center)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            docs,
        )
        conn.executemany(
            "INSERT INTO fts (rowid, title, keywords, body, grams, pinyin) VALUES (?, ?, ?, ?, ?, ?)",
            fts,
        )
        conn.executemany(
            "INSERT INTO heads (rowid, title, keywords, grams, pinyin) VALUES (?, ?, ?, ?, ?)",
            heads,
        )
        conn.executemany(
            "INSERT INTO facets (id, type, department, year, center) VALUES (?, ?, ?, ?, ?)",
            facets,
        )
        conn.executemany("INSERT INTO doc_topics (doc, topic) VALUES (?, ?)", topics)
        conn.executemany("INSERT INTO suggest (key, doc) VALUES (?, ?)", suggest)

    @staticmethod
    def _bump_generation(conn):
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT (key)"
            " DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def _delete(self, conn, doc_ids):
        for doc_id in doc_ids:
            row = conn.execute("SELECT id FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is None:
                continue
            rowid = row[0]
            conn.execute("DELETE FROM fts WHERE rowid = ?", (rowid,))
            conn.execute("DELETE FROM heads WHERE rowid = ?", (rowid,))
            conn.execute("DELETE FROM doc_topics WHERE doc = ?", (rowid,))
            conn.execute("DELETE FROM facets WHERE id = ?", (rowid,))
            conn.execute("DELETE FROM suggest WHERE doc = ?", (rowid,))
            conn.execute("DELETE FROM docs WHERE id = ?", (rowid,))

    def delete_documents(self, doc_ids):
        with self._write_lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._delete(conn, list(doc_ids))
                self._bump_generation(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def clear(self):
        with self._write_lock:
            conn = self._conn()
            for table in ("fts", "heads", "doc_topics", "facets", "suggest", "docs"):
                conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            self._bump_generation(conn)

    def rebuild(self, docs, progress=None, batch_size=500):
        """Replace every document in one write transaction: readers see the old index until commit.

        (WAL mode lets them keep reading meanwhile; outbox writes wait, or stay pending.)
        """
        from ..analysis.fields import analyse, learn_vocabulary

        count = 0
        with self._write_lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                for table in ("fts", "heads", "doc_topics", "facets", "suggest", "docs"):
                    conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
                batch = []
                for doc in docs:
                    learn_vocabulary([doc])
                    batch.append((doc, analyse(doc)))
                    if len(batch) >= batch_size:
                        self._insert(conn, batch, fresh=True)
                        count += len(batch)
                        if progress:
                            progress(len(batch))
                        batch = []
                if batch:
                    self._insert(conn, batch, fresh=True)
                    count += len(batch)
                    if progress:
                        progress(len(batch))
                self._bump_generation(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
            conn.execute("INSERT INTO heads (heads) VALUES ('optimize')")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return count

    # --- reading -----------------------------------------------------------------------------
    def _filter_sql(self, filters):
        """SQL for the filters; only fixed column names are joined, values are ? parameters."""
        clauses, params = [], []
        for key, value in filters.items():
            if key == "topic":
                clauses.append("d.id IN (SELECT doc FROM doc_topics WHERE topic = ?)")
                params.append(value)
            elif key == "year":
                clauses.append("d.year = ?")
                params.append(int(value))
            else:
                clauses.append(f"d.{key} = ?")
                params.append(value)
        return "".join(" AND " + c for c in clauses), params

    def _count(self, conn, expression, where, params, cap, table="fts"):
        """Matches, counted only up to cap (cap + 1 means "more than cap"): the count stops early."""
        join = f" JOIN docs d ON d.id = {table}.rowid" if where else ""
        sql = f"SELECT count(*) FROM (SELECT {table}.rowid FROM {table}{join} WHERE {table} MATCH ?{where} LIMIT ?)"  # noqa: S608 - table is fts or heads
        return conn.execute(sql, [expression, *params, cap + 1]).fetchone()[0]

    def _tier_rows(self, conn, expression, where, params, limit, ranked, table="fts"):
        """Row ids of one tier: by BM25 when the tier is small enough to rank, else as stored."""
        join = f" JOIN docs d ON d.id = {table}.rowid" if where else ""
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS[table])
        order = f" ORDER BY bm25({table}, {weights})" if ranked else ""
        score = f"-bm25({table}, {weights})" if ranked else "0.0"
        sql = f"SELECT {table}.rowid, {score} FROM {table}{join} WHERE {table} MATCH ?{where}{order} LIMIT ?"  # noqa: S608 - table is fts or heads
        return conn.execute(sql, [expression, *params, limit]).fetchall()

    def retrieve(self, parsed, filters, limit):
        """Candidates tier by tier, most precise first, so the work stays bounded on big indexes.

        A tier is ranked by BM25 when it is small; a huge tier (a word in half the index)
        contributes its first rows unranked and the shared ranking orders them.
        """
        tiers = tier_expressions(parsed)
        if not tiers:
            return Retrieval([], 0, {})
        conn = self._conn()
        where, params = self._filter_sql(filters)
        scores = {}
        try:
            for level, (table, expression) in enumerate(tiers):
                if len(scores) >= limit:
                    break
                size = self._count(conn, expression, where, params, RANK_LIMIT, table)
                if not size:
                    continue
                rows = self._tier_rows(
                    conn, expression, where, params, limit, size <= RANK_LIMIT, table
                )
                top = max((row[1] for row in rows), default=0) or 1.0
                bonus = len(tiers) - level  # a more precise tier outranks a looser one
                for rowid, score in rows:
                    scores.setdefault(rowid, bonus + score / top)
            widest = tiers[-1][1]
            grams = gram_expression(parsed)
            if grams and len(scores) < FALLBACK_BELOW:
                # Few word-level candidates: let characters find what words could not.
                rows = self._tier_rows(conn, grams, where, params, limit, True, "heads")
                top = max((row[1] for row in rows), default=0) or 1.0
                for rowid, score in rows:
                    scores.setdefault(rowid, score / top)
                widest = f"({widest}) OR ({grams})"
            total = self._count(conn, widest, where, params, TOTAL_CAP)
            capped = total > TOTAL_CAP
            total = min(total, TOTAL_CAP)
            facets, approximate = self._facets(conn, widest, where, params, total)
            approximate = approximate or capped
            if UNSCOPED_FACET in filters:
                facets[UNSCOPED_FACET], rough = self._unscoped_facet(conn, widest, filters)
                approximate = approximate or rough
            candidates = self._candidates(conn, scores)
        except sqlite3.OperationalError as exc:
            raise EngineUnavailable(str(exc)) from exc
        candidates.sort(key=lambda c: -c.engine_score)
        return Retrieval(candidates, total, facets, approximate)

    def _unscoped_facet(self, conn, expression, filters):
        """The center facet over every center's matches (the other filters still apply)."""
        others = {k: v for k, v in filters.items() if k != UNSCOPED_FACET}
        where, params = self._filter_sql(others)
        total = self._count(conn, expression, where, params, TOTAL_CAP)
        capped = total > TOTAL_CAP
        facets, approximate = self._facets(conn, expression, where, params, min(total, TOTAL_CAP))
        return facets[UNSCOPED_FACET], approximate or capped

    def _candidates(self, conn, scores):
        if not scores:
            return []
        ids = list(scores)
        marks = ",".join("?" * len(ids))
        rows = conn.execute(
            "SELECT id, doc_id, title_norm, keywords_norm, coalesce(body_norm, text), pinyin, date,"  # noqa: S608
            " title, url, type, department, text, center FROM docs WHERE id IN (" + marks + ")",
            ids,
        ).fetchall()
        return [
            Candidate(
                doc_id=row[1],
                engine_score=scores[row[0]],
                title_norm=row[2],
                keywords_norm=row[3],
                body_norm=row[4],
                pinyin=set(row[5].split()),
                date=date.fromisoformat(row[6]) if row[6] else None,
                data={
                    "title": row[7],
                    "url": row[8],
                    "type": row[9],
                    "department": row[10],
                    "text": row[11],
                    "body_norm": row[4],
                    "center": row[12],
                },
            )
            for row in rows
        ]

    def _facet_table(self, conn):
        """Every document's facet values, held in memory and reloaded after any write.

        Documents share a few hundred combinations of (type, department, year, topics): each
        row id maps to its combination's number, so a sample is counted with one Counter
        over numbers and each combination is unpacked once.
        """
        generation = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        key = (self._local.inode, generation[0] if generation else "0")
        cached = self._facet_cache.get("table")
        if cached is not None and cached[0] == key:
            return cached[1]
        values = {}
        for rowid, type_, department, year, center in conn.execute(
            "SELECT id, type, department, year, center FROM facets"
        ):
            values[rowid] = [type_, department, year, (), center]
        topics = {}
        for doc, topic in conn.execute("SELECT doc, topic FROM doc_topics"):
            topics.setdefault(doc, []).append(topic)
        for doc, names in topics.items():
            if doc in values:
                values[doc][3] = tuple(names)
        combos = {}
        numbers = {
            rowid: combos.setdefault(tuple(value), len(combos)) for rowid, value in values.items()
        }
        table = (numbers, list(combos))
        self._facet_cache["table"] = (key, table)
        return table

    def _facets(self, conn, expression, where, params, total):
        """Facet counts; over a very large result a sample is counted and scaled (approximate)."""
        if not total:
            return {name: [] for name in FACET_FIELDS}, False
        sample = min(total, FACET_SAMPLE)
        approximate = sample < total
        scale = total / sample
        join = " JOIN docs d ON d.id = fts.rowid" if where else ""
        rows = conn.execute(
            "SELECT fts.rowid FROM fts" + join + " WHERE fts MATCH ?" + where + " LIMIT ?",  # noqa: S608
            [expression, *params, sample],
        ).fetchall()
        numbers, combos = self._facet_table(conn)
        per_combo = Counter(map(numbers.get, (rowid for (rowid,) in rows)))
        per_combo.pop(None, None)
        counts = {name: Counter() for name in ("type", "department", "year", "topic", "center")}
        for number, count in per_combo.items():
            type_, department, year, topics, center = combos[number]
            counts["type"][type_] += count
            if center:
                counts["center"][center] += count
            if department:
                counts["department"][department] += count
            if year:
                counts["year"][year] += count
            for topic in topics:
                counts["topic"][topic] += count
        facets = {}
        for name, values in counts.items():
            scaled = {k: round(n * scale) if approximate else n for k, n in values.items()}
            if name == "year":
                ordered = sorted(scaled.items(), key=lambda kv: -kv[0])
            else:
                ordered = sorted(scaled.items(), key=lambda kv: (-kv[1], str(kv[0])))
            facets[name] = ordered[:20]
        return facets, approximate

    def suggest_keys(self, keys, limit, center=None):
        conn = self._conn()
        found = []
        scope = " AND d.center = ?" if center else ""
        for key in keys:
            params = (key, key + "\U0010ffff", *((center,) if center else ()), limit)
            rows = conn.execute(
                "SELECT d.title, d.url, d.type FROM suggest s JOIN docs d ON d.id = s.doc"  # noqa: S608 - scope is a fixed clause
                " WHERE s.key >= ? AND s.key < ?" + scope + " GROUP BY d.id"
                " ORDER BY CASE d.type WHEN 'guide' THEN 0 WHEN 'staff' THEN 2"
                " WHEN 'announcement' THEN 3 ELSE 1 END, length(d.title), d.title LIMIT ?",
                params,
            ).fetchall()
            found.append([{"title": title, "url": url, "type": kind} for title, url, kind in rows])
        return found

    def close(self):
        """Close this thread's connection (before a fork: a child must open its own)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def health(self):
        try:
            self._conn().execute("SELECT 1").fetchone()
            return True
        except (sqlite3.Error, EngineUnavailable):
            return False

    def count(self):
        return self._conn().execute("SELECT count(*) FROM docs").fetchone()[0]

    def doc_ids(self):
        return {row[0] for row in self._conn().execute("SELECT doc_id FROM docs")}
