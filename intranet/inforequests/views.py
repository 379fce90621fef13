"""Staff pages of information requests: register, one request, extension, answer, 告知书, figures."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from centers.scoping import works_at
from intranet import roles
from intranet.access import role_required
from intranet.inforequests import export, workflow
from intranet.inforequests import statistics as stats
from intranet.inforequests.forms import AnswerForm, ExtendForm, RequestFilterForm, YearForm
from intranet.inforequests.models import InfoRequest
from intranet.workflow_steps import run_step
from portal.pagination import paginate

VIEWERS = (roles.WINDOW_STAFF, roles.HEAD, roles.INSPECTOR, roles.ADMIN)
HANDLERS = (roles.WINDOW_STAFF, roles.HEAD)
# Who handles or oversees a request sees who made it; the administrator only sees the register.
IDENTITY_ROLES = frozenset({roles.WINDOW_STAFF, roles.HEAD, roles.INSPECTOR})
FIGURES = (roles.HEAD, roles.INSPECTOR, roles.ADMIN)


def get_request(request, pk):
    return get_object_or_404(InfoRequest.objects.visible_to(request.user), pk=pk)


def get_request_to_act(request, pk):
    """A request the user may change: one of their own center's (county oversight only reads)."""
    r = get_request(request, pk)
    if not works_at(request.user, r.center_id):
        raise Http404
    return r


@role_required(*VIEWERS)
def request_list(request):
    form = RequestFilterForm(request.GET or None)
    today = timezone.localdate()
    rows = InfoRequest.objects.visible_to(request.user).for_list(today)
    status = 200
    if form.is_bound and not form.is_valid():
        rows, status = rows.none(), 400
    elif form.is_bound:
        state = form.cleaned_data["state"]
        if state == "open":
            rows = rows.filter(answered_at__isnull=True)
        elif state == "overdue":
            rows = rows.filter(answered_at__isnull=True, deadline__lt=today)
        elif state == "answered":
            rows = rows.filter(answered_at__isnull=False)
    return render(
        request,
        "inforequests/list.html",
        {
            "form": form,
            "page": paginate(request, rows, per_page=30),
            "sees_identity": bool(roles.roles_of(request.user) & IDENTITY_ROLES),
        },
        status=status,
    )


def _detail(request, r, answer_form=None, extend_form=None, status=200):
    held = roles.roles_of(request.user) if works_at(request.user, r.center_id) else frozenset()
    return render(
        request,
        "inforequests/detail.html",
        {
            "r": r,
            "overdue": r.is_overdue(),
            "sees_identity": bool(held & IDENTITY_ROLES),
            "can_answer": bool(held & set(HANDLERS)) and not r.is_answered,
            "can_extend": roles.HEAD in held and not r.is_answered and not r.extended_at,
            "answer_form": answer_form or AnswerForm(),
            "extend_form": extend_form or ExtendForm(),
        },
        status=status,
    )


@role_required(*VIEWERS)
def request_detail(request, pk):
    return _detail(request, get_request(request, pk))


@role_required(roles.HEAD)
@require_POST
def request_extend(request, pk):
    r = get_request_to_act(request, pk)
    form = ExtendForm(request.POST)
    if not form.is_valid():
        return _detail(request, r, extend_form=form, status=400)
    done = _("已批准延期20个工作日。")
    reason = form.cleaned_data["extension_reason"]
    then = ("intranet:info_request_detail", r.pk)
    return run_step(request, workflow.extend, r, reason, done=done, then=then)


@role_required(*HANDLERS)
@require_POST
def request_answer(request, pk):
    r = get_request_to_act(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _detail(request, r, answer_form=form, status=400)
    done = _("已答复，可打印告知书。")
    then = ("intranet:info_request_detail", r.pk)
    return run_step(request, workflow.answer, r, form.cleaned_data, done=done, then=then)


@role_required(*HANDLERS, roles.INSPECTOR)
def request_notice(request, pk):
    r = get_request(request, pk)
    if not r.is_answered:
        messages.error(request, _("尚未答复，不能打印告知书。"))
        return redirect("intranet:info_request_detail", r.pk)
    return render(
        request,
        "inforequests/notice.html",
        {"r": r, "printed_on": timezone.localdate(), "staff": r.answered_by},
    )


@role_required(*FIGURES)
def statistics(request):
    form = YearForm(request.GET)
    if not form.is_valid():
        return render(request, "inforequests/statistics.html", {"form": form}, status=400)
    figures = stats.year_figures(
        form.cleaned_data["year"], InfoRequest.objects.visible_to(request.user)
    )
    return render(request, "inforequests/statistics.html", {"form": form, "f": figures})


@role_required(*FIGURES)
def statistics_export(request):
    form = YearForm(request.GET)
    if not form.is_valid():
        return render(request, "inforequests/statistics.html", {"form": form}, status=400)
    year = form.cleaned_data["year"]
    response = HttpResponse(
        export.statistics_workbook(
            stats.year_figures(year, InfoRequest.objects.visible_to(request.user))
        ),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="info-requests-{year}.xlsx"'
    return response
