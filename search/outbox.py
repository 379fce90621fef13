"""Transactional outbox: index changes are recorded with the content change, applied after commit.

A row is written in the same database transaction as the publish/unpublish/move/
delete that caused it, so no change is lost when an engine is down. After commit,
each engine applies the rows after its own cursor, in sequence order; a failure
leaves the rows pending for `search_sync` and never fails the editor's save.
"""

import logging

from django.db import transaction
from django.db.models import Min

from .models import EngineCursor, OutboxEntry

logger = logging.getLogger(__name__)

BATCH_SIZE = 200


def enqueue(doc_ids, action=OutboxEntry.ACTION_REFRESH):
    """Record that these index entries must be refreshed (or deleted); drain after commit."""
    doc_ids = list(dict.fromkeys(doc_ids))
    if not doc_ids:
        return
    OutboxEntry.objects.bulk_create(
        [OutboxEntry(action=action, doc_id=doc_id) for doc_id in doc_ids]
    )
    _schedule_drain()


def _schedule_drain():
    # After commit only: the rows must be visible, and a rolled-back change must not be indexed.
    transaction.on_commit(drain_quietly)


def drain_quietly():
    try:
        drain()
    except Exception:  # an index problem must never surface as a failed save
        logger.exception("search outbox: drain failed; rows stay pending for search_sync")


def pending_count(engine_name):
    cursor = EngineCursor.objects.filter(engine=engine_name).first()
    last = cursor.last_seq if cursor else 0
    return OutboxEntry.objects.filter(seq__gt=last).count()


def apply_rows(engine, rows):
    """Apply rows to one engine. Rows are refresh instructions, so the latest state wins."""
    from .documents import document_for

    to_index = {}
    to_delete = []
    for row in rows:
        doc = None if row.action == OutboxEntry.ACTION_DELETE else document_for(row.doc_id)
        if doc is None:
            to_index.pop(row.doc_id, None)
            to_delete.append(row.doc_id)
        else:
            to_index[row.doc_id] = doc
            if row.doc_id in to_delete:
                to_delete.remove(row.doc_id)
    if to_delete:
        engine.delete_documents(to_delete)
    if to_index:
        engine.index_documents(list(to_index.values()))


def drain_engine(engine, limit=None):
    """Apply this engine's pending rows in order; returns (applied, error or None)."""
    cursor, _ = EngineCursor.objects.get_or_create(engine=engine.name)
    applied = 0
    last_seq = cursor.last_seq
    while limit is None or applied < limit:
        rows = list(OutboxEntry.objects.filter(seq__gt=last_seq).order_by("seq")[:BATCH_SIZE])
        if not rows:
            break
        try:
            apply_rows(engine, rows)
        except Exception as exc:  # noqa: BLE001 - any engine failure keeps the rows pending
            EngineCursor.objects.filter(pk=cursor.pk).update(last_error=str(exc)[:2000])
            logger.warning("search outbox: %s failed at seq %s: %s", engine.name, rows[0].seq, exc)
            return applied, exc
        last_seq = rows[-1].seq
        applied += len(rows)
        # Only ever move forward, even if another process got further meanwhile.
        EngineCursor.objects.filter(pk=cursor.pk, last_seq__lt=last_seq).update(
            last_seq=last_seq, last_error=""
        )
    return applied, None


def drain(engines=None):
    """Apply pending rows to every configured engine; {engine name: (applied, error)}."""
    from .backends import configured_engines

    report = {}
    for engine in engines or configured_engines():
        report[engine.name] = drain_engine(engine)
    return report


def mark_current(engine_name, seq):
    """After a rebuild from the database, rows up to seq are already in the new index."""
    cursor, _ = EngineCursor.objects.get_or_create(engine=engine_name)
    EngineCursor.objects.filter(pk=cursor.pk).update(
        last_seq=max(seq, cursor.last_seq), last_error=""
    )


def latest_seq():
    last = OutboxEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    return last or 0


def prune(engine_names):
    """Forget rows every engine has applied."""
    floor = EngineCursor.objects.filter(engine__in=engine_names).aggregate(m=Min("last_seq"))["m"]
    if (
        floor is None
        or len(engine_names) != EngineCursor.objects.filter(engine__in=engine_names).count()
    ):
        return 0
    deleted, _ = OutboxEntry.objects.filter(seq__lte=floor).delete()
    return deleted
