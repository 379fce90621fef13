"""Public figures of a guide for the last 12 months, computed from its closed cases."""

import datetime as dt

from django.db.models import Avg, Count, Q
from django.utils import timezone

from intranet.cases.models import Case, Rating

MIN_CASES = 5  # fewer closed cases say nothing reliable and could point at one applicant


def guide_figures(guide, today=None):
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=365)
    closed = Case.objects.filter(
        guide=guide, state__in=Case.CLOSED_STATES, completed_at__date__gt=since
    )
    totals = closed.aggregate(
        total=Count("id"),
        on_time=Count("id", filter=Q(on_time=True)),
        days=Avg("working_days_used"),
        rated=Count("rating"),
        satisfied=Count("rating", filter=Q(rating__level__in=Rating.GOOD)),
    )
    if totals["total"] < MIN_CASES:
        return None
    return {
        "total": totals["total"],
        "on_time_share": round(100 * totals["on_time"] / totals["total"]),
        "average_days": round(totals["days"] or 0, 1),
        "rated": totals["rated"],
        "satisfied_share": (
            round(100 * totals["satisfied"] / totals["rated"]) if totals["rated"] else None
        ),
    }
