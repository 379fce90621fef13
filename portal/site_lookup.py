"""Which Wagtail Site serves a request, remembered per worker until a Site or the page tree changes.

Wagtail looks the Site up by host name on every request with a query whose compilation
alone was a quarter of a cached guide page's CPU. The answer only changes when a Site is
saved or deleted, or the tree under it changes: both replace the render versions
(portal/render_versions.py), which are part of what is remembered.
"""

import copy
import threading

from wagtail.models import Site

from portal import render_versions

MAX_HOSTS = 256  # Host headers come from clients: keep the table small whatever they send

_sites = {}
_lock = threading.Lock()


def find_site(request):
    versions = render_versions.for_request(request)
    key = (request._get_raw_host(), request.get_port())
    entry = _sites.get(key)
    if entry is not None and entry[0] == versions:
        site = entry[1]
    else:
        site = Site._find_for_request(request)
        with _lock:
            if len(_sites) >= MAX_HOSTS:
                _sites.clear()
            _sites[key] = (versions, site)
    # Each request gets its own Site object: Wagtail caches things on it.
    return copy.copy(site)


class SiteLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = find_site(request)
        return self.get_response(request)
