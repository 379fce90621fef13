"""Whole-response cache for anonymous visitors of Wagtail pages.

Shared by every gunicorn worker through the "pages" cache alias (files under
var/cache/pages by default). Each stored response remembers the page it shows and
the purge tokens that were current when it was rendered: the page's own token and
the site-wide token. Purging (portal/cache_purge.py) replaces tokens, which turns
every stored variant of that page (query strings, care mode, sub-routes) into a
miss at once. A purge also records when it happened; a response whose rendering
started before the latest purge of its page is never stored, so a request racing a
publish cannot put the old content back.

Only plain anonymous GETs of Wagtail pages are cached: nothing for a visitor with a
session or flash messages, nothing that sets a cookie (CSRF forms, messages), nothing
but 200s. The care mode cookie changes the HTML, so it is part of the key.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

from portal.context_processors import CARE_MODE_COOKIE

CACHE_ALIAS = "pages"
SITE_TOKEN_KEY = "pagecache:token:site"  # noqa: S105  (a cache key, not a secret)
HIT_HEADER = "X-Page-Cache"

# Paths that are never Wagtail pages, or never for the anonymous public.
DEFAULT_EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/intranet/",
    "/search/",
    "/documents/",
    "/static/",
    "/media/",
    "/api/",
    "/complaints/",
    "/care-mode/",
)


def page_cache():
    return caches[CACHE_ALIAS]


def page_token_key(page_id):
    return f"pagecache:token:page:{page_id}"


def new_token():
    """A purge token: a fresh identity and the moment of the purge."""
    return (uuid.uuid4().hex, time.time())


def cache_enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def response_key(request):
    care = "1" if request.COOKIES.get(CARE_MODE_COOKIE) == "1" else "0"
    raw = f"{request.get_host()}|{request.get_full_path()}|care={care}"
    return "pagecache:response:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def request_may_use_cache(request):
    if request.method != "GET" or not cache_enabled():
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    # A session may carry a login, a page view restriction pass or flash messages.
    personal_cookies = {
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
    }
    if personal_cookies & request.COOKIES.keys():
        return False
    excluded = getattr(settings, "PAGE_CACHE_EXCLUDED_PATH_PREFIXES", DEFAULT_EXCLUDED_PREFIXES)
    return not request.path_info.startswith(tuple(excluded))


def response_may_be_stored(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def current_tokens(page_id):
    """The page's and the site's purge tokens, creating any that are missing.

    A missing token (never purged, or evicted) is created with time 0: it does not
    mark a recent purge.
    """
    cache = page_cache()
    keys = [page_token_key(page_id), SITE_TOKEN_KEY]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, (uuid.uuid4().hex, 0.0), timeout=None)
            found[key] = cache.get(key)
    return found[keys[0]], found[keys[1]]


def mark_served_page(request, page):
    """Called from the before_serve_page hook: which page this response shows."""
    request.page_cache_page_id = page.pk


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of Wagtail pages from the shared page cache.

    Sits just inside WhiteNoise: a hit skips sessions, auth, CSRF and the page's
    queries; SecurityMiddleware still adds its headers to every response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_may_use_cache(request):
            return self.get_response(request)
        started = time.time()
        key = response_key(request)
        cached = self.fetch(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        page_id = getattr(request, "page_cache_page_id", None)
        if page_id is not None and response_may_be_stored(response):
            self.store(key, page_id, response, started)
        return response

    def fetch(self, key):
        cache = page_cache()
        entry = cache.get(key)
        if entry is None:
            return None
        page_token, site_token = entry["tokens"]
        current = cache.get_many([page_token_key(entry["page_id"]), SITE_TOKEN_KEY])
        if (
            current.get(page_token_key(entry["page_id"])) != page_token
            or current.get(SITE_TOKEN_KEY) != site_token
        ):
            return None
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[HIT_HEADER] = "HIT"
        return response

    def store(self, key, page_id, response, started):
        page_token, site_token = current_tokens(page_id)
        if page_token[1] >= started or site_token[1] >= started:
            # Purged while this response was being rendered: it may show the old content.
            return
        headers = [
            (name, value) for name, value in response.items() if name.lower() != "set-cookie"
        ]
        entry = {
            "page_id": page_id,
            "tokens": (page_token, site_token),
            "status": response.status_code,
            "headers": headers,
            "content": response.content,
        }
        page_cache().set(key, entry, timeout=getattr(settings, "PAGE_CACHE_SECONDS", 600))
        response[HIT_HEADER] = "MISS"
