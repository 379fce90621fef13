"""/questions/new/ and /questions/track/: ask without an account, come back with the code.

The same protections as the complaint form: a per-address hourly limit counted before
the form is checked (typos are given back), a honeypot, and POST-only tracking with
failed look-ups counted, so codes stay out of history and logs and cannot be guessed."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from centers.models import Center
from intranet.questions import workflow
from intranet.questions.forms import QuestionForm, TrackForm
from intranet.questions.models import Question
from portal import rate_limits

SUBMIT_SCOPE = "question-submit"
TRACK_SCOPE = "question-track"


def _submit_limit():
    return getattr(settings, "QUESTION_SUBMIT_LIMIT", 5)


def _track_limit():
    return getattr(settings, "QUESTION_TRACK_FAILURE_LIMIT", 10)


@never_cache
@require_http_methods(["GET", "POST"])
def question_new(request):
    if request.method == "GET":
        form = QuestionForm(
            initial={"guide": request.GET.get("guide", "")[:12] or None},
            center=Center.for_request(request),
        )
        return render(request, "questions/public/new.html", {"form": form})
    limit = _submit_limit()
    bucket = rate_limits.ip_bucket(SUBMIT_SCOPE, request)
    form = QuestionForm(request.POST, center=Center.for_request(request))
    if limit and rate_limits.hit(bucket) > limit:
        message = _("提交次数过多，请一小时后再试，或拨打中心咨询电话。")
        return render(
            request, "questions/public/new.html", {"form": form, "error": message}, status=429
        )
    if not form.is_valid():
        if limit:
            rate_limits.release(bucket)
        return render(request, "questions/public/new.html", {"form": form}, status=400)
    data = form.cleaned_data
    if data["website"]:
        message = _("提交失败，请刷新页面后重试。")
        return render(
            request, "questions/public/new.html", {"form": form, "error": message}, status=400
        )
    question = workflow.receive(
        Question(
            center=Center.for_request(request),
            guide=data["guide"],
            content=data["content"],
            asker_name=data["asker_name"],
            asker_contact=data["asker_contact"],
            allow_publication=data["allow_publication"],
        )
    )
    return render(request, "questions/public/done.html", {"question": question})


@never_cache
@require_http_methods(["GET", "POST"])
def question_track(request):
    if request.method == "GET":
        return render(request, "questions/public/track.html", {"form": TrackForm()})
    bucket = rate_limits.ip_bucket(TRACK_SCOPE, request)
    # Counted as a failure first and given back when found, so parallel guesses all count.
    if rate_limits.hit(bucket) > _track_limit():
        rate_limits.release(bucket)
        return render(
            request,
            "questions/public/track.html",
            {"form": TrackForm(), "error": _("查询失败次数过多，请一小时后再试。")},
            status=429,
        )
    form = TrackForm(request.POST)
    question = None
    if form.is_valid():
        question = (
            Question.objects.select_related("guide").filter(code=form.cleaned_data["code"]).first()
        )
        if question is None:
            form.add_error("code", _("没有找到这个查询码，请核对后重新输入（注意字母与数字）。"))
        else:
            rate_limits.release(bucket)
    return render(
        request,
        "questions/public/track.html",
        {"form": form, "question": question},
        status=200 if question is not None else 400,
    )
