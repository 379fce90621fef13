"""The month's facts per window and per staff member, each traceable to the records behind it.

Every fact is built from ``Record`` rows (one case, complaint, rating, roll-call line ...), so the
same code yields the figure and the list of records that explain it (the evidence page).
A record belongs to the month in which the event that makes it count happened, in local time:
received_at for receipt, completed_at for closing, the deadline for an overdue 承诺件, the finding
(closed_at) for an upheld complaint, the review for a corrected refusal, the session date for study.
Only the evaluated center's records count: its cases and complaints, its staff's attendance.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from centers.models import Center
from centers.scoping import members_of
from content.models import StaffMember
from intranet.cases.models import Case, FirstContact, NegativeFiling, Rating, SupplementRequest
from intranet.complaints.models import Complaint
from intranet.study.models import Attendance

UPHELD = (Complaint.Outcome.CONFIRMED, Complaint.Outcome.PARTLY)


@dataclass
class Record:
    fact: str
    key: str
    window_id: int | None
    person_id: int | None
    label: str
    url: str
    category: str = ""
    value: float | None = None


@dataclass
class Summary:
    """The figures of one window or one person for one month."""

    records: dict = field(default_factory=lambda: defaultdict(list))

    def count(self, fact, category=None):
        rows = self.records.get(fact, [])
        if category is not None:
            rows = [r for r in rows if r.category in category]
        return len(rows)

    @property
    def cases_received(self):
        return self.count("received")

    @property
    def cases_closed(self):
        return self.count("closed")

    @property
    def cases_on_time(self):
        return self.count("closed", {"on_time"})

    @property
    def on_time_share(self):
        closed = self.cases_closed
        return round(100 * self.cases_on_time / closed, 1) if closed else None

    @property
    def cases_overdue(self):
        return self.count("overdue")

    @property
    def avg_working_days(self):
        days = [r.value for r in self.records.get("closed", []) if r.value is not None]
        return round(sum(days) / len(days), 1) if days else None

    @property
    def second_supplements(self):
        return self.count("second_supplements")

    @property
    def refusals_corrected(self):
        return self.count("refusals_corrected")

    @property
    def ratings(self):
        return self.count("ratings")

    @property
    def satisfied_share(self):
        n = self.ratings
        good = self.count("ratings", {"good"})
        return round(100 * good / n, 1) if n else None

    @property
    def bad_ratings(self):
        return self.count("bad_ratings")

    @property
    def bad_ratings_open(self):
        return self.count("bad_ratings", {"open"})

    @property
    def complaints_received(self):
        return self.count("complaints_received")

    @property
    def complaints_upheld(self):
        return self.count("complaints_upheld")

    def upheld_by_category(self):
        out = defaultdict(int)
        for r in self.records.get("complaints_upheld", []):
            out[r.category] += 1
        return dict(out)

    @property
    def sessions_expected(self):
        return self.count("attendance", {"present", "late", "absent"})

    @property
    def sessions_attended(self):
        return self.count("attendance", {"present", "late"})

    @property
    def attendance_rate(self):
        expected = self.sessions_expected
        return round(100 * self.sessions_attended / expected, 1) if expected else None

    @property
    def unexcused_absences(self):
        return self.count("attendance", {"absent"})

    @property
    def full_attendance(self):
        expected = self.sessions_expected
        return 1 if expected and self.sessions_attended == expected else 0

    @property
    def contacts_open(self):
        return self.count("contacts_open")


def month_bounds(month):
    """Aware datetimes [start, end) of the calendar month, in the center's local time."""
    start = dt.date(month.year, month.month, 1)
    end = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    tz = timezone.get_current_timezone()
    return (
        start,
        end,
        timezone.make_aware(dt.datetime.combine(start, dt.time.min), tz),
        timezone.make_aware(dt.datetime.combine(end, dt.time.min), tz),
    )


def _case_url(pk):
    return reverse("intranet:case_detail", args=[pk])


