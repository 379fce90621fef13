"""Study plan, sessions, sign-in, leave, roll call and notes."""

import logging

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from centers.models import Center
from centers.scoping import at_home, works_at
from intranet import roles
from intranet.access import role_required
from intranet.list_filters import EARLIEST_YEAR, latest_year, read_filters
from intranet.study import attendance
from intranet.study.export import attendance_workbook
from intranet.study.forms import (
    AttendanceFilterForm,
    LeaveForm,
    NoteForm,
    RollCorrectionForm,
    SessionForm,
    SignInForm,
)
from intranet.study.models import (
    STUDY_VIEWERS,
    Attendance,
    AttendanceChange,
    LeaveRequest,
    StudyNote,
    StudyPlan,
    StudySession,
)
from portal import rate_limits
from portal.pagination import paginate

security_log = logging.getLogger("intranet.security")

# Wrong sign-in codes allowed per user and per login session before both are locked.
SIGNIN_FAILURE_LIMIT = 5
SIGNIN_LOCK_SECONDS = 15 * 60


def _is_supervisor(user, session):
    """The host or the head (and the administrator) read a session's roll and notes; a head
    with county oversight reads every center's."""
    return session.host_id == user.pk or roles.has_role(user, roles.HEAD, roles.ADMIN)


def _runs(user, session):
    """Who changes the roll: a supervisor of the session's own center (oversight only reads)."""
    return _is_supervisor(user, session) and works_at(user, session.center_id)


def get_session(request, pk, queryset=None):
    """A session the user may read: 404 for another center's (ids cannot be probed)."""
    queryset = StudySession.objects if queryset is None else queryset
    return get_object_or_404(queryset.visible_to(request.user), pk=pk)


def get_session_to_act(request, pk):
    """A session the user may act on: one of their own center's."""
    session = get_session(request, pk)
    if not works_at(request.user, session.center_id):
        raise Http404
    return session


