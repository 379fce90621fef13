"""Staff views of the monthly evaluation. Staff see only their own score; the head and the
inspector see every window and person of their center; only the head changes anything, in
their own center. County oversight reads any center's months (``?center=<id>``)."""

import datetime as dt
from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from centers.models import Center, Membership
from centers.scoping import at_home, works_at
from intranet import roles
from intranet.access import role_required
from intranet.charts import bar_chart
from intranet.evaluation import county, cycle, export, yearly
from intranet.evaluation.facts import gather
from intranet.evaluation.forms import (
    AdjustForm,
    AnswerForm,
    GenerateForm,
    MentionForm,
    ObjectionForm,
    RuleFormSet,
    RuleSetForm,
)
from intranet.evaluation.models import (
    Honour,
    MonthlyEvaluation,
    Objection,
    Rule,
    RuleSet,
    ScoreEntry,
)

VIEWERS = (roles.WINDOW_STAFF, roles.HEAD, roles.INSPECTOR)
OVERSIGHT = (roles.HEAD, roles.INSPECTOR)

# The facts a figure links to, with the heading of the evidence page.
FACT_TITLES = {
    "received": gettext_lazy("收件"),
    "closed": gettext_lazy("办结"),
    "overdue": gettext_lazy("承诺件超期"),
    "second_supplements": gettext_lazy("再次补正（未一次性告知）"),
    "refusals_corrected": gettext_lazy("否定报备被纠正"),
    "ratings": gettext_lazy("好差评"),
    "bad_ratings": gettext_lazy("差评及回访"),
    "complaints_received": gettext_lazy("收到投诉"),
    "complaints_upheld": gettext_lazy("投诉查实"),
    "attendance": gettext_lazy("学习考勤"),
    "contacts_open": gettext_lazy("首问登记未跟进"),
}


def _oversees(user):
    return roles.has_role(user, *OVERSIGHT)


def _month(year, month):
    try:
        return dt.date(year, month, 1)
    except ValueError:
        raise Http404 from None


def viewed_center(request):
    """The center whose evaluation a page shows: ``?center=<id>`` among those the user may
    read (county oversight: any), else the user's own; an account without one sees none."""
    wanted = request.GET.get("center", "")
    own = Center.for_user(request.user)
    if wanted.isdigit() and Membership.oversees_all(request.user):
        return get_object_or_404(Center, pk=wanted)
    if own is None or (wanted and wanted != str(own.pk)):
        raise Http404
    return own


def center_query(request, center):
    """What links keep to stay on another center's evaluation ("" on the user's own)."""
    return "" if works_at(request.user, center.pk) else f"?center={center.pk}"


def _evaluation(request, year, month):
    return get_object_or_404(
        MonthlyEvaluation.objects.visible_to(request.user).select_related("center"),
        month=_month(year, month),
        center=viewed_center(request),
    )


def _evaluation_to_act(request, year, month):
    """A month the user may change: their own center's (county oversight only reads)."""
    return get_object_or_404(
        at_home(MonthlyEvaluation.objects.visible_to(request.user), request.user),
        month=_month(year, month),
    )


@role_required(*VIEWERS)
def month_list(request):
    evaluations = MonthlyEvaluation.objects.visible_to(request.user).select_related("center")
    form = GenerateForm(initial={"month": f"{cycle.previous_month():%Y-%m}"})
    return render(
        request,
        "evaluation/list.html",
        {
            "evaluations": evaluations,
            "form": form,
            "is_head": roles.has_role(request.user, roles.HEAD),
            "all_centers": Membership.oversees_all(request.user),
            "can_compare": _oversees(request.user),
        },
    )


@role_required(roles.HEAD)
@require_POST
def generate(request):
    form = GenerateForm(request.POST)
    if form.is_valid():
        try:
            evaluation = cycle.generate(cycle.parse_month(form.cleaned_data["month"]), request.user)
        except cycle.CycleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("已生成考评初稿，工作人员可在异议期内提出异议。"))
            return redirect(
                "intranet:evaluation_month", evaluation.month.year, evaluation.month.month
            )
    else:
        for errors in form.errors.values():
            messages.error(request, errors[0])
    return redirect("intranet:evaluation_list")


