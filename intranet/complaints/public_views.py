"""Public complaint intake (/complaints/new/), receipt, tracking and published results."""

from captcha.models import CaptchaStore
from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from centers.models import Center
from intranet.complaints import notices as complaint_notices
from intranet.complaints import workflow as complaint_workflow
from intranet.complaints.models import Complaint
from intranet.complaints.public_forms import PublicComplaintForm, TrackForm, guide_initial
from portal import rate_limits
from portal.locked_database import DatabaseBusy
from portal.pagination import PUBLIC_PER_PAGE, paginate

SUBMIT_SCOPE = "complaint-submit"
TRACK_FAILURE_LIMIT = 10  # unknown codes per IP per hour, against guessing
TRACK_SCOPE = "complaint-track"
RECEIPT_SALT = "portal.complaint-receipt"


def submit_limit():
    """The hard ceiling per address and hour (0 = no counting at all)."""
    return settings.COMPLAINT_SUBMIT_LIMIT


def free_submissions():
    return settings.COMPLAINT_FREE_SUBMISSIONS


def _page(request, form, challenge, error="", status=200):
    context = {"form": form, "error": error}
    if challenge:
        # A fresh challenge every time the form is shown: a used one is deleted on success,
        # and the ones shown but never answered are deleted here once expired, so the table
        # stays as small as the challenges of the last few minutes.
        CaptchaStore.remove_expired()
        key = CaptchaStore.generate_key()
        context["captcha_key"] = key
        context["captcha_image"] = reverse("captcha-image", kwargs={"key": key})
    return render(request, "complaints/public/new.html", context, status=status)


def _busy(request, challenge):
    """The database stayed locked: nothing was stored; give the citizen their text back."""
    # Files cannot be put back into a file input; the text can.
    message = _(
        "系统繁忙，您的投诉暂未保存。您填写的内容已保留在下方，请稍等片刻后再次提交"
        "（附件需要重新选择）；如情况紧急，请拨打监督投诉电话。"
    )
    return _page(
        request,
        PublicComplaintForm(request.POST, center=Center.for_request(request)),
        challenge,
        message,
        status=503,
    )


def receipt_token(complaint):
    return signing.dumps(complaint.pk, salt=RECEIPT_SALT)


@never_cache
def complaint_new(request):
    limit = submit_limit()
    bucket = rate_limits.ip_bucket(SUBMIT_SCOPE, request)
    if request.method != "POST":
        challenge = bool(limit) and rate_limits.count(bucket) >= free_submissions()
        center = Center.for_request(request)
        initial = guide_initial(request.GET.get("guide", ""), center)
        return _page(
            request,
            PublicComplaintForm(center=center, challenge=challenge, initial=initial),
            challenge,
        )
    # Count first, then decide: a check followed by a later write lets parallel
    # requests all pass the check (19 of 30 stored against a limit of 5).
    try:
        hits = rate_limits.hit(bucket) if limit else 0
    except DatabaseBusy:
        return _busy(request, challenge=False)
    challenge = bool(limit) and hits > free_submissions()
    if limit and hits > limit:
        # Keep what was typed (files cannot be kept) so nothing has to be written again.
        message = _("提交次数过多，请一小时后再试，或拨打监督投诉电话。")
        return _page(
            request,
            PublicComplaintForm(request.POST, center=Center.for_request(request)),
            False,
            message,
            status=429,
        )
    form = PublicComplaintForm(
        request.POST, request.FILES, center=Center.for_request(request), challenge=challenge
    )
    valid = form.is_valid()
    if limit and not valid and not ({"attachments", "captcha"} & set(form.errors)):
        # A typo (content too short, a bad date) is not an attempt worth counting;
        # refused uploads and wrong challenge answers are, like the honeypot.
        rate_limits.release(bucket)
    if not valid:
        return _page(request, form, challenge)
    if form.cleaned_data["website"]:
        # A bot filled the hidden field: store nothing, tell it nothing useful.
        return _page(request, form, challenge, _("提交失败，请刷新页面后重试。"), status=400)
    data = form.cleaned_data

    complaint = Complaint(
        center=Center.for_request(request),
        channel=Complaint.Channel.ONLINE,
        content=data["content"],
        target_window=data["target_window"],
        target_staff=data["target_staff"],
        target_description=data["target_description"],
        occurred_on=data["occurred_on"],
        complainant_name=data["complainant_name"],
        complainant_phone=data["complainant_phone"],
        complainant_email=data["complainant_email"],
        wants_notices=data["wants_notices"],
    )
    try:
        complaint_workflow.receive_when_free(complaint, data["attachments"])
    except DatabaseBusy:
        return _busy(request, challenge)
    complaint_notices.received(complaint)
    # Post/redirect/get: refreshing the receipt shows it again instead of filing twice.
    return redirect("portal:complaint_receipt", token=receipt_token(complaint))


@never_cache
def complaint_receipt(request, token):
    """The code and deadline, reopenable from the link for COMPLAINT_RECEIPT_MAX_AGE."""
    try:
        pk = signing.loads(token, salt=RECEIPT_SALT, max_age=settings.COMPLAINT_RECEIPT_MAX_AGE)
    except signing.SignatureExpired:
        return render(request, "complaints/public/receipt.html", {"expired": True}, status=410)
    except signing.BadSignature as e:
        raise Http404 from e
    complaint = Complaint.objects.filter(pk=pk).only("code", "deadline", "deadline_provisional")
    complaint = complaint.first()
    if complaint is None:
        raise Http404
    return render(request, "complaints/public/receipt.html", {"complaint": complaint})


@never_cache
def complaint_track(request):
    """Codes come by POST only, so they stay out of browser history and server logs."""
    complaint = None
    bucket = rate_limits.ip_bucket(TRACK_SCOPE, request)
    form = TrackForm(request.POST if request.method == "POST" else None)
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
        "complaints/public/track.html",
        {"form": form, "complaint": complaint, "events": events, "error": error},
        status=status,
    )


def complaint_results(request):
    qs = (
        Complaint.objects.filter(
            center=Center.for_request(request),
            status=Complaint.Status.CLOSED,
            published_at__isnull=False,
        )
        .only("category", "received_at", "closed_at", "outcome", "public_summary", "published_at")
        .order_by("-published_at")
    )
    return render(
        request,
        "complaints/public/results.html",
        {"page": paginate(request, qs, per_page=PUBLIC_PER_PAGE)},
    )