@role_required(*STUDY_VIEWERS)
def plan(request, year=None):
    if year is not None and not EARLIEST_YEAR <= year <= latest_year():
        raise Http404
    year = year or timezone.localdate().year
    study_plan = at_home(StudyPlan.objects.all(), request.user).filter(year=year).first()
    sessions = (
        StudySession.objects.visible_to(request.user)
        .filter(date__year=year)
        .select_related("host")
        .annotate(
            attended=Count("attendances", filter=Q(attendances__status__in=Attendance.ATTENDED)),
            roll_size=Count("attendances"),
            my_note=Exists(StudyNote.objects.filter(session=OuterRef("pk"), author=request.user)),
        )
        .order_by("date", "start_time")
    )
    my_status = dict(
        Attendance.objects.filter(user=request.user, session__date__year=year).values_list(
            "session_id", "status"
        )
    )
    page = paginate(request, sessions)
    labels = dict(Attendance.Status.choices)
    rows = [{"s": s, "my_status": labels.get(my_status.get(s.pk))} for s in page]
    years = (
        StudyPlan.objects.visible_to(request.user)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return render(
        request,
        "study/plan.html",
        {
            "plan": study_plan,
            "year": year,
            "years": years,
            "page": page,
            "rows": rows,
            "can_manage": roles.has_role(request.user, *roles.STUDY_MANAGERS),
        },
    )


@role_required(*STUDY_VIEWERS)
def session_detail(request, pk):
    session = get_session(request, pk, StudySession.objects.select_related("host", "plan"))
    user = request.user
    now = timezone.now()
    supervisor = _is_supervisor(user, session)
    my_attendance = session.attendances.filter(user=user).first()
    context = {
        "s": session,
        "supervisor": supervisor,
        "is_host": session.host_id == user.pk,
        "works_here": works_at(user, session.center_id),
        "my_attendance": my_attendance,
        "my_leave": session.leave_requests.filter(user=user).first(),
        "my_note": session.notes.filter(author=user).first(),
        "can_request_leave": not session.has_started(now)
        and not (my_attendance and my_attendance.signed_in_at)
        and attendance.expected_for(session).filter(pk=user.pk).exists(),
        "signin_open": session.signin_open(now) and works_at(user, session.center_id),
        "leave_requests": session.leave_requests.select_related("user") if supervisor else None,
    }
    return render(request, "study/session.html", context)


@role_required(*roles.STUDY_MANAGERS)
def session_edit(request, pk=None):
    session = get_session_to_act(request, pk) if pk else None
    center = session.center if session else Center.for_user(request.user)
    if center is None:
        # With several centers an account must be given one before it arranges anything.
        raise PermissionDenied
    form = SessionForm(request.POST or None, request.FILES or None, instance=session, center=center)
    if request.method == "POST" and form.is_valid():
        session = form.save()
        messages.success(request, _("学习安排已保存。"))
        return redirect("intranet:study_session", pk=session.pk)
    title = _("修改学习安排") if session else _("新增学习安排")
    return render(
        request,
        "intranet/form.html",
        {"form": form, "title": title, "multipart": True, "submit": _("保存")},
    )


def _signin_buckets(request):
    if not request.session.session_key:
        request.session.save()
    return (
        f"study-signin:user:{request.user.pk}",
        f"study-signin:session:{request.session.session_key}",
    )


@role_required(*STUDY_VIEWERS)
def signin_display(request, pk):
    """The code in large type with a QR code, for the host to project in the meeting room."""
    session = get_session(request, pk)
    if not _runs(request.user, session):
        raise Http404
    # The QR code names the session, not the code: sign-in codes stay out of URLs and logs.
    url = request.build_absolute_uri(reverse("intranet:study_signin")) + f"?session={session.pk}"
    qr = segno.make(url, error="m").svg_inline(scale=8, title=_("扫码打开签到页"))
    return render(
        request,
        "study/signin_display.html",
        {"s": session, "qr": mark_safe(qr), "signin_open": session.signin_open()},  # noqa: S308
    )


def _announced_session(request):
    """The session a QR code from the projected display names, if it is a number."""
    pk = request.GET.get("session", "")
    if not pk.isdigit():
        return None
    return at_home(StudySession.objects.all(), request.user).filter(pk=pk).first()


@role_required(*roles.STUDY_ROLES)
def signin(request):
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        buckets = _signin_buckets(request)
        # Each try is counted as wrong before the code is looked at and given back if it
        # was not, so that parallel guesses cannot get past the limit either.
        counts = [rate_limits.hit(b, SIGNIN_LOCK_SECONDS) for b in buckets]
        if max(counts) > SIGNIN_FAILURE_LIMIT:
            for bucket in buckets:
                rate_limits.release(bucket, SIGNIN_LOCK_SECONDS)
            security_log.warning(
                "study sign-in locked: user=%s address=%s",
                request.user.pk,
                rate_limits.client_address(request),
            )
            form.add_error(
                "code",
                _("签到码输错次数过多，签到已暂时锁定，请15分钟后再试，或请主持人在点名表中登记。"),
            )
            return render(
                request,
                "study/signin.html",
                {"form": form, "announced": _announced_session(request)},
                status=429,
            )
        try:
            row = attendance.sign_in(request.user, form.cleaned_data["code"])
        except attendance.SignInError as e:
            if e.wrong_code:
                security_log.warning(
                    "wrong study sign-in code: user=%s address=%s attempt=%s",
                    request.user.pk,
                    rate_limits.client_address(request),
                    max(counts),
                )
            else:
                for bucket in buckets:
                    rate_limits.release(bucket, SIGNIN_LOCK_SECONDS)
            form.add_error("code", str(e))
        else:
            for bucket in buckets:
                rate_limits.release(bucket, SIGNIN_LOCK_SECONDS)
            messages.success(
                request,
                _("签到成功：%(topic)s（%(status)s）")
                % {"topic": row.session.topic, "status": row.get_status_display()},
            )
            return redirect("intranet:study_session", pk=row.session_id)
    return render(
        request,
        "study/signin.html",
        {"form": form, "announced": _announced_session(request)},
    )


@role_required(*roles.STUDY_ROLES)
def leave_request(request, pk):
    session = get_session_to_act(request, pk)
    if session.has_started():
        messages.error(request, _("学习已经开始，不能再请假；如有特殊情况请联系主持人更正考勤。"))
        return redirect("intranet:study_session", pk=pk)
    if not attendance.expected_for(session).filter(pk=request.user.pk).exists():
        raise Http404
    if session.attendances.filter(user=request.user, signed_in_at__isnull=False).exists():
        messages.error(request, _("您已签到，不能再请假。"))
        return redirect("intranet:study_session", pk=pk)
    form = LeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                leave = form.save(commit=False)
                leave.session, leave.user = session, request.user
                leave.save()
        except IntegrityError:
            messages.error(request, _("您已为本次学习提交过请假，不能重复提交。"))
        else:
            messages.success(request, _("请假申请已提交，等待主持人审批。"))
        return redirect("intranet:study_session", pk=pk)
    return render(
        request,
        "intranet/form.html",
        {"form": form, "title": _("请假：%(t)s") % {"t": session.topic}, "submit": _("提交")},
    )


@role_required(*STUDY_VIEWERS)
@require_POST
def leave_decide(request, pk, leave_pk):
    session = get_session_to_act(request, pk)
    if session.host_id != request.user.pk:
        raise Http404
    with transaction.atomic():
        leave = get_object_or_404(
            LeaveRequest.objects.select_for_update(), pk=leave_pk, session=session
        )
        if leave.status != LeaveRequest.Status.PENDING:
            messages.error(request, _("该请假申请已经处理过。"))
            return redirect("intranet:study_session", pk=pk)
        approve = request.POST.get("decision") == "approve"
        leave.status = LeaveRequest.Status.APPROVED if approve else LeaveRequest.Status.REFUSED
        leave.decided_by, leave.decided_at = request.user, timezone.now()
        leave.save()
        if approve:
            attendance.apply_approved_leave(leave)
    messages.success(request, _("已批准。") if approve else _("已不予批准。"))
    return redirect("intranet:study_session", pk=pk)


@role_required(*STUDY_VIEWERS)
def roll(request, pk):
    session = get_session(request, pk, StudySession.objects.select_related("host"))
    if not _is_supervisor(request.user, session):
        raise Http404
    attendance.close_roll(session)
    rows_by_user = {a.user_id: a for a in session.attendances.all()}
    leaves = {lr.user_id: lr for lr in session.leave_requests.all()}
    people = attendance.expected_for(session)
    rows = [{"user": u, "att": rows_by_user.get(u.pk), "leave": leaves.get(u.pk)} for u in people]
    changes = AttendanceChange.objects.filter(attendance__session=session).select_related(
        "changed_by", "attendance__user"
    )[:50]
    counts = {
        label: sum(1 for r in rows if r["att"] and r["att"].status == key)
        for key, label in Attendance.Status.choices
    }
    return render(
        request,
        "study/roll.html",
        {
            "s": session,
            "rows": rows,
            "changes": changes,
            "counts": counts,
            "statuses": Attendance.Status.choices,
            "signin_open": session.signin_open(),
            "can_correct": _runs(request.user, session),
        },
    )


@role_required(*STUDY_VIEWERS)
@require_POST
def roll_correct(request, pk):
    session = get_session(request, pk)
    if not _runs(request.user, session):
        raise Http404
    form = RollCorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("更正失败：请选择考勤状态并填写更正原因。"))
        return redirect("intranet:study_roll", pk=pk)
    person = attendance.expected_for(session).filter(pk=form.cleaned_data["user"]).first()
    if person is None:
        raise Http404
    attendance.correct(
        session, person, form.cleaned_data["status"], form.cleaned_data["reason"], request.user
    )
    messages.success(
        request, _("已更正 %(n)s 的考勤。") % {"n": person.get_full_name() or person.username}
    )
    return redirect("intranet:study_roll", pk=pk)


