"""Staff views of the case register: intake, lists, one case and its actions, registers, exports."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from centers.models import Center
from centers.scoping import at_home, in_reach, works_at
from intranet import roles
from intranet.access import role_required
from intranet.calendar.workdays import WorkCalendar
from intranet.cases import export, rules, substitution, workflow
from intranet.cases.forms import (
    ACTION_FORMS,
    CASE_BOUND_FORMS,
    SCOPES,
    CaseFilterForm,
    FirstContactFollowUpForm,
    FirstContactForm,
    FollowUpForm,
    MonthForm,
    ReceiveForm,
    ReviewForm,
)
from intranet.cases.models import (
    Case,
    Extension,
    FirstContact,
    FollowUp,
    IdentityView,
    NegativeFiling,
)
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint
from portal.pagination import paginate

VIEWERS = (roles.WINDOW_STAFF, roles.HEAD, roles.INSPECTOR, roles.ADMIN)
RECEIVERS = (roles.WINDOW_STAFF, roles.HEAD)
OVERSIGHT = (roles.HEAD, roles.INSPECTOR)


def visible(request):
    return Case.objects.visible_to(request.user)


def get_case(request, pk):
    """A case the user may see; anything else is a 404 so receipt ids cannot be probed."""
    return get_object_or_404(
        visible(request).select_related("guide", "window", "handler", "first_contact", "agent"),
        pk=pk,
    )


def get_case_to_act(request, pk):
    """A case the user may change: one of their own center's (county oversight only reads)."""
    case = get_case(request, pk)
    if not works_at(request.user, case.center_id):
        raise Http404
    return case


def own_center(request):
    """The center a new record is made in: the account's; none means it may make nothing."""
    center = Center.for_user(request.user)
    if center is None:
        raise PermissionDenied
    return center


def rows_for(cases, today, calendar):
    return [
        {
            "c": c,
            "overdue": c.is_overdue(today),
            "days_left": (
                calendar.working_days_between(today, c.deadline)
                if c.state == Case.State.ACCEPTED and c.deadline
                else None
            ),
        }
        for c in cases
    ]


@role_required(*VIEWERS)
def case_list(request):
    today = timezone.localdate()
    held = roles.roles_of(request.user)
    default_scope = "all" if held & {roles.HEAD, roles.INSPECTOR, roles.ADMIN} else "mine"
    scope = request.GET.get("scope") or default_scope
    if scope not in SCOPES:
        scope = default_scope
    qs = visible(request)
    if scope == "mine":
        qs = qs.filter(handler=request.user)
    elif scope == "window":
        window_id = substitution.window_id_of(request.user)
        covered = substitution.covered_users(request.user, today)
        qs = qs.filter(Q(window_id=window_id) | Q(handler__in=covered))
    form = CaseFilterForm(request.GET or None, user=request.user)
    if form.is_bound and form.is_valid():
        qs = form.filter(qs, today)
    elif form.is_bound:
        qs = qs.none()
    page = paginate(request, qs.for_list(today))
    calendar = WorkCalendar.load()
    rows = rows_for(page, today, calendar)
    tomorrow = calendar.add_working_days(today, 1).date
    return render(
        request,
        "cases/list.html",
        {
            "page": page,
            "rows": rows,
            "form": form,
            "scope": scope,
            "scopes": SCOPES,
            "today": today,
            "tomorrow": tomorrow,
            "can_receive": roles.has_role(request.user, *RECEIVERS),
        },
    )


@role_required(*RECEIVERS)
def case_new(request):
    center = own_center(request)
    initial = {}
    contact = None
    if request.GET.get("from_contact", "").isdigit():
        contact = FirstContact.objects.filter(
            pk=int(request.GET["from_contact"]),
            recorded_by=request.user,
            center=center,
            case__isnull=True,
        ).first()
        if contact:
            initial = {
                "applicant_name": contact.visitor_name,
                "phone": contact.phone,
                "matter": contact.matter[:200],
            }
    profile_window = substitution.window_id_of(request.user)
    if profile_window:
        initial["window"] = profile_window
    form = ReceiveForm(request.POST or None, initial=initial, center=center)
    if request.method == "POST" and form.is_valid():
        case = form.save(commit=False)
        case.center = center
        if not case.handler_id:
            case.handler = request.user
        case.first_contact = request.user
        workflow.receive(case, request.user, accept_now=form.cleaned_data["accept_now"])
        if contact:
            FirstContact.objects.filter(pk=contact.pk).update(case=case)
        messages.success(request, _("已收件，受理编号 %(no)s。") % {"no": case.receipt_number})
        return redirect("intranet:case_detail", case.pk)
    return render(
        request,
        "cases/form.html",
        {"form": form, "title": _("窗口收件"), "submit": _("收件")},
    )


