"""Roll call logic: who is expected, signing in with a code, closing the roll, and the figures."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from centers.scoping import at_home, members_of
from intranet import roles
from intranet.study.models import (
    LATE_AFTER,
    Attendance,
    AttendanceChange,
    LeaveRequest,
    StudySession,
)


def expected_users(center):
    """Everyone at ``center`` who must attend its study sessions: active window staff, the head
    and the inspector."""
    names = [roles.GROUP_NAMES[r] for r in roles.STUDY_ROLES]
    users = get_user_model().objects.filter(is_active=True, groups__name__in=names).distinct()
    return members_of(users, center)


def expected_for(session):
    return (
        expected_users(session.center)
        .exclude(pk=session.host_id)
        .order_by("last_name", "first_name", "username")
    )


class SignInError(Exception):
    """Why a sign-in failed; `wrong_code` when the code itself matched no open session."""

    def __init__(self, message, wrong_code=False):
        super().__init__(message)
        self.wrong_code = wrong_code


def sign_in(user, code, now=None):
    """Sign ``user`` in with ``code``; returns the Attendance or raises SignInError with a Chinese message."""
    now = now or timezone.now()
    code = (code or "").strip()
    if not (code.isdigit() and len(code) == 6):
        raise SignInError(_("签到码是6位数字，请核对后重新输入。"), wrong_code=True)
    # Only the user's own center's sessions: another center's code is as wrong as a typo.
    session = at_home(StudySession.objects.all(), user).filter(signin_code=code).first()
    if session is None or not session.signin_open(now):
        raise SignInError(_("签到码无效或不在签到时间内（开始前15分钟至结束）。"), wrong_code=True)
    if not expected_for(session).filter(pk=user.pk).exists():
        raise SignInError(_("您不在本次学习的参学人员名单中。"))
    status = (
        Attendance.Status.LATE
        if now > session.starts_at + LATE_AFTER
        else Attendance.Status.PRESENT
    )
    try:
        with transaction.atomic():
            row = Attendance.objects.select_for_update().filter(session=session, user=user).first()
            if row is None:
                return Attendance.objects.create(
                    session=session, user=user, status=status, signed_in_at=now
                )
            if row.signed_in_at:
                raise SignInError(
                    _("您已于 %(t)s 签到，无需重复签到。")
                    % {"t": timezone.localtime(row.signed_in_at).strftime("%H:%M")}
                )
            # Had approved leave but came after all: present wins.
            row.status, row.signed_in_at = status, now
            row.save(update_fields=["status", "signed_in_at", "updated_at"])
            return row
    except IntegrityError as exc:
        # A concurrent sign-in of the same person won the race.
        raise SignInError(_("您已签到，无需重复签到。")) from exc


def apply_approved_leave(leave):
    """Called inside the leave decision's transaction; a sign-in at the same moment waits."""
    _lock(leave.session)
    status = (
        Attendance.Status.TRIP if leave.kind == LeaveRequest.Kind.TRIP else Attendance.Status.LEAVE
    )
    row, created = Attendance.objects.get_or_create(
        session=leave.session, user=leave.user, defaults={"status": status}
    )
    if not created and not row.signed_in_at:
        row.status = status
        row.save(update_fields=["status", "updated_at"])


def _lock(session):
    """Lock the session's row: roll changes of one session happen one after the other.

    Without it two people opening the roll at once both add the absent rows, and two
    corrections of someone without a row both insert one (a unique-constraint 500).
    """
    return StudySession.objects.select_for_update().get(pk=session.pk)


@transaction.atomic
def close_roll(session):
    """After the session: whoever neither signed in nor had approved leave is absent (缺勤)."""
    if session.roll_closed or not session.has_ended():
        return
    if _lock(session).roll_closed:
        session.roll_closed = True
        return
    have = set(session.attendances.values_list("user_id", flat=True))
    Attendance.objects.bulk_create(
        [
            Attendance(session=session, user=u, status=Attendance.Status.ABSENT)
            for u in expected_for(session)
            if u.pk not in have
        ]
    )
    StudySession.objects.filter(pk=session.pk).update(roll_closed=True)
    session.roll_closed = True


def close_past_rolls():
    for session in StudySession.objects.filter(roll_closed=False, date__lte=timezone.localdate()):
        close_roll(session)


@transaction.atomic
def correct(session, user, new_status, reason, changed_by):
    _lock(session)
    row = Attendance.objects.select_for_update().filter(session=session, user=user).first()
    old = row.status if row else ""
    if row is None:
        row = Attendance.objects.create(session=session, user=user, status=new_status)
    else:
        row.status = new_status
        row.save(update_fields=["status", "updated_at"])
    AttendanceChange.objects.create(
        attendance=row, changed_by=changed_by, old_status=old, new_status=new_status, reason=reason
    )
    return row


def rate(attended, expected):
    return round(100 * attended / expected, 1) if expected else None


def _counts(qs, group_field):
    s = Attendance.Status
    return qs.values(group_field).annotate(
        present=Count("id", filter=Q(status=s.PRESENT)),
        late=Count("id", filter=Q(status=s.LATE)),
        leave=Count("id", filter=Q(status=s.LEAVE)),
        trip=Count("id", filter=Q(status=s.TRIP)),
        absent=Count("id", filter=Q(status=s.ABSENT)),
        total=Count("id"),
    )


def _finish(row):
    # Rate = attended (出席+迟到) over those expected to attend; approved leave and 公出 are excused
    # and shown separately, they do not lower the rate.
    row["attended"] = row["present"] + row["late"]
    row["excused"] = row["leave"] + row["trip"]
    row["expected"] = row["total"] - row["excused"]
    row["rate"] = rate(row["attended"], row["expected"])
    return row


def person_figures(year, sessions):
    """One row per person for the year's closed ``sessions``: counts and the attendance rate."""
    close_past_rolls()
    qs = Attendance.objects.filter(
        session__in=sessions, session__date__year=year, session__roll_closed=True
    )
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=qs.values("user_id"))}
    rows = [_finish(dict(r)) for r in _counts(qs, "user_id")]
    for r in rows:
        r["user"] = users[r["user_id"]]
    return sorted(rows, key=lambda r: r["user"].get_full_name() or r["user"].username)


def session_figures(year, sessions):
    close_past_rolls()
    qs = Attendance.objects.filter(
        session__in=sessions, session__date__year=year, session__roll_closed=True
    )
    by_session = {r["session_id"]: _finish(dict(r)) for r in _counts(qs, "session_id")}
    sessions = sessions.filter(date__year=year, roll_closed=True).order_by("date", "start_time")
    out = []
    for s in sessions:
        row = by_session.get(s.pk) or _finish(defaultdict(int))
        row["session"] = s
        out.append(row)
    return out


def year_totals(people):
    """The whole year's figures: the sum over everyone."""
    keys = ("present", "late", "leave", "trip", "absent", "total")
    totals = {k: sum(p[k] for p in people) for k in keys}
    return _finish(totals)
