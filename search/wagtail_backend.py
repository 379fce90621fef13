"""Wagtail's own search (admin page search, choosers) made to find Chinese partial words.

The database backends index whole runs of hanzi as one token, so an editor typing 户口
never finds 户口迁移办事指南. This backend is the stock modelsearch database backend
for the active database, with two changes: text is stored jieba-segmented (search
mode, so 户口迁移 is stored as 户口 迁移 户口迁移), and queries are segmented the same way.

Configure with WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}
and run `manage.py update_index` once after switching.
"""

import sys
import threading

from .analysis.normalize import fold
from .analysis.segment import cut_search, cut_words


def segment_for_index(value):
    text = fold(value)
    if not text or text.isascii():
        return value
    return " ".join(cut_search(text))


def segment_query(query):
    if not isinstance(query, str):
        return query
    text = fold(query)
    if not text or text.isascii():
        return query
    return " ".join(cut_words(text)) or query


_active = threading.local()
_install_lock = threading.Lock()


def _install_indexer(module):
    """Give the backend module an ObjectIndexer that segments while our index is writing.

    The stock index builds its ObjectIndexer by module-global name. The replacement
    segments only inside ChineseIndex.add_items (a thread-local flag), so nothing else
    changes and no lock is held across the database work.
    """
    with _install_lock:
        base = module.ObjectIndexer
        if getattr(base, "segments_chinese", False):
            return

        class ChineseObjectIndexer(base):
            segments_chinese = True

            def prepare_value(self, value):
                value = super().prepare_value(value)
                return segment_for_index(value) if getattr(_active, "on", False) else value

        module.ObjectIndexer = ChineseObjectIndexer


def _chinese_index(index_class, module):
    _install_indexer(module)

    class ChineseIndex(index_class):
        def add_items(self, model, objs):
            previous = getattr(_active, "on", False)
            _active.on = True
            try:
                return super().add_items(model, objs)
            finally:
                _active.on = previous

    ChineseIndex.__name__ = f"Chinese{index_class.__name__}"
    return ChineseIndex


_classes = {}


def _chinese_backend_class(base):
    if base not in _classes:

        class ChineseSearchBackend(base):
            def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
                return super()._search(
                    query_compiler_class, segment_query(query), model_or_queryset, **kwargs
                )

        ChineseSearchBackend.__name__ = f"Chinese{base.__name__}"
        _classes[base] = ChineseSearchBackend
    return _classes[base]


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    # Built on the portal's own choice of database backend (portal.admin_search_backend,
    # which serialises index writes on PostgreSQL), keeping its index class underneath.
    from portal.admin_search_backend import SearchBackend as portal_backend

    backend = portal_backend(params)
    base = type(backend)
    module = sys.modules[base.__module__]
    if not hasattr(module, "ObjectIndexer"):
        return backend  # the LIKE fallback matches substrings already
    chinese = _chinese_backend_class(base)(params)
    chinese.index_class = _chinese_index(backend.index_class, module)
    return chinese