@role_required(*VIEWERS)
def case_detail(request, pk):
    case = get_case(request, pk)
    today = timezone.localdate()
    calendar = WorkCalendar.load()
    # County oversight reads another center's case and is offered nothing to do on it.
    acts = works_at(request.user, case.center_id)
    actions = rules.allowed_actions(request.user, case, today) if acts else []
    events = case.events.select_related("actor", "on_behalf_of")
    context = {
        "c": case,
        "actions": [(key, rules.ACTIONS[key].label) for key in actions],
        "events": events,
        "parts": case.parts.select_related("window"),
        "supplements": case.supplements.all(),
        "filings": case.filings.select_related("reviewed_by"),
        "extensions": case.extensions.select_related("requested_by"),
        "handoffs": case.handoffs.select_related("recorded_by"),
        "overdue": case.is_overdue(today),
        "days_left": (
            calendar.working_days_between(today, case.deadline)
            if case.state == Case.State.ACCEPTED and case.deadline
            else None
        ),
        "can_see_identity": rules.can_see_identity(request.user, case),
        "is_head": acts and rules.is_head(request.user),
        "documents": documents_for(case),
    }
    rating = getattr(case, "rating", None) if hasattr(case, "rating") else None
    context["rating"] = rating
    if roles.has_role(request.user, *OVERSIGHT):
        context["identity_views"] = case.identity_views.select_related("user")[:20]
    return render(request, "cases/detail.html", context)


def documents_for(case):
    docs = [("receipt", _("受理回执"))]
    if case.supplements.exists():
        docs.append(("supplement", _("补正通知单")))
    if case.filings.exists():
        docs.append(("refusal", _("退回通知书")))
    docs.append(("agency", _("代理承办表")))
    return docs


@role_required(*VIEWERS)
def case_identity(request, pk):
    case = get_case(request, pk)
    if not rules.can_see_identity(request.user, case):
        raise Http404
    workflow.log_identity_view(case, request.user)
    return render(request, "cases/identity.html", {"c": case})


def _run(key, case, user, data):
    if key == "accept":
        return workflow.accept(case, user)
    if key == "supplement":
        return workflow.request_supplement(
            case, user, data["materials"], data["other_text"], data.get("reason", "")
        )
    if key == "supplement_done":
        return workflow.supplement_done(case, user)
    if key == "refuse":
        return workflow.refuse(case, user, data["reason"], data["basis"])
    if key == "partner":
        return workflow.add_partner(case, user, data["window"], data["task"])
    if key == "part_done":
        return workflow.part_done(data["part"], user, data["note"])
    if key == "forward":
        return workflow.forward(case, user, data["counterpart"], data["agent"], data["note"])
    if key == "handoff":
        return workflow.record_handoff(case, user, data["kind"], data["note"])
    if key == "extension":
        return workflow.request_extension(case, user, data["working_days"], data["reason"])
    if key == "complete":
        return workflow.complete(case, user, data["result"], data["public_result"])
    if key == "collect":
        return workflow.collect(case, user, data["collected_on"])
    raise Http404


