"""Rendered template fragments (the page chrome, guide and listing bodies), kept per worker.

Keys always hold the site's host, the care mode and the render versions
(portal/render_versions.py), plus what the template passes (a page's id and live
revision, the listing's filters): a publish, a snippet or a settings change turns every
affected key into a miss, and care mode and standard pages never share a fragment.
Previews and revision views never read or write fragments: they show unsaved content
under the live page's id.

The store is the "template_fragments" cache alias, local memory by default: a hit costs a
dictionary lookup, and every worker still agrees on what is current because the versions
come from the shared default cache.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

from portal import render_versions
from portal.care_cookie import wants_care_mode

CACHE_ALIAS = "template_fragments"


def enabled():
    return getattr(settings, "FRAGMENT_CACHE_ENABLED", True)


def usable_for(request):
    return request is not None and enabled() and not getattr(request, "is_preview", False)


def fragment_store():
    return caches[CACHE_ALIAS]


def key_for(request, name, vary_on=()):
    tree, shared = render_versions.for_request(request)
    care = "1" if wants_care_mode(request) else "0"
    raw = "|".join([request.get_host(), care, tree, shared, *(str(v) for v in vary_on)])
    return f"fragment:{name}:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def cached_value(request, name, build, vary_on=()):
    """A value (not markup) cached like a fragment: the menu's URLs, the site settings."""
    if not usable_for(request):
        return build()
    key = key_for(request, name, vary_on)
    store = fragment_store()
    value = store.get(key)
    if value is None:
        value = build()
        store.set(key, value, timeout=settings.FRAGMENT_CACHE_SECONDS)
    return value
