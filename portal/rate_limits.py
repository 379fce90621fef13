"""Per-client limits on public and staff actions, counted atomically in the database.

Used by the public complaint form and tracking lookups, pre-disclosure comments and
study sign-in codes. Each limited action is a scope; each client of a scope (an
address, a user, a session) gets one counter row per fixed window (portal.models.
RateCounter). `hit()` adds one and returns the new count in one statement, so that
30 parallel requests against a limit of 5 let exactly 5 through, whichever worker
process or machine serves them: callers hit first and refuse when the count passes
the limit, instead of reading and then writing.

The client address is REMOTE_ADDR. Behind a reverse proxy, RATE_LIMIT_CLIENT_IP_HEADER
(environment variable of the same name, e.g. X-Real-IP) names the one header the proxy
sets; for X-Forwarded-For the last address is taken, the one our own proxy appended.
"""

import random
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.utils import timezone

from portal.locked_database import write_when_free
from portal.models import RateCounter

HOUR = 3600
# How often a hit also deletes expired rows: often enough that the table stays small.
CLEANUP_PROBABILITY = 0.01


def client_address(request):
    header = getattr(settings, "RATE_LIMIT_CLIENT_IP_HEADER", "")
    if header:
        meta_name = "HTTP_" + header.upper().replace("-", "_")
        value = request.META.get(meta_name, "")
        # With X-Forwarded-For only the entry our proxy appended can be trusted.
        last = value.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR") or "unknown"


def ip_bucket(scope, request):
    return f"{scope}:ip:{client_address(request)}"


def _window(window_seconds, now):
    return int(now.timestamp() // window_seconds)


def hit(bucket, window_seconds=HOUR, now=None):
    """Count one hit for `bucket` in the current window; returns the count including it.

    Raises DatabaseBusy (nothing counted) when the database stays locked through every retry."""
    now = now or timezone.now()
    number = _window(window_seconds, now)
    expires = datetime.fromtimestamp((number + 1) * window_seconds, tz=UTC)
    table = connection.ops.quote_name(RateCounter._meta.db_table)

    def add_one():
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (bucket, window_number, hits, expires_at) "  # noqa: S608
                "VALUES (%s, %s, 1, %s) "
                f"ON CONFLICT (bucket, window_number) DO UPDATE SET hits = {table}.hits + 1 "
                "RETURNING hits",
                [bucket, number, connection.ops.adapt_datetimefield_value(expires)],
            )
            return cursor.fetchone()[0]

    # Every limited form counts before it stores anything: a locked database must not turn
    # the count into a 500 with the citizen's text lost, so the hit waits briefly and retries.
    count = write_when_free(add_one)
    if random.random() < CLEANUP_PROBABILITY:  # noqa: S311  (not a secret)
        RateCounter.objects.filter(expires_at__lt=now - timedelta(seconds=60)).delete()
    return count


def count(bucket, window_seconds=HOUR, now=None):
    """The hits so far in the current window, without adding one (to decide what to show)."""
    now = now or timezone.now()
    row = RateCounter.objects.filter(bucket=bucket, window_number=_window(window_seconds, now))
    return row.values_list("hits", flat=True).first() or 0


def release(bucket, window_seconds=HOUR, now=None):
    """Take back one hit: the attempt turned out to be one that does not count."""
    now = now or timezone.now()
    RateCounter.objects.filter(
        bucket=bucket, window_number=_window(window_seconds, now), hits__gt=0
    ).update(hits=F("hits") - 1)
