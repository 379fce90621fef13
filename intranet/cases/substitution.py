"""A/B posts (AB岗): while the A post is on approved leave today, the B post sees and acts on
the A post's cases. The roster (content.StaffMember.backup) says who covers whom; the study leave
records (intranet.LeaveRequest, approved, for a session on the day) say who is away."""

from django.utils import timezone

from content.models import StaffMember
from intranet.study.models import LeaveRequest


def window_id_of(user):
    profile = StaffMember.objects.filter(user=user, is_active=True).only("window_id").first()
    return profile.window_id if profile else None


def users_on_leave(today=None):
    today = today or timezone.localdate()
    return set(
        LeaveRequest.objects.filter(
            status=LeaveRequest.Status.APPROVED, session__date=today
        ).values_list("user_id", flat=True)
    )


def covered_users(user, today=None):
    """The users whose cases ``user`` covers today as their B post."""
    a_posts = set(
        StaffMember.objects.filter(backup__user=user, user__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    if not a_posts:
        return set()
    return a_posts & users_on_leave(today)


def covers(user, handler_id, today=None):
    return handler_id in covered_users(user, today)
