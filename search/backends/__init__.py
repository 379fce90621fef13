"""Search engines of the public index: the embedded SQLite FTS5 one, and Elasticsearch when configured."""

import functools

from django.conf import settings

from .base import EngineUnavailable, SearchEngine, SearchResults

__all__ = ["EngineUnavailable", "SearchEngine", "SearchResults", "configured_engines", "get_engine"]


@functools.cache
def _embedded(path):
    from .embedded import EmbeddedEngine

    return EmbeddedEngine(path)


@functools.cache
def _elasticsearch(url, prefix):
    from .elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine(url, index_prefix=prefix)


def get_engine(name):
    if name == "embedded":
        return _embedded(str(settings.SEARCH_EMBEDDED_PATH))
    if name == "elasticsearch":
        if not settings.ELASTICSEARCH_URL:
            raise EngineUnavailable("ELASTICSEARCH_URL is not set")
        return _elasticsearch(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_INDEX_PREFIX)
    raise ValueError(f"unknown search engine {name!r}")


def configured_engines():
    """Every engine the outbox keeps current: always the embedded one (it is the fallback)."""
    names = ["embedded"]
    if settings.ELASTICSEARCH_URL:
        names.append("elasticsearch")
    return [get_engine(name) for name in names]


def primary_engine_name():
    return "elasticsearch" if settings.ELASTICSEARCH_URL else "embedded"
