"""The county's evaluation of its centers (县政务服务中心对乡镇政务中心的考核评比): one month's
service figures of every center the user may read, side by side, from grouped queries (a fixed
number however many centers), with each center's own monthly evaluation where it has one."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q
from django.utils import timezone

from centers.models import Center, Membership
from intranet.cases.models import Case, Rating
from intranet.complaints.models import Complaint
from intranet.evaluation.facts import UPHELD, month_bounds
from intranet.evaluation.models import MonthlyEvaluation, ScoreEntry


@dataclass
class CenterRow:
    center: Center
    figures: dict = field(default_factory=dict)
    evaluation: MonthlyEvaluation | None = None
    window_average: float | None = None

    def share(self, part, whole):
        total = self.figures.get(whole, 0)
        return round(100 * self.figures.get(part, 0) / total, 1) if total else None

    @property
    def on_time_share(self):
        return self.share("on_time", "closed")

    @property
    def satisfied_share(self):
        return self.share("satisfied", "ratings")


def _grouped(queryset, field_name, **counts):
    """{center id: {name: count}} from one GROUP BY query."""
    rows = queryset.values(field_name).annotate(**counts)
    return {row[field_name]: row for row in rows}


def centers_in_reach(user):
    """Every center for county oversight, else the user's own (none without one)."""
    if Membership.oversees_all(user):
        return list(Center.objects.all())
    own = Center.for_user(user)
    return [own] if own else []


def center_rows(user, month):
    """One row per center in the user's reach (every center for county oversight)."""
    start, end, t0, t1 = month_bounds(month)
    centers = centers_in_reach(user)
    cases = Case.objects.all()
    received = _grouped(
        cases.filter(received_at__gte=t0, received_at__lt=t1), "center", received=Count("id")
    )
    closed = _grouped(
        cases.filter(completed_at__gte=t0, completed_at__lt=t1),
        "center",
        closed=Count("id"),
        on_time=Count("id", filter=Q(on_time=True)),
    )
    late = Q(completed_at__isnull=False, on_time=False) | Q(
        completed_at__isnull=True, state=Case.State.ACCEPTED, deadline__lt=timezone.localdate()
    )
    overdue = _grouped(
        cases.filter(late, kind=Case.Kind.PROMISED, deadline__gte=start, deadline__lt=end),
        "center",
        overdue=Count("id"),
    )
    ratings = _grouped(
        Rating.objects.filter(at__gte=t0, at__lt=t1),
        "case__center",
        ratings=Count("id"),
        satisfied=Count("id", filter=Q(level__in=Rating.GOOD)),
    )
    complaints = _grouped(
        Complaint.objects.filter(received_at__gte=t0, received_at__lt=t1),
        "center",
        complaints=Count("id"),
    )
    upheld = _grouped(
        Complaint.objects.filter(outcome__in=UPHELD, closed_at__gte=t0, closed_at__lt=t1),
        "center",
        upheld=Count("id"),
    )
    evaluations = {
        e.center_id: e for e in MonthlyEvaluation.objects.filter(month=start, center__in=centers)
    }
    averages = dict(
        ScoreEntry.objects.filter(
            evaluation__month=start, evaluation__center__in=centers, window__isnull=False
        )
        .values("evaluation__center")
        .annotate(average=Avg("total"))
        .values_list("evaluation__center", "average")
    )
    rows = []
    for center in centers:
        figures = {}
        for grouped in (received, closed, overdue, ratings, complaints, upheld):
            found = grouped.get(center.pk, {})
            figures.update({k: v for k, v in found.items() if k not in ("center", "case__center")})
        average = averages.get(center.pk)
        rows.append(
            CenterRow(
                center=center,
                figures=figures,
                evaluation=evaluations.get(center.pk),
                window_average=round(average, 1) if average is not None else None,
            )
        )
    return rows
