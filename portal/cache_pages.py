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
but 200s, and never a page with a view restriction (password, login or groups) of its
own or of an ancestor; a restriction added later purges the page and its descendants
(portal/cache_purge.py). The care mode cookie changes the HTML, so it is part of the key.

The query string counts only for the parameters the page type reads (its
`page_cache_query_parameters`, e.g. a listing's filters and ?page=); the others are
removed from the request before the page renders, so they cannot be echoed into it,
and ?utm=1, ?x=2 and a bare visit share one stored variant: random query strings
cannot fill the cache or force a render each. Which parameters a path's page reads is
remembered beside the responses, and learnt again whenever its variant is rendered.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, QueryDict
from django.utils.http import urlencode

from portal.care_cookie import wants_care_mode

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


def _digest(raw):
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def parameters_key(request):
    return "pagecache:params:" + _digest(f"{request.get_host()}|{request.path}")


def canonical_query(query_string, names):
    """The query string reduced to `names`, in a fixed order; unchanged if names is None."""
    if names is None:
        return query_string
    query = QueryDict(query_string)
    return urlencode([(name, value) for name in sorted(names) for value in query.getlist(name)])


def response_key(request, names=None, query_string=None):
    care = "1" if wants_care_mode(request) else "0"
    if query_string is None:
        query_string = request.META.get("QUERY_STRING", "")
    query = canonical_query(query_string, names)
    raw = f"{request.get_host()}|{request.path}|{query}|care={care}"
    return "pagecache:response:" + _digest(raw)


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
    """Called from the before_serve_page hook: which page this response shows.

    A restricted page is left unmarked, so that it is never stored. Otherwise the
    parameters the page does not read are taken off the request before it renders.
    """
    if not getattr(request, "page_cache_candidate", False):
        return
    if page.get_view_restrictions().exists():
        return
    names = tuple(sorted(getattr(page, "page_cache_query_parameters", ())))
    query_string = canonical_query(request.META.get("QUERY_STRING", ""), names)
    request.META["QUERY_STRING"] = query_string
    request.GET = QueryDict(query_string)
    request.page_cache_page_id = page.pk
    request.page_cache_parameters = names


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
        query_string = request.META.get("QUERY_STRING", "")
        known = page_cache().get(parameters_key(request))
        cached = self.fetch(response_key(request, known))
        if cached is not None:
            return cached
        request.page_cache_candidate = True
        response = self.get_response(request)
        page_id = getattr(request, "page_cache_page_id", None)
        if page_id is not None and response_may_be_stored(response):
            names = request.page_cache_parameters
            if names != known:
                page_cache().set(parameters_key(request), names, timeout=None)
            self.store(response_key(request, names, query_string), page_id, response, started)
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
