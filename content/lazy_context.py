"""Template context that is loaded only when a template uses it.

A page body served from the fragment cache (portal/fragment_cache.py) never touches
its context, so the queries behind it are never run.
"""

from functools import partial
from operator import getitem

from django.utils.functional import SimpleLazyObject


def lazy_entries(load, names):
    """{name: lazy value} for the names of the dict `load()` returns, calling `load` at most once."""
    loaded = SimpleLazyObject(load)
    return {name: SimpleLazyObject(partial(getitem, loaded, name)) for name in names}
