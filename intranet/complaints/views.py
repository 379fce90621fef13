"""Intranet complaint views: the list, one complaint, and each handling step."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import TruncDate
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from centers.models import Center
from centers.scoping import in_reach
from intranet import roles
from intranet.access import role_required
from intranet.calendar.workdays import WorkCalendar
from intranet.center_choices import windows_in_reach
from intranet.complaints import rules
from intranet.complaints import workflow as wf
from intranet.complaints.forms import (
    CloseForm,
    ComplaintFilterForm,
    ExtensionRequestForm,
    NoteForm,
    PublicationForm,
    ReplyForm,
    StaffComplaintForm,
    TriageForm,
)
from intranet.complaints.models import Complaint, DeadlineExtension, IdentityAccessLog
from intranet.list_filters import NO_WINDOW, read_filters
from portal.locked_database import DatabaseBusy
from portal.pagination import paginate

STATE_FILTERS = {
    "received": _("待受理"),
    "open": _("办理中"),
    "overdue": _("已超期"),
    "replied": _("已答复"),
    "closed": _("已办结"),
    "not_accepted": _("不予受理"),
    "all": _("全部"),
}


def _visible(request):
    return Complaint.objects.visible_to(request.user)


def _get_complaint(request, pk):
    """A complaint the user may see; anything else is a 404, so ids cannot be probed."""
    return get_object_or_404(
        _visible(request).select_related("target_window", "target_staff", "handler"), pk=pk
    )


def days_left(complaint, today, calendar):
    """Working days from today to the deadline; negative once overdue."""
    return calendar.working_days_between(today, complaint.deadline)


def filter_complaints(qs, filters, today, user):
    """Apply the cleaned filters of ComplaintFilterForm; returns the queryset and the state shown."""
    state = filters["state"] or "all"
    if state == "open":
        qs = qs.open()
    elif state == "overdue":
        qs = qs.overdue(today)
    elif state in ("received", "replied", "closed", "not_accepted"):
        qs = qs.filter(status=state)
    window = filters["window"]
    if window == NO_WINDOW:
        qs = qs.filter(target_window__isnull=True)
    elif window:
        qs = qs.filter(target_window_id=window)
    start = filters["month"]
    if start:
        end = (start + dt.timedelta(days=32)).replace(day=1)
        qs = qs.filter(replied_at__date__gte=start, replied_at__date__lt=end)
        ontime = filters["ontime"]
        if ontime:
            qs = qs.annotate(reply_day=TruncDate("replied_at"))
            qs = (
                qs.filter(reply_day__lte=F("deadline"))
                if ontime == "1"
                else qs.filter(reply_day__gt=F("deadline"))
            )
    if filters["mine"]:
        qs = qs.filter(handler=user)
    return qs, state


@role_required(*roles.COMPLAINT_VIEWERS)
def complaint_list(request):
    today = timezone.localdate()
    filters = read_filters(request, ComplaintFilterForm)
    qs, state = filter_complaints(_visible(request), filters, today, request.user)
    qs = (
        qs.select_related("target_window", "handler")
        .annotate(
            overdue_first=Case(
                When(status__in=Complaint.OPEN_STATUSES, deadline__lt=today, then=Value(0)),
                When(status__in=Complaint.OPEN_STATUSES, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("overdue_first", "deadline", "-received_at")
    )
    page = paginate(request, qs)
    calendar = WorkCalendar.load()
    rows = [
        {
            "c": c,
            "overdue": c.is_overdue(today),
            "days_left": days_left(c, today, calendar) if c.is_open else None,
        }
        for c in page
    ]
    return render(
        request,
        "complaints/list.html",
        {
            "page": page,
            "rows": rows,
            "state": state,
            "states": STATE_FILTERS,
            "windows": windows_in_reach(request.user),
            "current_window": str(filters["window"] or ""),
            "can_record": roles.has_role(request.user, *roles.COMPLAINT_RECORDERS),
        },
    )


@role_required(*roles.COMPLAINT_RECORDERS)
def complaint_new(request):
    center = Center.for_user(request.user)
    if center is None:
        # With several centers an account must be given one before it records anything.
        raise PermissionDenied
    form = StaffComplaintForm(
        request.POST or None, request.FILES or None, initial={"received_at": timezone.now()}
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        complaint = form.save(commit=False)
        complaint.recorded_by = request.user
        complaint.center = center

        try:
            wf.receive_when_free(
                complaint,
                form.cleaned_data["attachments"],
                actor=request.user,
                late_entry_reason=form.cleaned_data["late_entry_reason"],
            )
        except DatabaseBusy:
            messages.error(
                request,
                _(
                    "数据库繁忙，投诉暂未登记。已填写的内容保留在下方，请稍后再次提交（附件需重新选择）。"
                ),
            )
            status = 503
        else:
            messages.success(
                request,
                _("投诉已登记，查询码 %(code)s，请告知投诉人。") % {"code": complaint.code},
            )
            return redirect("intranet:complaint_detail", pk=complaint.pk)
    return render(
        request,
        "intranet/form.html",
        {"form": form, "title": _("登记投诉"), "multipart": True, "submit": _("登记")},
        status=status,
    )


@role_required(*roles.COMPLAINT_VIEWERS)
def complaint_detail(request, pk):
    complaint = _get_complaint(request, pk)
    user = request.user
    today = timezone.localdate()
    calendar = WorkCalendar.load()
    context = {
        "c": complaint,
        "overdue": complaint.is_overdue(today),
        "days_left": days_left(complaint, today, calendar) if complaint.is_open else None,
        "events": complaint.events.select_related("actor"),
        "attachments": complaint.attachments.all(),
        "extensions": complaint.extensions.select_related("requested_by", "decided_by"),
        "allowed": rules.allowed_actions(user, complaint),
        "access_log": complaint.identity_accesses.select_related("user")[:50]
        if roles.has_role(user, *roles.OVERSIGHT_ROLES)
        else None,
        "note_form": NoteForm(),
    }
    return render(request, "complaints/detail.html", context)


@role_required(*roles.COMPLAINT_VIEWERS)
def complaint_identity(request, pk):
    complaint = _get_complaint(request, pk)
    if not rules.may(request.user, complaint, "see_identity"):
        raise Http404
    wf.log_identity_access(complaint, request.user)
    return render(request, "complaints/identity.html", {"c": complaint})


def _refused_by_rules(request, complaint, action, refusal=None):
    """None if the rules table allows the action; else 404 (not the user's to act on, so ids
    cannot be probed) or a redirect back to the complaint saying why its state does not allow it."""
    if not rules.may_act(request.user, complaint, action):
        raise Http404
    if not rules.state_allows(complaint.status, action):
        messages.error(
            request,
            refusal
            or _("该投诉当前状态（%(s)s）不能进行此操作。") % {"s": complaint.get_status_display()},
        )
        return redirect("intranet:complaint_detail", pk=complaint.pk)
    return None


def _step(request, pk, form_class, title, action, do, form_kwargs=None):
    complaint = _get_complaint(request, pk)
    refusal = _refused_by_rules(request, complaint, action)
    if refusal is not None:
        return refusal
    form = form_class(request.POST or None, **(form_kwargs(complaint) if form_kwargs else {}))
    if request.method == "POST" and form.is_valid():
        try:
            do(complaint, form.cleaned_data)
        except wf.StepRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("已保存。"))
        return redirect("intranet:complaint_detail", pk=pk)
    return render(
        request,
        "intranet/form.html",
        {"form": form, "title": title, "complaint": complaint, "submit": _("提交")},
    )


@role_required(*roles.OVERSIGHT_ROLES)
def complaint_triage(request, pk):
    complaint = _get_complaint(request, pk)
    refusal = _refused_by_rules(
        request, complaint, "triage", _("该投诉已答复或办结，不能重新分办。")
    )
    if refusal is not None:
        return refusal
    form = TriageForm(request.POST or None, instance=complaint)
    if request.method == "POST" and form.is_valid():
        try:
            wf.triage(
                form.save(commit=False),
                request.user,
                form.cleaned_data["accepted"],
                form.cleaned_data["not_accepted_reason"],
            )
        except wf.StepRefused as refused:
            messages.error(request, str(refused))
        else:
            accepted = form.cleaned_data["accepted"]
            messages.success(request, _("已受理并分办。") if accepted else _("已作不予受理处理。"))
        return redirect("intranet:complaint_detail", pk=pk)
    return render(
        request,
        "intranet/form.html",
        {"form": form, "title": _("受理与分办"), "complaint": complaint, "submit": _("保存")},
    )


@role_required(*roles.COMPLAINT_VIEWERS)
@require_POST
def complaint_note(request, pk):
    complaint = _get_complaint(request, pk)
    if not rules.may(request.user, complaint, "note"):
        raise Http404
    form = NoteForm(request.POST)
    if form.is_valid():
        wf.add_note(
            complaint, request.user, form.cleaned_data["text"], form.cleaned_data["is_public"]
        )
        messages.success(request, _("已记录。"))
    else:
        messages.error(request, _("请填写内容（不超过2000字）。"))
    return redirect("intranet:complaint_detail", pk=pk)


@role_required(*roles.COMPLAINT_VIEWERS)
def complaint_reply(request, pk):
    return _step(
        request,
        pk,
        ReplyForm,
        _("记录答复"),
        "reply",
        lambda c, d: wf.reply(c, request.user, d["reply_method"], d["reply_text"]),
        form_kwargs=lambda c: {"complaint": c},
    )


@role_required(*roles.COMPLAINT_VIEWERS)
def complaint_close(request, pk):
    return _step(
        request,
        pk,
        CloseForm,
        _("办结"),
        "close",
        lambda c, d: wf.close(c, request.user, d["outcome"], d["result_text"]),
    )


@role_required(*roles.COMPLAINT_VIEWERS)
def complaint_extension_request(request, pk):
    return _step(
        request,
        pk,
        ExtensionRequestForm,
        _("申请延期"),
        "request_extension",
        lambda c, d: wf.request_extension(c, request.user, d["extra_working_days"], d["reason"]),
    )


@role_required(roles.HEAD)
@require_POST
def complaint_extension_decide(request, pk, ext_pk):
    complaint = _get_complaint(request, pk)
    if not rules.may(request.user, complaint, "decide_extension"):
        raise Http404
    ext = get_object_or_404(DeadlineExtension, pk=ext_pk, complaint=complaint)
    approve = request.POST.get("decision") == "approve"
    if wf.decide_extension(ext, request.user, approve):
        messages.success(request, _("已批准延期。") if approve else _("已驳回延期申请。"))
    else:
        messages.error(request, _("该延期申请已经处理过。"))
    return redirect("intranet:complaint_detail", pk=pk)


@role_required(*roles.COMPLAINT_VIEWERS)
def complaint_publication(request, pk):
    complaint = _get_complaint(request, pk)
    refusal = _refused_by_rules(
        request, complaint, "request_publication", _("只有已办结的投诉才能公开处理结果。")
    )
    if refusal is not None:
        return refusal
    form = PublicationForm(
        request.POST or None,
        initial={"public_summary": complaint.public_summary},
        complaint=complaint,
    )
    if request.method == "POST" and form.is_valid():
        try:
            wf.request_publication(complaint, request.user, form.cleaned_data["public_summary"])
        except wf.StepRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("公开摘要已提交，待中心负责人批准后公开。"))
        return redirect("intranet:complaint_detail", pk=pk)
    return render(
        request,
        "intranet/form.html",
        {"form": form, "title": _("公开处理结果"), "complaint": complaint, "submit": _("提交审批")},
    )


@role_required(roles.HEAD)
@require_POST
def complaint_publication_approve(request, pk):
    complaint = _get_complaint(request, pk)
    if not rules.may_act(request.user, complaint, "approve_publication"):
        # Another center's complaint (county oversight): not the user's to act on.
        raise Http404
    if (
        not rules.state_allows(complaint.status, "approve_publication")
        or not complaint.public_summary
        or complaint.published_at
    ):
        messages.error(request, _("没有待批准的公开摘要。"))
    else:
        try:
            wf.approve_publication(complaint, request.user)
        except wf.StepRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("处理结果已在门户网站公开。"))
    return redirect("intranet:complaint_detail", pk=pk)


@role_required(*roles.COMPLAINT_VIEWERS)
def complaint_attachment(request, pk, att_pk):
    complaint = _get_complaint(request, pk)
    attachment = get_object_or_404(complaint.attachments, pk=att_pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )


@role_required(*roles.OVERSIGHT_ROLES)
def identity_access_log(request):
    log = in_reach(IdentityAccessLog.objects.all(), request.user, field="complaint__center")
    page = paginate(request, log.select_related("user", "complaint"))
    return render(request, "complaints/access_log.html", {"page": page})
