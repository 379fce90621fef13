"""/info-requests/new/ and /info-requests/track/: the citizen's side of 依申请公开.

The same protections as the complaint form: a per-address hourly limit counted before the
form is checked (typos are given back), a honeypot, and POST-only tracking with failed
look-ups counted, so codes stay out of history and logs and cannot be guessed."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from centers.models import Center
from intranet.inforequests import workflow
from intranet.inforequests.forms import RequestForm, TrackForm
from intranet.inforequests.models import InfoRequest
from portal import rate_limits

SUBMIT_SCOPE = "info-request-submit"
TRACK_SCOPE = "info-request-track"


def _submit_limit():
    return getattr(settings, "INFO_REQUEST_SUBMIT_LIMIT", 5)


def _track_limit():
    return getattr(settings, "INFO_REQUEST_TRACK_FAILURE_LIMIT", 10)


@never_cache
@require_http_methods(["GET", "POST"])
def request_new(request):
    template = "inforequests/public/new.html"
    if request.method == "GET":
        return render(request, template, {"form": RequestForm()})
    limit = _submit_limit()
    bucket = rate_limits.ip_bucket(SUBMIT_SCOPE, request)
    form = RequestForm(request.POST)
    if limit and rate_limits.hit(bucket) > limit:
        message = _("提交次数过多，请一小时后再试，或到中心当面提交申请。")
        return render(request, template, {"form": form, "error": message}, status=429)
    if not form.is_valid():
        if limit:
            rate_limits.release(bucket)
        return render(request, template, {"form": form}, status=400)
    if form.cleaned_data["website"]:
        message = _("提交失败，请刷新页面后重试。")
        return render(request, template, {"form": form, "error": message}, status=400)
    info_request = form.save(commit=False)
    info_request.center = Center.for_request(request)
    info_request = workflow.receive(info_request)
    return render(request, "inforequests/public/done.html", {"r": info_request})


@never_cache
@require_http_methods(["GET", "POST"])
def request_track(request):
    template = "inforequests/public/track.html"
    if request.method == "GET":
        return render(request, template, {"form": TrackForm()})
    bucket = rate_limits.ip_bucket(TRACK_SCOPE, request)
    # Counted as a failure first and given back when found, so parallel guesses all count.
    if rate_limits.hit(bucket) > _track_limit():
        rate_limits.release(bucket)
        return render(
            request,
            template,
            {"form": TrackForm(), "error": _("查询失败次数过多，请一小时后再试。")},
            status=429,
        )
    form = TrackForm(request.POST)
    found = None
    if form.is_valid():
        found = InfoRequest.objects.filter(code=form.cleaned_data["code"]).first()
        if found is None:
            form.add_error("code", _("没有找到这个查询码，请核对后重新输入（注意字母与数字）。"))
        else:
            rate_limits.release(bucket)
    return render(
        request, template, {"form": form, "r": found}, status=200 if found is not None else 400
    )