@role_required(*VIEWERS)
def month_detail(request, year, month):
    evaluation = _evaluation(request, year, month)
    entries = evaluation.entries.select_related(
        "window", "person", "person_window"
    ).prefetch_related("objections__author", "objections__answered_by")
    oversees = _oversees(request.user)
    if not oversees:
        entries = entries.filter(person=request.user)
    entries = list(entries)
    today = timezone.localdate()
    # County oversight reading another center's month is offered nothing to change.
    acts = works_at(request.user, evaluation.center_id)
    return render(
        request,
        "evaluation/month.html",
        {
            "evaluation": evaluation,
            "windows": [e for e in entries if e.window_id],
            "people": [e for e in entries if e.person_id],
            "oversees": oversees,
            "is_head": acts and roles.has_role(request.user, roles.HEAD),
            "cq": center_query(request, evaluation.center),
            "may_object": acts
            and not evaluation.is_confirmed
            and today <= evaluation.objection_deadline
            and any(e.person_id == request.user.pk for e in entries),
            "objection_form": ObjectionForm(),
            "answer_form": AnswerForm(),
            "adjust_form": AdjustForm(center=evaluation.center),
            "mention_choices": ScoreEntry.Mention.choices,
            "publish_choices": MonthlyEvaluation.PeoplePublished.choices,
            "corrections": cycle.later_corrections(evaluation),
        },
    )


@role_required(*VIEWERS)
def records(request, year, month, target, pk, fact):
    """The records behind one figure, each linking to its own page."""
    evaluation = _evaluation(request, year, month)
    if target not in ("window", "person") or fact not in FACT_TITLES:
        raise Http404
    if not _oversees(request.user) and (target != "person" or pk != request.user.pk):
        raise Http404
    entry = get_object_or_404(
        evaluation.entries.select_related("window", "person"),
        **({"window_id": pk} if target == "window" else {"person_id": pk}),
    )
    rows = gather(evaluation.month, evaluation.center).summary(target, pk).records.get(fact, [])
    return render(
        request,
        "evaluation/records.html",
        {
            "evaluation": evaluation,
            "entry": entry,
            "title": FACT_TITLES[fact],
            "rows": rows,
            "cq": center_query(request, evaluation.center),
        },
    )


@role_required(roles.WINDOW_STAFF)
@require_POST
def object_to(request, year, month):
    evaluation = _evaluation_to_act(request, year, month)
    form = ObjectionForm(request.POST)
    if form.is_valid():
        try:
            cycle.object_to(evaluation, request.user, form.cleaned_data["text"])
        except cycle.CycleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("异议已提交，中心负责人答复后将在此显示。"))
    else:
        messages.error(request, _("请写明异议内容。"))
    return redirect("intranet:evaluation_month", year, month)


@role_required(roles.HEAD)
@require_POST
def answer(request, pk):
    objection = get_object_or_404(
        at_home(
            Objection.objects.select_related("entry__evaluation"),
            request.user,
            field="entry__evaluation__center",
        ),
        pk=pk,
    )
    month = objection.entry.evaluation.month
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            cycle.answer(objection, request.user, form.cleaned_data["answer"])
        except cycle.CycleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("已答复。"))
    else:
        messages.error(request, _("请填写答复内容。"))
    return redirect("intranet:evaluation_month", month.year, month.month)


@role_required(roles.HEAD)
@require_POST
def adjust(request, year, month):
    evaluation = _evaluation_to_act(request, year, month)
    form = AdjustForm(request.POST, center=evaluation.center)
    if form.is_valid():
        window, person = form.target_objects()
        try:
            cycle.adjust(
                evaluation,
                request.user,
                form.cleaned_data["points"],
                form.cleaned_data["reason"],
                window=window,
                person=person,
                rule=form.cleaned_data["rule"],
                record_key=form.cleaned_data["record"],
            )
        except cycle.CycleError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("已登记为更正项（本月已确认，得分不变）。")
                if evaluation.is_confirmed
                else _("已调整。"),
            )
    else:
        for errors in form.errors.values():
            messages.error(request, errors[0])
    return redirect("intranet:evaluation_month", year, month)


@role_required(roles.HEAD)
@require_POST
def mention(request, pk):
    entry = get_object_or_404(
        at_home(
            ScoreEntry.objects.select_related("evaluation"),
            request.user,
            field="evaluation__center",
        ),
        pk=pk,
    )
    month = entry.evaluation.month
    form = MentionForm(request.POST)
    if form.is_valid():
        try:
            cycle.mention(
                entry, request.user, form.cleaned_data["kind"], form.cleaned_data["reason"]
            )
        except cycle.CycleError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("请选择通报类别。"))
    return redirect("intranet:evaluation_month", month.year, month.month)


@role_required(roles.HEAD)
@require_POST
def confirm(request, year, month):
    evaluation = _evaluation_to_act(request, year, month)
    try:
        cycle.confirm(
            evaluation, request.user, people_published=request.POST.get("people_published", "")
        )
    except cycle.CycleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("本月考评已确认并冻结。"))
    return redirect("intranet:evaluation_month", year, month)


