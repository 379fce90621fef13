"""What views and the API call: search the primary engine, fall back to the embedded one.

The embedded index is kept current alongside Elasticsearch, so when Elasticsearch
cannot be reached the portal still answers, saying the results may be incomplete.
"""

import logging
import threading

from .backends import EngineUnavailable, get_engine, primary_engine_name

logger = logging.getLogger(__name__)

_vocabulary = {"loaded": False}
_vocabulary_lock = threading.Lock()


def ensure_site_vocabulary():
    """Teach this process the site's words once, as indexing did in the process that indexed.

    jieba learns the departments and topics; the pinyin vocabulary (what pinyin and
    mistyped queries are turned into) learns every live guide's words and every page title.
    """
    if _vocabulary["loaded"]:
        return
    with _vocabulary_lock:
        if _vocabulary["loaded"]:
            return
        from content.models import Department, GuideTopic

        from .analysis.fields import site_terms
        from .analysis.segment import add_words

        names = list(Department.objects.values_list("name", flat=True))
        topics = list(GuideTopic.tag_model().objects.values_list("name", flat=True))
        add_words(site_terms(names + topics))
        _learn_site_words()
        _vocabulary["loaded"] = True


def _learn_site_words():
    from wagtail.models import Page

    from content.models import ServiceGuidePage

    from .analysis.fields import analyse
    from .documents import SearchDocument, guide_document

    guides = (
        ServiceGuidePage.objects.live()
        .public()
        .select_related("department", "window")
        .prefetch_related("materials", "steps", "faqs", "topics")
    )
    for guide in guides.iterator(chunk_size=200):
        analyse(guide_document(guide))  # analysing files the words in the vocabulary
    for pk, title in Page.objects.live().public().values_list("pk", "title").iterator():
        analyse(SearchDocument(doc_id=f"page:{pk}", type="", title=title))


def _engines():
    primary = primary_engine_name()
    order = [primary] if primary == "embedded" else [primary, "embedded"]
    return [get_engine(name) for name in order]


def search(query, filters=None, page=1, per_page=10):
    ensure_site_vocabulary()
    incomplete = False
    last_error = None
    for engine in _engines():
        try:
            results = engine.search(query, filters=filters, page=page, per_page=per_page)
        except EngineUnavailable as exc:
            logger.warning("search: %s unavailable (%s); falling back", engine.name, exc)
            incomplete = True
            last_error = exc
            continue
        results.incomplete = incomplete
        return results
    raise last_error


def suggest(prefix, limit=8, center=None):
    """Suggestions of the center with that code, or of every center without one."""
    ensure_site_vocabulary()
    for engine in _engines():
        try:
            return engine.suggest(prefix, limit=limit, center=center)
        except EngineUnavailable:
            continue
    return []


def did_you_mean(query, limit=6, center=None):
    """Something to offer when nothing matched: titles typed like it, synonyms, popular topics."""
    from .analysis import fold, parse_query
    from .analysis.synonyms import synonyms_of

    offers = []
    folded = "".join(fold(query).split())
    for size in (len(folded), 4, 2):
        if size < 1 or not folded:
            continue
        for item in suggest(folded[:size], limit=limit, center=center):
            if item["title"] not in offers:
                offers.append(item["title"])
        if offers:
            break
    for group in parse_query(query).groups:
        for synonym in sorted(synonyms_of(group.term)):
            if synonym not in offers:
                offers.append(synonym)
    if len(offers) < limit:
        offers.extend(t for t in popular_topics(limit) if t not in offers)
    return offers[:limit]


def popular_topics(limit=6):
    from django.db.models import Count

    from content.models import GuideTopic

    rows = (
        GuideTopic.objects.filter(content_object__live=True)
        .values("tag__name")
        .annotate(n=Count("id"))
        .order_by("-n", "tag__name")[:limit]
    )
    return [row["tag__name"] for row in rows]
