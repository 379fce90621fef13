"""Public complaint intake (/complaints/new/), tracking (/complaints/track/) and published results."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from intranet import complaint_workflow
from intranet.locked_database import DatabaseBusy, write_when_free
from intranet.models import Complaint
from intranet.pagination import paginate
from portal import rate_limits
from portal.complaint_forms import PublicComplaintForm, TrackForm

SUBMIT_LIMIT = 5  # complaints per IP per hour; settings.COMPLAINT_SUBMIT_LIMIT overrides, 0 = off
SUBMIT_SCOPE = "complaint-submit"
TRACK_FAILURE_LIMIT = 10  # unknown codes per IP per hour, against guessing
TRACK_SCOPE = "complaint-track"


def submit_limit():
    return getattr(settings, "COMPLAINT_SUBMIT_LIMIT", SUBMIT_LIMIT)


def _busy(request):
    """The database stayed locked: nothing was stored; give the citizen their text back."""
    # Files cannot be put back into a file input; the text can.
    form = PublicComplaintForm(request.POST)
    message = _(
        "系统繁忙，您的投诉暂未保存。您填写的内容已保留在下方，请稍等片刻后再次提交"
        "（附件需要重新选择）；如情况紧急，请拨打监督投诉电话。"
    )
    return render(
        request, "portal/complaint_new.html", {"form": form, "error": message}, status=503
    )


@never_cache
def complaint_new(request):
    if request.method == "POST":
        limit = submit_limit()
        bucket = rate_limits.ip_bucket(SUBMIT_SCOPE, request)
        # Count first, then decide: a check followed by a later write lets parallel
        # requests all pass the check (19 of 30 stored against a limit of 5).
        try:
            hits = write_when_free(lambda: rate_limits.hit(bucket)) if limit else 0
        except DatabaseBusy:
            return _busy(request)
        if limit and hits > limit:
            # Keep what was typed (files cannot be kept) so nothing has to be written again.
            form = PublicComplaintForm(request.POST)
            message = _("提交次数过多，请一小时后再试，或拨打监督投诉电话。")
            return render(
                request, "portal/complaint_new.html", {"form": form, "error": message}, status=429
            )
        form = PublicComplaintForm(request.POST, request.FILES)
        valid = form.is_valid()
        if limit and not valid and "attachments" not in form.errors:
            # A typo (content too short, a bad date) is not an attempt worth counting;
            # refused uploads are, like the honeypot and oversized requests.
            rate_limits.release(bucket)
        if valid:
            if form.cleaned_data["website"]:
                # A bot filled the hidden field: store nothing, tell it nothing useful.
                message = _("提交失败，请刷新页面后重试。")
                return render(
                    request,
                    "portal/complaint_new.html",
                    {"form": form, "error": message},
                    status=400,
                )
            data = form.cleaned_data

            def store():
                # A fresh instance each attempt: a failed attempt may have set pk and code.
                complaint = Complaint(
                    channel=Complaint.Channel.ONLINE,
                    content=data["content"],
                    target_window=data["target_window"],
                    target_description=data["target_description"],
                    occurred_on=data["occurred_on"],
                    complainant_name=data["complainant_name"],
                    complainant_phone=data["complainant_phone"],
                )
                return complaint_workflow.receive(complaint, data["attachments"])

            try:
                complaint = write_when_free(store)
            except DatabaseBusy:
                return _busy(request)
            return render(request, "portal/complaint_done.html", {"complaint": complaint})
    else:
        form = PublicComplaintForm()
    return render(request, "portal/complaint_new.html", {"form": form})


@never_cache
def complaint_track(request):
    """GET ?code=… so a citizen can bookmark the result; failures are counted per IP."""
    complaint = None
    bucket = rate_limits.ip_bucket(TRACK_SCOPE, request)
    form = TrackForm(request.GET if "code" in request.GET else None)
    status = 200
    error = ""
    if form.is_bound:
        # Every lookup is counted as a failure first and given back when it finds a
        # complaint, so that parallel guesses cannot all slip under the limit.
        if rate_limits.hit(bucket) > TRACK_FAILURE_LIMIT:
            rate_limits.release(bucket)
            form = TrackForm()
            error = _("查询失败次数过多，请一小时后再试。")
            status = 429
        elif form.is_valid():
            complaint = (
                Complaint.objects.select_related("target_window")
                .filter(code=form.cleaned_data["code"])
                .first()
            )
            if complaint is not None:
                rate_limits.release(bucket)
            else:
                form.add_error(
                    "code", _("没有找到这个查询码，请核对后重新输入（注意字母与数字）。")
                )
    events = (
        complaint.events.filter(is_public=True).only("at", "action", "public_text")
        if complaint
        else []
    )
    return render(
        request,
        "portal/complaint_track.html",
        {"form": form, "complaint": complaint, "events": events, "error": error},
        status=status,
    )


def complaint_results(request):
    qs = (
        Complaint.objects.filter(status=Complaint.Status.CLOSED, published_at__isnull=False)
        .only("category", "received_at", "closed_at", "outcome", "public_summary", "published_at")
        .order_by("-published_at")
    )
    return render(
        request, "portal/complaint_results.html", {"page": paginate(request, qs, per_page=20)}
    )
