"""Load the search stack once per process, ideally in the gunicorn master before it forks.

jieba's dictionary with the center's user dictionary, the site vocabulary (departments
and topics), the editors' synonyms, the traditional→simplified tables and pinyin take
about a second of CPU. Loaded lazily, every fresh worker paid it on its first search;
loaded in the master, every worker is born with it (copy-on-write).
"""

import threading

_state = {"warm": False}
_lock = threading.Lock()


def warm_up():
    """Load everything a first search needs. Reads the database: close connections before forking."""
    from .analysis.pinyin import pinyin_keys
    from .analysis.query import parse_query
    from .analysis.segment import tokenizer
    from .analysis.synonyms import synonym_map
    from .service import ensure_site_vocabulary

    with _lock:
        tokenizer()
        ensure_site_vocabulary()
        synonym_map()
        # Folding (OpenCC tables), stop words, filler splitting and pinyin of a mixed query.
        parse_query("戶口遷入 hukou 怎么办理低保")
        pinyin_keys("户口")
        _state["warm"] = True


def is_warm():
    return _state["warm"]


def close_connections():
    """Close the embedded index's SQLite connection of this thread, so a forked child never shares it."""
    from django.conf import settings

    from .backends import get_engine

    if settings.SEARCH_EMBEDDED_PATH:
        get_engine("embedded").close()
