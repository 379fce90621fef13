"""Version tokens of what the shared page chrome and cached template fragments show.

Two tokens live in the default cache (shared by every gunicorn worker):

- the page-tree version, replaced whenever a page is published, unpublished, moved or
  deleted, or a view restriction changes (menus, breadcrumbs, listings, URLs);
- the shared-content version, replaced whenever a snippet, a site setting, a Site, an
  image or a document changes (the footer, department and window names, …).

Every cached fragment and the cached menu and site settings carry both tokens in their
keys, so replacing a token makes all of them misses at once; nothing has to be found and
deleted. A token is replaced at once and again when the transaction commits: a request
that rendered between the two with the old data stored it under a key nobody asks for
after the commit.
"""

import threading
import uuid

from django.core.cache import cache
from django.db import transaction

TREE_KEY = "render:version:tree"
SHARED_KEY = "render:version:shared"

_pending = threading.local()


def _replace(keys):
    cache.set_many({key: uuid.uuid4().hex[:12] for key in keys}, timeout=None)


def bump(tree=False, shared=False):
    keys = {key for key, wanted in ((TREE_KEY, tree), (SHARED_KEY, shared)) if wanted}
    if not keys:
        return
    _replace(keys)
    pending = getattr(_pending, "keys", None)
    if pending is None:
        pending = _pending.keys = set()
    pending.update(keys)
    # The first callback to run replaces everything pending, the others find nothing: an
    # import saving thousands of pages in one transaction writes the tokens once at commit.
    transaction.on_commit(_flush_pending)


def _flush_pending():
    keys = getattr(_pending, "keys", None)
    _pending.keys = set()
    if keys:
        _replace(keys)


def current():
    """(tree version, shared version) as stored now, created when missing or evicted."""
    found = cache.get_many([TREE_KEY, SHARED_KEY])
    for key in (TREE_KEY, SHARED_KEY):
        if key not in found:
            cache.add(key, uuid.uuid4().hex[:12], timeout=None)
            found[key] = cache.get(key)
    return found[TREE_KEY], found[SHARED_KEY]


def for_request(request):
    """The versions this request renders with: read once, before the page's own data is."""
    versions = getattr(request, "_render_versions", None)
    if versions is None:
        versions = request._render_versions = current()
    return versions