def _records(month, center):
    start, end, t0, t1 = month_bounds(month)
    out = []
    cases = Case.objects.filter(center=center)
    for c in cases.filter(received_at__gte=t0, received_at__lt=t1).only(
        "pk", "receipt_number", "matter", "window_id", "handler_id"
    ):
        out.append(
            Record(
                "received",
                f"case:{c.pk}",
                c.window_id,
                c.handler_id,
                f"{c.receipt_number} {c.matter}",
                _case_url(c.pk),
            )
        )
    for c in cases.filter(completed_at__gte=t0, completed_at__lt=t1):
        out.append(
            Record(
                "closed",
                f"case:{c.pk}",
                c.window_id,
                c.handler_id,
                f"{c.receipt_number} {c.matter}",
                _case_url(c.pk),
                category="on_time" if c.on_time else "late",
                value=c.working_days_used,
            )
        )
    # An overdue 承诺件 counts in the month its deadline passed: closed after it, or still running.
    late = Q(completed_at__isnull=False, on_time=False) | Q(
        completed_at__isnull=True, state=Case.State.ACCEPTED
    )
    for c in cases.filter(late, kind=Case.Kind.PROMISED, deadline__gte=start, deadline__lt=end):
        if c.completed_at is None and c.deadline >= timezone.localdate():
            continue
        out.append(
            Record(
                "overdue",
                f"case:{c.pk}",
                c.window_id,
                c.handler_id,
                f"{c.receipt_number} {c.matter}（期限 {c.deadline:%Y-%m-%d}）",
                _case_url(c.pk),
            )
        )
    for s in SupplementRequest.objects.filter(
        case__center=center, is_breach=True, requested_at__gte=t0, requested_at__lt=t1
    ).select_related("case"):
        out.append(
            Record(
                "second_supplements",
                f"supplement:{s.pk}",
                s.case.window_id,
                s.breach_by_id or s.case.handler_id,
                f"{s.case.receipt_number} 再次补正",
                _case_url(s.case_id),
            )
        )
    for f in NegativeFiling.objects.filter(
        case__center=center,
        decision=NegativeFiling.Decision.CORRECTED,
        reviewed_at__gte=t0,
        reviewed_at__lt=t1,
    ).select_related("case"):
        out.append(
            Record(
                "refusals_corrected",
                f"filing:{f.pk}",
                f.case.window_id,
                f.filed_by_id,
                f"{f.case.receipt_number} 否定报备被纠正",
                _case_url(f.case_id),
            )
        )
    ratings = Rating.objects.filter(case__center=center, at__gte=t0, at__lt=t1)
    for r in ratings.select_related("case", "follow_up"):
        label = f"{r.case.receipt_number} {r.get_level_display()}"
        good = "good" if r.level in Rating.GOOD else ""
        out.append(
            Record(
                "ratings",
                f"rating:{r.pk}",
                r.case.window_id,
                r.case.handler_id,
                label,
                _case_url(r.case_id),
                category=good,
                value=r.level,
            )
        )
        if r.level in Rating.BAD:
            follow = getattr(r, "follow_up", None)
            state = "closed" if follow and follow.closed_at else "open"
            out.append(
                Record(
                    "bad_ratings",
                    f"rating:{r.pk}",
                    r.case.window_id,
                    r.case.handler_id,
                    label,
                    _case_url(r.case_id),
                    category=state,
                )
            )
    staff_users = dict(StaffMember.objects.filter(user__isnull=False).values_list("pk", "user_id"))
    complaints = Complaint.objects.filter(center=center)
    for c in complaints.filter(received_at__gte=t0, received_at__lt=t1):
        out.append(
            Record(
                "complaints_received",
                f"complaint:{c.pk}",
                c.target_window_id,
                staff_users.get(c.target_staff_id),
                c.code,
                reverse("intranet:complaint_detail", args=[c.pk]),
                category=c.category,
            )
        )
    for c in complaints.filter(outcome__in=UPHELD, closed_at__gte=t0, closed_at__lt=t1):
        out.append(
            Record(
                "complaints_upheld",
                f"complaint:{c.pk}",
                c.target_window_id,
                staff_users.get(c.target_staff_id),
                f"{c.code} {c.get_category_display()}",
                reverse("intranet:complaint_detail", args=[c.pk]),
                category=c.category,
            )
        )
    staff = members_of(get_user_model().objects.all(), center)
    for a in Attendance.objects.filter(
        user__in=staff, session__date__gte=start, session__date__lt=end, session__roll_closed=True
    ).select_related("session"):
        out.append(
            Record(
                "attendance",
                f"attendance:{a.pk}",
                None,
                a.user_id,
                f"{a.session.date:%m-%d} {a.session.topic}：{a.get_status_display()}",
                reverse("intranet:study_session", args=[a.session_id]),
                category=a.status,
            )
        )
    for f in FirstContact.objects.filter(
        center=center,
        at__gte=t0,
        at__lt=t1,
        closed_at__isnull=True,
        follow_up="",
        case__isnull=True,
        complaint__isnull=True,
    ):
        out.append(
            Record(
                "contacts_open",
                f"contact:{f.pk}",
                None,
                f.recorded_by_id,
                f"{timezone.localtime(f.at):%m-%d %H:%M} {f.matter[:30]}",
                reverse("intranet:case_contact", args=[f.pk]),
            )
        )
    return out


@dataclass
class MonthFacts:
    month: dt.date
    windows: dict
    people: dict

    def summary(self, target, pk):
        return (self.windows if target == "window" else self.people).get(pk) or Summary()


def gather(month, center=None):
    """Every window's and every person's figures of ``center`` for ``month`` (any date in it);
    a one-center install needs no ``center``."""
    center = center or Center.only()
    windows = defaultdict(Summary)
    people = defaultdict(Summary)
    for rec in _records(month, center):
        if rec.window_id is not None:
            windows[rec.window_id].records[rec.fact].append(rec)
        if rec.person_id is not None:
            people[rec.person_id].records[rec.fact].append(rec)
    return MonthFacts(dt.date(month.year, month.month, 1), dict(windows), dict(people))
