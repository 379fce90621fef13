"""The start page: the head's dashboard, or each other role's own tasks."""

from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.utils import timezone

from centers.scoping import at_home
from intranet import dashboard, roles
from intranet.access import role_required
from intranet.bookings.views import dashboard_items
from intranet.calendar.workdays import WorkCalendar
from intranet.cases.views import dashboard_figures
from intranet.complaints.models import Complaint, DeadlineExtension
from intranet.disclosures.models import Disclosure, DisclosureRead
from intranet.study.models import LeaveRequest, StudySession


@role_required(*roles.ALL_ROLES)
def home(request):
    user = request.user
    held = roles.roles_of(user)
    today = timezone.localdate()
    context = {"held": held, "today": today}

    unread = (
        Disclosure.objects.visible_to(user)
        .published()
        .filter(~Exists(DisclosureRead.objects.filter(disclosure=OuterRef("pk"), user=user)))
        .order_by("-publish_at")
    )
    context["unread"] = unread[:5]
    context["unread_count"] = unread.count()
    context["upcoming"] = (
        StudySession.objects.visible_to(user)
        .filter(date__gte=today)
        .select_related("host")
        .order_by("date", "start_time")[:3]
    )

    if held & roles.COMPLAINT_VIEWERS:
        calendar = WorkCalendar.load()
        mine = (
            Complaint.objects.open()
            .filter(handler=user)
            .select_related("target_window")
            .order_by("deadline")[:10]
        )
        context["my_complaints"] = [
            {
                "c": c,
                "overdue": c.is_overdue(today),
                "days_left": calendar.working_days_between(today, c.deadline),
            }
            for c in mine
        ]
    context["pending_leave"] = LeaveRequest.objects.filter(
        session__host=user, status=LeaveRequest.Status.PENDING
    ).select_related("session", "user")[:10]
    if held & roles.OVERSIGHT_ROLES:
        # Counted over what the list behind each tile shows, so the figure and the list agree.
        visible = Complaint.objects.visible_to(user)
        context["to_triage"] = visible.filter(status=Complaint.Status.RECEIVED).count()
        context["overdue_count"] = visible.overdue(today).count()
    if held & {roles.HEAD, roles.INSPECTOR}:
        context["case_figures"] = dashboard_figures(user, today)
    if held & {roles.WINDOW_STAFF, roles.HEAD, roles.INSPECTOR, roles.ADMIN}:
        context["booking_figures"] = dashboard_items(user, today)
    if roles.HEAD in held:
        pending = DeadlineExtension.objects.filter(status=DeadlineExtension.Status.PENDING)
        # To-do lists: the head decides for their own center only.
        context["pending_extensions"] = at_home(
            pending, user, field="complaint__center"
        ).select_related("complaint")[:10]
        context["pending_publication"] = at_home(visible, user).filter(
            status=Complaint.Status.CLOSED,
            publication_requested_at__isnull=False,
            published_at__isnull=True,
        )[:10]
        session_chart, person_chart = dashboard.attendance_charts(
            today.year, StudySession.objects.visible_to(user)
        )
        context["charts"] = [
            dashboard.complaints_by_window(visible, today),
            dashboard.on_time_by_month(visible, today),
            session_chart,
            person_chart,
            dashboard.unread_disclosures(user),
        ]
    return render(request, "intranet/home.html", context)
