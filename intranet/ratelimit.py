"""A per-IP counter in the Django cache, for the public complaint form and tracking lookups."""

from django.core.cache import cache


def client_ip(request):
    # Behind the production reverse proxy REMOTE_ADDR is set by it; X-Forwarded-For is not trusted.
    return request.META.get("REMOTE_ADDR", "unknown")


def _key(scope, request):
    return f"ratelimit:{scope}:{client_ip(request)}"


def is_limited(scope, request, limit):
    return cache.get(_key(scope, request), 0) >= limit


def hit(scope, request, window_seconds=3600):
    key = _key(scope, request)
    if cache.add(key, 1, window_seconds):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, window_seconds)
