"""Wagtail's own search index (the admin's page, image and document search), safe under concurrent publishing.

Wagtail's database backend on PostgreSQL rewrites `title_norm` across many index rows
after every indexed save. Two editors publishing different pages at the same moment
then lock those rows in opposite orders and PostgreSQL kills one transaction with a
deadlock, which fails that editor's publish (tests/postgres/test_concurrency.py).
Index writes here first take a transaction-level advisory lock, so they queue
instead. Other databases get Wagtail's backend unchanged.

How it plugs in: a backend's `index_class` is modelsearch's documented extension point
(Wagtail 8's search package) for how a backend writes its index, so the backend keeps its
own class and gets a subclassed index; search.wagtail_backend builds on this backend and
still finds the stock module behind it. What modelsearch offers no extension point for
(which object indexer its index uses) is adapted in search.wagtail_backend, and
tests/portal/test_admin_search_adapter.py fails as soon as modelsearch changes anything
either adapter relies on.
"""

from django.db import connection, transaction
from modelsearch.backends.database import SearchBackend as database_search_backend

# Any constant shared by every process of the site: "wagtail search" in ASCII.
INDEX_LOCK_KEY = 0x7761677461696C


def _serialised_index_class(base):
    class SerialisedIndex(base):
        def add_items(self, model, objs):
            writer = self.write_connection
            with transaction.atomic(using=writer.alias):
                with writer.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INDEX_LOCK_KEY])
                return super().add_items(model, objs)

    SerialisedIndex.__name__ = f"Serialised{base.__name__}"
    return SerialisedIndex


def SearchBackend(params):  # noqa: N802  (the name Wagtail looks up in a backend module)
    backend = database_search_backend(params)
    if connection.vendor == "postgresql":
        backend.index_class = _serialised_index_class(backend.index_class)
    return backend