@role_required(*roles.STUDY_ROLES)
def note(request, pk):
    session = get_session_to_act(request, pk)
    existing = session.notes.filter(author=request.user).first()
    form = NoteForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        obj.session, obj.author = session, request.user
        obj.save()
        messages.success(request, _("学习心得已保存。"))
        return redirect("intranet:study_session", pk=pk)
    return render(
        request,
        "intranet/form.html",
        {"form": form, "title": _("学习心得：%(t)s") % {"t": session.topic}, "submit": _("保存")},
    )


@role_required(*STUDY_VIEWERS)
def notes(request, pk):
    session = get_session(request, pk)
    if not _is_supervisor(request.user, session):
        raise Http404
    page = paginate(request, session.notes.select_related("author").order_by("author__username"))
    return render(request, "study/notes.html", {"s": session, "page": page})


@role_required(*STUDY_VIEWERS)
def material(request, pk):
    session = get_session(request, pk)
    if not session.material_file:
        raise Http404
    return FileResponse(
        session.material_file.open("rb"),
        as_attachment=True,
        filename=session.material_file.name.rsplit("/", 1)[-1],
    )


def _report_filters(request):
    filters = read_filters(request, AttendanceFilterForm)
    return filters["year"] or timezone.localdate().year, filters["user"]


@role_required(roles.HEAD, roles.INSPECTOR, roles.ADMIN)
def attendance_report(request):
    year, only = _report_filters(request)
    sessions = StudySession.objects.visible_to(request.user)
    people = attendance.person_figures(year, sessions)
    if only:
        people = [p for p in people if p["user_id"] == only]
    return render(
        request,
        "study/attendance.html",
        {
            "year": year,
            "people": people,
            "totals": attendance.year_totals(people),
            "sessions": attendance.session_figures(year, sessions),
        },
    )


@role_required(roles.HEAD, roles.INSPECTOR, roles.ADMIN)
def attendance_export(request):
    form = AttendanceFilterForm(request.GET)
    if not form.is_valid():
        # A file download cannot show a message: back to the report, which explains.
        read_filters(request, AttendanceFilterForm)
        return redirect("intranet:attendance_report")
    year = form.cleaned_data["year"] or timezone.localdate().year
    response = HttpResponse(
        attendance_workbook(year, StudySession.objects.visible_to(request.user)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="attendance-{year}.xlsx"'
    return response
