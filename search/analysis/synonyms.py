"""Synonym groups editors maintain in the admin, applied at query time.

Loaded once per process and reloaded when any group changes (a version number in
the cache is bumped on save/delete), so an edit takes effect without reindexing.
"""

import re
import threading

from django.core.cache import cache

from .normalize import fold
from .vocabulary import vocabulary

VERSION_KEY = "portal_search:synonyms:version"
SEPARATORS = re.compile(r"[,，、;；/|\n\r\t]+")

_lock = threading.Lock()
_state = {"version": None, "map": {}}


def parse_terms(text):
    """'户籍, 户口、户口簿' → ['户籍', '户口', '户口簿'] (folded, no duplicates, no blanks)."""
    terms = []
    for raw in SEPARATORS.split(text or ""):
        term = fold(raw.strip())
        term = re.sub(r"\s+", " ", term)
        if term and term not in terms:
            terms.append(term)
    return terms


def bump_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
    _state["version"] = None


def _load():
    from ..models import SynonymGroup
    from .segment import add_words

    mapping = {}
    for text in SynonymGroup.objects.values_list("terms", flat=True):
        terms = parse_terms(text)
        for term in terms:
            mapping.setdefault(term, set()).update(t for t in terms if t != term)
    add_words([t for t in mapping if " " not in t])
    vocab = vocabulary()
    for term in mapping:
        vocab.add(term, 2)
    return mapping


def synonym_map():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    if _state["version"] != version:
        with _lock:
            if _state["version"] != version:
                try:
                    _state["map"] = _load()
                except Exception:  # noqa: BLE001 - the table may not exist yet (migrate)
                    _state["map"] = {}
                _state["version"] = version
    return _state["map"]


def synonyms_of(term):
    return synonym_map().get(term, set())
