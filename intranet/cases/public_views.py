"""/progress/: a citizen looks up a case by receipt number and phone digits, and rates it.

POST only for look-ups, so receipt numbers do not land in browser history or server logs;
failed look-ups are counted per address and lock the form for an hour, as complaint tracking."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from intranet.cases import workflow
from intranet.cases.forms import ProgressForm, RatingForm
from intranet.cases.models import Case, Rating
from portal import rate_limits

SCOPE = "case-progress"


def _limit():
    return getattr(settings, "CASES_PROGRESS_FAILURE_LIMIT", 10)


def _locked_out(request):
    """Count this look-up first (parallel guesses cannot slip under the limit); True when over."""
    bucket = rate_limits.ip_bucket(SCOPE, request)
    if rate_limits.hit(bucket) > _limit():
        rate_limits.release(bucket)
        return True
    return False


def _find(request, form):
    """The case for a valid form, or None; a look-up counts as a failure unless it finds one."""
    case = (
        Case.objects.select_related("guide", "window")
        .filter(
            receipt_number=form.cleaned_data["receipt_number"],
            phone_last4=form.cleaned_data["phone_last4"],
        )
        .first()
    )
    if case is None:
        form.add_error(None, _("没有找到该办件，请核对受理编号和电话后四位。"))
    else:
        # Found: this look-up was no guess, give its count back.
        rate_limits.release(rate_limits.ip_bucket(SCOPE, request))
    return case


def _context(case, form):
    """Only what the public may read: no names, ID numbers, phones or internal notes."""
    context = {"form": form, "case": case}
    if case is not None:
        context["events"] = list(
            case.events.filter(is_public=True).values("at", "action", "public_text")
        )
        rating = Rating.objects.filter(case=case).select_related("follow_up").first()
        context["rating"] = rating
        context["followed_up"] = bool(
            rating and hasattr(rating, "follow_up") and rating.follow_up.closed_at
        )
        if case.state in Case.CLOSED_STATES and rating is None:
            context["rating_form"] = RatingForm(
                initial={
                    "receipt_number": case.receipt_number,
                    "phone_last4": case.phone_last4,
                }
            )
    return context


@never_cache
@require_http_methods(["GET", "POST"])
def progress(request):
    if request.method == "GET":
        return render(request, "cases/public/progress.html", {"form": ProgressForm()})
    if _locked_out(request):
        return render(
            request,
            "cases/public/progress.html",
            {"form": ProgressForm(), "error": _("查询失败次数过多，请一小时后再试。")},
            status=429,
        )
    form = ProgressForm(request.POST)
    case = _find(request, form) if form.is_valid() else None
    return render(
        request,
        "cases/public/progress.html",
        _context(case, form),
        status=200 if case is not None else 400,
    )


@never_cache
@require_POST
def rate(request):
    if _locked_out(request):
        return render(
            request,
            "cases/public/progress.html",
            {"form": ProgressForm(), "error": _("查询失败次数过多，请一小时后再试。")},
            status=429,
        )
    form = RatingForm(request.POST)
    if not form.is_valid():
        case = None
        if not (form.errors.keys() & {"receipt_number", "phone_last4"}):
            case = _find(request, form)
        context = _context(case, ProgressForm(request.POST))
        if case is not None:
            context["rating_form"] = form
        return render(request, "cases/public/progress.html", context, status=400)
    case = _find(request, form)
    if case is None:
        return render(request, "cases/public/progress.html", _context(None, form), status=400)
    try:
        workflow.rate(case, form.cleaned_data["level"], form.cleaned_data["comment"])
    except workflow.TransitionError as error:
        context = _context(case, ProgressForm(request.POST))
        context["error"] = str(error)
        return render(request, "cases/public/progress.html", context, status=400)
    context = _context(case, ProgressForm(request.POST))
    context["thanks"] = True
    return render(request, "cases/public/progress.html", context)
