"""Case test helpers; the center, cases and their fixtures are in tests/builders.py."""

import datetime as dt

from intranet.study.models import LeaveRequest, StudyPlan, StudySession


def approve_leave(user, day, host):
    plan, _created = StudyPlan.objects.get_or_create(year=day.year, defaults={"title": "计划"})
    session = StudySession.objects.create(
        plan=plan,
        date=day,
        start_time=dt.time(9),
        end_time=dt.time(10),
        topic="业务学习",
        kind=StudySession.Kind.BUSINESS,
        host=host,
        place="会议室",
    )
    return LeaveRequest.objects.create(
        session=session,
        user=user,
        kind=LeaveRequest.Kind.PERSONAL,
        reason="病假",
        status=LeaveRequest.Status.APPROVED,
    )
