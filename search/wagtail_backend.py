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

from django.utils.functional import cached_property
from wagtail.search.index import AutocompleteField, SearchField

from .analysis.normalize import fold
from .analysis.segment import TOKEN_RE, cut_search, cut_words
from .analysis.synonyms import synonym_map


def segment_for_index(value):
    text = fold(value)
    if not text or text.isascii():
        return value
    return " ".join(cut_search(text))


def segment_query(query):
    """The query in the index's words; the admin's parsed query also gets the synonym groups.

    The admin page search hands over a PlainText (from parse_query_string), not a string:
    it becomes AND over its words, each word OR its synonyms, so 低保 finds 最低生活保障申请.
    """
    from wagtail.search.query import And, Or, PlainText

    if isinstance(query, PlainText):
        text, operator = query.query_string, query.operator
    elif isinstance(query, str):
        text, operator = query, None
    else:
        return query
    folded = fold(text)
    if not folded or folded.isascii():
        return query
    words = [w for w in cut_words(folded) if TOKEN_RE.fullmatch(w)]
    if not words:
        return query
    if operator is None:
        return " ".join(words)
    synonyms = synonym_map()
    parts = []
    for word in words:
        alternatives = [word, *sorted(t for t in synonyms.get(word, ()) if TOKEN_RE.fullmatch(t))]
        options = [PlainText(" ".join(cut_words(alt)), operator="and") for alt in alternatives]
        parts.append(options[0] if len(options) == 1 else Or(options))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator.lower() == "and" else Or(parts)


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

        if isinstance(getattr(base, "autocomplete", None), cached_property):

            class ChineseObjectIndexer(ChineseObjectIndexer):  # noqa: F811 - extends the class above
                @cached_property
                def autocomplete(self):
                    # The admin's page search is an autocomplete search: let it see the words
                    # of every searchable field, not only the title, so 户口 finds a guide
                    # whose conditions say 户口 as it typed.
                    if not getattr(_active, "on", False):
                        return super().autocomplete
                    if hasattr(self, "as_vector"):  # PostgreSQL: weighted tsvector parts
                        texts = [
                            (value, boost)
                            for field in self.search_fields
                            for current, boost, value in self.prepare_field(self.obj, field)
                            if isinstance(current, (AutocompleteField, SearchField))
                        ]
                        return self.as_vector(texts, for_autocomplete=True)
                    return " ".join(part for part in (super().autocomplete, self.body) if part)

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