def _month_charts(evaluation, entries, cq=""):
    windows = [e for e in entries if e.window_id]
    y, m = evaluation.month.year, evaluation.month.month

    def records_url(entry, fact):
        return reverse("intranet:evaluation_records", args=[y, m, "window", entry.window_id, fact])

    month_url = reverse("intranet:evaluation_month", args=[y, m]) + cq
    score = bar_chart(
        _("各窗口当月得分"),
        [(e.window.name, [(e.total, f"{month_url}#entry-{e.pk}")]) for e in windows],
        unit=_("分"),
    )
    service = bar_chart(
        _("各窗口按期办结率与满意率"),
        [
            (
                e.window.name,
                [(e.figures.get("on_time_share"), "#"), (e.figures.get("satisfied_share"), "#")],
            )
            for e in windows
        ],
        series_names=[_("按期办结率"), _("满意及以上")],
        unit="%",
        max_value=100,
    )
    return [score, service]


@role_required(*OVERSIGHT)
def bulletin(request, year, month):
    """The monthly 通报 as an A4 page in the letterhead style of the 一次性告知单."""
    evaluation = _evaluation(request, year, month)
    entries = list(evaluation.entries.select_related("window", "person", "person_window"))
    return render(
        request,
        "evaluation/bulletin.html",
        {
            "evaluation": evaluation,
            "cq": center_query(request, evaluation.center),
            "windows": [e for e in entries if e.window_id],
            "people": [e for e in entries if e.person_id],
            "praised": [e for e in entries if e.mention == ScoreEntry.Mention.PRAISE],
            "criticised": [e for e in entries if e.mention == ScoreEntry.Mention.CRITICISE],
            "charts": _month_charts(evaluation, entries, center_query(request, evaluation.center)),
            "printed_on": timezone.localdate(),
        },
    )


@role_required(*OVERSIGHT)
def bulletin_export(request, year, month):
    """The bulletin's tables as an Excel workbook; the same people may open it as the page."""
    evaluation = _evaluation(request, year, month)
    response = HttpResponse(
        export.bulletin_workbook(evaluation),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = quote(f"效能考评通报-{evaluation.month:%Y-%m}.xlsx")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


@role_required(*OVERSIGHT)
def year_view(request, year):
    center = viewed_center(request)
    windows, people = yearly.year_table(year, center)
    eligible_windows, eligible_people = yearly.eligible(windows, people)
    return render(
        request,
        "evaluation/year.html",
        {
            "year": year,
            "months": range(1, 13),
            "windows": windows,
            "people": people,
            "overdue_flag_at": yearly.OVERDUE_FLAG_AT,
            "eligible_windows": eligible_windows,
            "eligible_people": eligible_people,
            "center": center,
            "honours": Honour.objects.filter(center=center, year=year).select_related(
                "window", "person"
            ),
            "honour_kinds": Honour.Kind.choices,
            "is_head": works_at(request.user, center.pk)
            and roles.has_role(request.user, roles.HEAD),
        },
    )


@role_required(roles.HEAD)
@require_POST
def choose_honour(request, year):
    try:
        yearly.choose(
            year,
            request.user,
            request.POST.get("kind", ""),
            request.POST.get("subject", ""),
            request.POST.get("reason", ""),
        )
    except cycle.CycleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已记录评选结果。"))
    return redirect("intranet:evaluation_year", year)


@role_required(roles.HEAD)
def rules(request):
    """Edit the rules: saving creates a version effective from the chosen month."""
    center = Center.for_user(request.user)
    if center is None:
        raise Http404
    current = RuleSet.objects.in_force(timezone.localdate(), center)
    queryset = current.rules.all() if current else Rule.objects.none()
    formset = RuleFormSet(request.POST or None, queryset=queryset)
    header = RuleSetForm(
        request.POST or None,
        initial={
            "effective_from": f"{timezone.localdate():%Y-%m}",
            "base_score": current.base_score if current else 100,
        },
    )
    if request.method == "POST" and formset.is_valid() and header.is_valid():
        kept = [
            form.save(commit=False)
            for form in formset.forms
            if form.has_changed() or form.instance.pk
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            ruleset = cycle.save_rules(
                request.user,
                cycle.parse_month(header.cleaned_data["effective_from"]),
                header.cleaned_data["base_score"],
                header.cleaned_data["note"],
                kept,
            )
        except cycle.CycleError as error:
            header.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("已保存规则版本，自 %(m)s 起生效。") % {"m": f"{ruleset.effective_from:%Y-%m}"},
            )
            return redirect("intranet:evaluation_rules")
    return render(
        request,
        "evaluation/rules.html",
        {
            "current": current,
            "formset": formset,
            "header": header,
            "versions": RuleSet.objects.filter(center=center),
        },
    )


@role_required(*OVERSIGHT)
def county_view(request):
    """考核评比: a month's figures of every center in reach side by side (county oversight sees
    them all; a center's head or inspector sees their own row)."""
    month = cycle.previous_month()
    if request.GET.get("month"):
        try:
            month = cycle.parse_month(request.GET["month"])
        except cycle.CycleError as error:
            messages.error(request, str(error))
    return render(
        request,
        "evaluation/county.html",
        {"month": month, "rows": county.center_rows(request.user, month)},
    )
