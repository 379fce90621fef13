"""A write that meets a locked database waits briefly, tries again, then gives up cleanly.

A complaint arriving while the database is locked (SQLite "database is locked" behind a
long write, a PostgreSQL lock timeout, a serialization failure) used to hang for 20 s
and answer 500 with the citizen's text lost. Each attempt now waits at most
LOCK_WAIT_SECONDS for the lock, a few attempts are made with a short pause between,
and then DatabaseBusy lets the view show the form again with the text kept.
"""

import contextlib
import time

from django.db import OperationalError, connection, transaction

ATTEMPTS = 3
LOCK_WAIT_SECONDS = 2
PAUSES_SECONDS = (0.2, 0.5)


class DatabaseBusy(Exception):
    """The database stayed locked through every attempt; nothing was written."""


@contextlib.contextmanager
def _bounded_sqlite_wait():
    """SQLite waits `timeout` (20 s in settings) for a lock; shorten it for this write only."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    connection.ensure_connection()
    usual = int(connection.settings_dict.get("OPTIONS", {}).get("timeout", 5) * 1000)
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_SECONDS * 1000}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {usual}")


def write_when_free(write):
    """Run write() in a transaction, retrying while the database is locked; returns its result."""
    failure = None
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(PAUSES_SECONDS[min(attempt - 1, len(PAUSES_SECONDS) - 1)])
        try:
            with _bounded_sqlite_wait(), transaction.atomic():
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT_SECONDS}s'")
                return write()
        except OperationalError as error:
            failure = error
    raise DatabaseBusy(str(failure)) from failure