@role_required(*VIEWERS)
def case_action(request, pk, action):
    """Every action on a case, checked against the one table in ``rules``."""
    if action not in rules.ACTIONS:
        raise Http404
    case = get_case_to_act(request, pk)
    if not rules.may(request.user, case, action):
        if not rules.can_handle(request.user, case) and action != "part_done":
            raise Http404
        messages.error(request, _("办件当前状态下不能执行此操作。"))
        return redirect("intranet:case_detail", case.pk)
    form_class = ACTION_FORMS[action]
    kwargs = {"case": case} if action in CASE_BOUND_FORMS else {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            _run(action, case, request.user, form.cleaned_data)
        except workflow.TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已办理：%(a)s") % {"a": rules.ACTIONS[action].label})
            return redirect("intranet:case_detail", case.pk)
    return render(
        request,
        "cases/form.html",
        {"form": form, "title": rules.ACTIONS[action].label, "case": case},
    )


@role_required(roles.HEAD)
@require_POST
def extension_decide(request, pk):
    # Only the head of the case's own center decides; any other id is not found.
    ext = get_object_or_404(
        at_home(Extension.objects.select_related("case"), request.user, field="case__center"),
        pk=pk,
    )
    try:
        workflow.decide_extension(ext, request.user, request.POST.get("decision") == "approve")
    except workflow.TransitionError as error:
        messages.error(request, str(error))
    return redirect("intranet:case_detail", ext.case_id)


@role_required(*OVERSIGHT, roles.ADMIN)
def filing_list(request):
    today = timezone.localdate()
    qs = in_reach(
        NegativeFiling.objects.select_related("case", "filed_by", "reviewed_by"),
        request.user,
        field="case__center",
    )
    if request.GET.get("open") == "1":
        qs = qs.filter(decision=NegativeFiling.Decision.PENDING)
    page = paginate(request, qs.order_by("decision", "review_deadline", "-filed_at"))
    return render(
        request,
        "cases/filings.html",
        {
            "page": page,
            "today": today,
            "is_head": rules.is_head(request.user),
            # The review links are offered on the head's own center's filings only.
            "home_center_id": getattr(Center.for_user(request.user), "pk", None),
        },
    )


@role_required(roles.HEAD)
def filing_review(request, pk):
    filing = get_object_or_404(
        at_home(NegativeFiling.objects.select_related("case"), request.user, field="case__center"),
        pk=pk,
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.review_filing(
                filing,
                request.user,
                form.cleaned_data["decision"],
                form.cleaned_data["instruction"],
            )
        except workflow.TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("否定报备已审核。"))
            return redirect("intranet:case_filings")
    return render(
        request,
        "cases/form.html",
        {"form": form, "title": _("否定报备审核"), "case": filing.case, "filing": filing},
    )


@role_required(*OVERSIGHT, roles.ADMIN)
def filing_export(request):
    filings = in_reach(NegativeFiling.objects.all(), request.user, field="case__center")
    return _xlsx(export.filings_workbook(filings), "否定报备登记表.xlsx")


@role_required(*OVERSIGHT, roles.ADMIN)
def register_export(request):
    form = MonthForm(request.GET or None)
    if not form.is_valid():
        return render(
            request,
            "cases/form.html",
            {"form": form, "title": _("导出办件登记簿"), "submit": _("导出"), "method": "get"},
            status=400 if form.is_bound else 200,
        )
    month = form.cleaned_data["month"]
    cases = visible(request)
    return _xlsx(export.register_workbook(month, cases), f"办件登记簿-{month:%Y-%m}.xlsx")


def _xlsx(content, filename):
    from urllib.parse import quote

    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@role_required(roles.HEAD, roles.INSPECTOR)
def follow_up_list(request):
    qs = in_reach(
        FollowUp.objects.select_related("rating__case"), request.user, field="rating__case__center"
    ).order_by("closed_at", "deadline")
    return render(
        request,
        "cases/follow_ups.html",
        {
            "follow_ups": qs[:200],
            "home_center_id": getattr(Center.for_user(request.user), "pk", None),
        },
    )


@role_required(roles.HEAD)
def follow_up_close(request, pk):
    follow_up = get_object_or_404(
        at_home(
            FollowUp.objects.select_related("rating__case"),
            request.user,
            field="rating__case__center",
        ),
        pk=pk,
    )
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.close_follow_up(follow_up, request.user, form.cleaned_data["outcome"])
        except workflow.TransitionError as error:
            form.add_error(None, str(error))
        else:
            return redirect("intranet:case_follow_ups")
    return render(
        request,
        "cases/form.html",
        {"form": form, "title": _("登记回访整改结果"), "case": follow_up.rating.case},
    )


# 首问登记册


def contacts_visible(request):
    return FirstContact.objects.visible_to(request.user).select_related("recorded_by")


def get_contact_to_act(request, pk, **filters):
    """An entry the user may change: one of their own center's (county oversight only reads)."""
    contact = get_object_or_404(contacts_visible(request), pk=pk, **filters)
    if not works_at(request.user, contact.center_id):
        raise Http404
    return contact


@role_required(*RECEIVERS, roles.INSPECTOR)
def contact_list(request):
    qs = contacts_visible(request)
    if request.GET.get("open") == "1":
        qs = qs.filter(closed_at__isnull=True)
    page = paginate(request, qs)
    return render(
        request,
        "cases/contacts.html",
        {"page": page},
    )


@role_required(*RECEIVERS, roles.INSPECTOR)
def contact_new(request):
    center = own_center(request)
    form = FirstContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = form.save(commit=False)
        contact.center = center
        contact.recorded_by = request.user
        if contact.kind == FirstContact.Kind.ENQUIRY:
            # An enquiry answered on the spot ends there (咨询件).
            contact.closed_at = timezone.now()
        contact.save()
        messages.success(request, _("已登记。"))
        return redirect("intranet:case_contact", contact.pk)
    return render(
        request, "cases/form.html", {"form": form, "title": _("首问登记"), "submit": _("登记")}
    )


@role_required(*RECEIVERS, roles.INSPECTOR)
def contact_detail(request, pk):
    contact = get_object_or_404(contacts_visible(request), pk=pk)
    if request.method == "POST":
        contact = get_contact_to_act(request, pk)
    form = FirstContactFollowUpForm(request.POST or None)
    if request.method == "POST" and contact.closed_at is None and form.is_valid():
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        contact.follow_up = f"{contact.follow_up}\n{stamp} {form.cleaned_data['follow_up']}".strip()
        if form.cleaned_data["close"]:
            contact.closed_at = timezone.now()
        contact.save(update_fields=["follow_up", "closed_at"])
        return redirect("intranet:case_contact", contact.pk)
    return render(
        request,
        "cases/contact.html",
        {"contact": contact, "form": form, "acts": works_at(request.user, contact.center_id)},
    )


@role_required(*RECEIVERS, roles.INSPECTOR)
@require_POST
def contact_to_complaint(request, pk):
    """One click: the entry becomes a complaint with the visitor's words and phone carried over."""
    contact = get_contact_to_act(request, pk, complaint__isnull=True)
    complaint = Complaint(
        center_id=contact.center_id,
        channel=Complaint.Channel.ORAL,
        content=contact.matter,
        complainant_name=contact.visitor_name,
        complainant_phone=contact.phone,
        recorded_by=request.user,
        received_at=contact.at,
    )
    complaint_workflow.receive(complaint, [], actor=request.user)
    FirstContact.objects.filter(pk=contact.pk).update(complaint=complaint)
    messages.success(request, _("已转为投诉 %(code)s。") % {"code": complaint.code})
    return redirect("intranet:complaint_detail", complaint.pk)


def month_bounds(today):
    start = today.replace(day=1)
    return start, (start + dt.timedelta(days=32)).replace(day=1)


def dashboard_figures(user, today):
    """The case tiles of the user's own center; a fixed number of queries however many cases
    there are."""
    start, end = month_bounds(today)
    cases = at_home(Case.objects.all(), user)
    filings = at_home(NegativeFiling.objects.all(), user, field="case__center")
    received = cases.filter(received_at__date__gte=start, received_at__date__lt=end).count()
    closed_month = cases.filter(completed_at__date__gte=start, completed_at__date__lt=end)
    by_window = (
        closed_month.values("window_id", "window__name")
        .annotate(total=Count("id"), on_time=Count("id", filter=Q(on_time=True)))
        .order_by("window__name")
    )
    windows = [
        {
            "id": w["window_id"],
            "name": w["window__name"],
            "total": w["total"],
            "rate": round(100 * w["on_time"] / w["total"]) if w["total"] else None,
        }
        for w in by_window
    ]
    return {
        "month": start,
        "received": received,
        "closed": sum(w["total"] for w in windows),
        "by_window": windows,
        "open_reviews": filings.filter(decision=NegativeFiling.Decision.PENDING).count(),
        "late_reviews": filings.filter(
            decision=NegativeFiling.Decision.PENDING, review_deadline__lt=today
        ).count(),
        "overdue": cases.overdue(today).count(),
        "due_soon": cases.running()
        .filter(
            deadline__gte=today, deadline__lte=WorkCalendar.load().add_working_days(today, 1).date
        )
        .count(),
        "bad_ratings": at_home(FollowUp.objects.all(), user, field="rating__case__center")
        .filter(closed_at__isnull=True)
        .count(),
        "pending_extensions": at_home(Extension.objects.all(), user, field="case__center")
        .filter(status=Extension.Status.PENDING)
        .count(),
    }


@role_required(roles.HEAD, roles.INSPECTOR)
def identity_log(request):
    views = in_reach(
        IdentityView.objects.select_related("case", "user"), request.user, field="case__center"
    )
    page = paginate(request, views)
    return render(request, "cases/identity_log.html", {"page": page})
