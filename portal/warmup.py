"""Make a process warm before it serves: the search stack, compiled templates, URL patterns.

Run once in the gunicorn master (deploy/gunicorn.conf.py) before any worker is forked,
so no worker pays for it on a visitor's request; the readiness check
(portal/health.py) answers 200 only once it has run.
"""

import gc

from django.conf import settings
from django.db import connections
from django.template import engines
from django.urls import get_resolver

_state = {"warm": False}


def public_template_names():
    """Every template of the default theme, relative to its folder (intranet ones included)."""
    root = settings.THEMES_DIR / "default" / "templates"
    return sorted(str(path.relative_to(root)) for path in root.rglob("*.html"))


def warm_up():
    """Load the search stack, compile every theme template and the URL patterns, then close connections."""
    from search.warmup import warm_up as warm_search

    warm_search()
    django_engine = engines["django"]
    for name in public_template_names():
        django_engine.get_template(name)
    get_resolver().url_patterns  # noqa: B018 - imports every view module once
    close_connections()
    _state["warm"] = True


def is_warm():
    from search.warmup import is_warm as search_is_warm

    return _state["warm"] and search_is_warm()


def close_connections():
    """Before a fork: no database or embedded-index connection may be shared with a child."""
    from search.warmup import close_connections as close_search

    connections.close_all()
    close_search()


def freeze_heap():
    """Move what the master loaded out of the collector's sight, so children keep sharing its pages."""
    gc.collect()
    gc.freeze()
