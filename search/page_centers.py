"""Which center (docs/county.md) an indexed item belongs to, so search can keep to one center.

A page belongs to the center whose Site root it lives under: its tree path starts with
that root's path. The centers' root paths are read once and remembered in this process
until a Center or Site changes or a page moves, which replace a token in the shared cache
(every process then reads them again), so indexing a page costs no query for its center.
"""

import threading
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache

from centers.models import Center

VERSION_KEY = "search:page-centers:version"

_memo = {}
_lock = threading.Lock()


@dataclass
class PageCenters:
    """The centers' Site roots, deepest first, so a site nested in another's tree wins."""

    roots: list = field(default_factory=list)  # (root path, center code, center id)
    codes: dict = field(default_factory=dict)  # center id → code, centers without a Site too
    several: bool = False

    def root_for_path(self, path):
        """(root path, code, id) of the center the path lies under, or None."""
        for root in self.roots:
            if path.startswith(root[0]):
                return root
        return None

    def code_for_path(self, path):
        root = self.root_for_path(path)
        return root[1] if root else ""

    def code_for_page(self, page):
        return self.code_for_path(page.path)

    def code_of(self, center_id):
        return self.codes.get(center_id, "")

    def root_path_of(self, center_id):
        for root, _code, pk in self.roots:
            if pk == center_id:
                return root
        return None

    def only_code(self):
        """The code of a one-center install's center; "" once there are several."""
        return next(iter(self.codes.values())) if len(self.codes) == 1 else ""


def _token():
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(VERSION_KEY)
    return token


def forget(**kwargs):
    """Connected to Center and Site saves and deletes and page moves: read them again."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def page_centers():
    token = _token()
    memo = _memo.get("centers")
    if memo is not None and memo[0] == token:
        return memo[1]
    rows = list(Center.objects.values_list("pk", "code", "site__root_page__path"))
    roots = sorted(((path, code, pk) for pk, code, path in rows if path), key=lambda r: -len(r[0]))
    found = PageCenters(
        roots=roots, codes={pk: code for pk, code, _ in rows}, several=len(rows) > 1
    )
    with _lock:
        _memo["centers"] = (token, found)
    return found
