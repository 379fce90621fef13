"""The embedded engine: SQLite FTS5 in its own file, whatever database the portal uses.

Documents are stored pre-segmented (space-joined tokens) so unicode61 sees words;
BM25 with column weights retrieves candidates, a side table answers facets, and a
key table answers as-you-type suggestions. No service to run.
"""

import json
import os
import sqlite3
import threading
from datetime import date
from pathlib import Path

from ..ranking import Candidate
from .base import FACET_FIELDS, EngineUnavailable, Retrieval, SearchEngine

SCHEMA_VERSION = 3
# bm25() weights, in the column order of the fts table below.
COLUMN_WEIGHTS = (10.0, 5.0, 1.0, 4.0, 6.0)

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
    pinyin TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS docs_type ON docs (type);
CREATE INDEX IF NOT EXISTS docs_department ON docs (department);
CREATE INDEX IF NOT EXISTS docs_year ON docs (year);
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
"""


def _quote(token):
    return '"' + token.replace('"', '""') + '"'


def _grams_phrase(term):
    if len(term) == 1:
        return _quote(term)
    return _quote(" ".join(term[i : i + 2] for i in range(len(term) - 1)))


def match_expression(parsed):
    """The FTS5 query: any alternative in the word columns, as a substring of the title, or pinyin."""
    words = []
    grams = []
    prefixes = []
    for alt in parsed.all_alternatives():
        cleaned = " ".join(alt.split())
        if not cleaned:
            continue
        words.append(_quote(cleaned))
        if not alt.isascii():
            grams.append(_grams_phrase(alt.replace(" ", "")))
    for term in parsed.ascii_terms():
        prefixes.append(_quote(term) + " *")
    parts = []
    if words:
        parts.append("{title keywords body} : (" + " OR ".join(words) + ")")
    if grams:
        parts.append("grams : (" + " OR ".join(grams) + ")")
    if prefixes:
        parts.append("pinyin : (" + " OR ".join(prefixes) + ")")
    return " OR ".join(parts)


class EmbeddedEngine(SearchEngine):
    name = "embedded"

    def __init__(self, path):
        self.path = Path(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()

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
        return conn

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
            for doc, fields in analysed:
                self._delete(conn, [doc.doc_id])
                body_norm = fields["body_norm"]
                cur = conn.execute(
                    "INSERT INTO docs (doc_id, type, title, url, department, topics, date, year, text,"
                    " title_norm, keywords_norm, body_norm, pinyin)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
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
                    ),
                )
                rowid = cur.lastrowid
                conn.execute(
                    "INSERT INTO fts (rowid, title, keywords, body, grams, pinyin) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        rowid,
                        fields["title_tokens"],
                        fields["keyword_tokens"],
                        fields["body_tokens"],
                        fields["grams"],
                        fields["pinyin"],
                    ),
                )
                conn.executemany(
                    "INSERT INTO doc_topics (doc, topic) VALUES (?, ?)",
                    [(rowid, topic) for topic in dict.fromkeys(doc.topics)],
                )
                conn.executemany(
                    "INSERT INTO suggest (key, doc) VALUES (?, ?)",
                    [(key, rowid) for key in fields["suggest"]],
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _delete(self, conn, doc_ids):
        for doc_id in doc_ids:
            row = conn.execute("SELECT id FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is None:
                continue
            rowid = row[0]
            conn.execute("DELETE FROM fts WHERE rowid = ?", (rowid,))
            conn.execute("DELETE FROM doc_topics WHERE doc = ?", (rowid,))
            conn.execute("DELETE FROM suggest WHERE doc = ?", (rowid,))
            conn.execute("DELETE FROM docs WHERE id = ?", (rowid,))

    def delete_documents(self, doc_ids):
        with self._write_lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._delete(conn, list(doc_ids))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def clear(self):
        with self._write_lock:
            conn = self._conn()
            for table in ("fts", "doc_topics", "suggest", "docs"):
                conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names

    def rebuild(self, docs, progress=None, batch_size=500):
        """Build a fresh file beside the live one, then swap it in with one rename."""
        from ..analysis.fields import analyse

        tmp = self.path.with_name(self.path.name + ".rebuild")
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        conn = self._open(tmp)
        count = 0
        batch = []
        for doc in docs:
            batch.append((doc, analyse(doc)))
            if len(batch) >= batch_size:
                self._store(conn, batch)
                count += len(batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            self._store(conn, batch)
            count += len(batch)
            if progress:
                progress(len(batch))
        conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        with self._write_lock:
            os.replace(tmp, self.path)
            for suffix in ("-wal", "-shm"):
                Path(str(tmp) + suffix).unlink(missing_ok=True)
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

    def retrieve(self, parsed, filters, limit):
        expression = match_expression(parsed)
        if not expression:
            return Retrieval([], 0, {})
        conn = self._conn()
        where, params = self._filter_sql(filters)
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        try:
            rows = conn.execute(
                "SELECT d.doc_id, -bm25(fts, " + weights + ") AS s, d.title_norm, d.keywords_norm,"  # noqa: S608
                " coalesce(d.body_norm, d.text), d.pinyin, d.date, d.title, d.url, d.type, d.department, d.text"
                " FROM fts JOIN docs d ON d.id = fts.rowid"
                " WHERE fts MATCH ?" + where + " ORDER BY bm25(fts, " + weights + ") LIMIT ?",
                [expression, *params, limit],
            ).fetchall()
            facets, total = self._facets(conn, expression, where, params)
        except sqlite3.OperationalError as exc:
            raise EngineUnavailable(str(exc)) from exc
        candidates = [
            Candidate(
                doc_id=row[0],
                engine_score=row[1],
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
                },
            )
            for row in rows
        ]
        return Retrieval(candidates, total, facets)

    def _facets(self, conn, expression, where, params):
        counts = {name: {} for name in FACET_FIELDS}
        total = 0
        for type_, department, year, n in conn.execute(
            "SELECT d.type, d.department, d.year, count(*) FROM fts JOIN docs d ON d.id = fts.rowid"  # noqa: S608
            " WHERE fts MATCH ?" + where + " GROUP BY 1, 2, 3",
            [expression, *params],
        ):
            total += n
            counts["type"][type_] = counts["type"].get(type_, 0) + n
            if department:
                counts["department"][department] = counts["department"].get(department, 0) + n
            if year:
                counts["year"][year] = counts["year"].get(year, 0) + n
        if total:
            for topic, n in conn.execute(
                "SELECT t.topic, count(*) FROM fts JOIN docs d ON d.id = fts.rowid"  # noqa: S608
                " JOIN doc_topics t ON t.doc = d.id WHERE fts MATCH ?" + where + " GROUP BY 1",
                [expression, *params],
            ):
                counts["topic"][topic] = n
        facets = {}
        for name, values in counts.items():
            ordered = sorted(values.items(), key=lambda kv: (-kv[1], str(kv[0])))
            if name == "year":
                ordered = sorted(values.items(), key=lambda kv: -kv[0])
            facets[name] = ordered[:20]
        return facets, total

    def suggest(self, prefix, limit=8):
        from ..analysis import fold

        key = "".join(fold(prefix).split())
        if not key:
            return []
        rows = (
            self._conn()
            .execute(
                "SELECT d.title, d.url, min(s.key) FROM suggest s JOIN docs d ON d.id = s.doc"
                " WHERE s.key >= ? AND s.key < ? GROUP BY d.id ORDER BY length(d.title), d.title LIMIT ?",
                (key, key + "\U0010ffff", limit),
            )
            .fetchall()
        )
        return [{"title": title, "url": url} for title, url, _key in rows]

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
