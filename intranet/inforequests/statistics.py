"""The figures of 政府信息公开工作年度报告 (收到和处理政府信息公开申请情况) for one year."""

import datetime as dt

from django.utils import timezone

from intranet.inforequests.models import InfoRequest


def _local_date(value):
    return timezone.localtime(value).date() if value else None


def year_figures(year, requests=None, today=None):
    """Counts for the annual report table over `requests` (the viewer's center's, or all);
    `today` bounds a year still running."""
    today = today or timezone.localdate()
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    cutoff = min(end, today)
    rows = (InfoRequest.objects.all() if requests is None else requests).only(
        "received_at", "answered_at", "deadline", "outcome"
    )
    received = carried_in = carried_out = overdue = 0
    outcomes = dict.fromkeys(InfoRequest.Outcome.values, 0)
    for r in rows:
        got, done = _local_date(r.received_at), _local_date(r.answered_at)
        if got > end:
            continue
        if start <= got:
            received += 1
        elif done is None or done >= start:
            carried_in += 1
        else:
            continue
        if done is not None and start <= done <= end:
            outcomes[r.outcome] += 1
            if done > r.deadline:
                overdue += 1
        elif done is None or done > end:
            carried_out += 1
            if r.deadline < cutoff:
                overdue += 1
    return {
        "year": year,
        "received": received,
        "carried_in": carried_in,
        "outcomes": [(InfoRequest.Outcome(k).label, v) for k, v in outcomes.items()],
        "answered": sum(outcomes.values()),
        "carried_out": carried_out,
        "overdue": overdue,
    }
