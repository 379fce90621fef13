"""Staff pages of questions: the list (overdue first), one question, answer, review, FAQ."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from centers.scoping import works_at
from intranet import roles
from intranet.access import role_required
from intranet.questions import workflow
from intranet.questions.forms import AnswerForm, FaqForm, QuestionFilterForm
from intranet.questions.models import Question
from intranet.workflow_steps import run_step
from portal.pagination import paginate

VIEWERS = (roles.WINDOW_STAFF, roles.HEAD, roles.INSPECTOR, roles.EDITOR, roles.ADMIN)
ANSWERERS = frozenset({roles.WINDOW_STAFF, roles.HEAD})
REVIEWERS = frozenset({roles.HEAD, roles.EDITOR})
# Who handles a question sees who asked it; editors and administrators only see the text.
IDENTITY_ROLES = frozenset({roles.WINDOW_STAFF, roles.HEAD, roles.INSPECTOR})


def get_question(request, pk):
    """A question the user may see; anything else is a 404 so ids cannot be probed."""
    return get_object_or_404(
        Question.objects.visible_to(request.user).select_related("guide", "department"), pk=pk
    )


def get_question_to_act(request, pk):
    """A question the user may change: one of their own center's (county oversight only reads)."""
    question = get_question(request, pk)
    if not works_at(request.user, question.center_id):
        raise Http404
    return question


@role_required(*VIEWERS)
def question_list(request):
    form = QuestionFilterForm(request.GET or None)
    today = timezone.localdate()
    questions = Question.objects.visible_to(request.user).for_list(today)
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
        questions = questions.none()
    elif form.is_bound:
        if form.cleaned_data["state"]:
            questions = questions.filter(state=form.cleaned_data["state"])
        if form.cleaned_data["overdue"]:
            questions = questions.filter(state=Question.State.RECEIVED, due_on__lt=today)
    page = paginate(request, questions, per_page=30)
    return render(
        request,
        "questions/list.html",
        {
            "form": form,
            "page": page,
            "today": today,
        },
        status=status,
    )


def _detail(request, question, answer_form=None, faq_form=None, status=200):
    at_home = works_at(request.user, question.center_id)
    held = roles.roles_of(request.user) if at_home else frozenset()
    return render(
        request,
        "questions/detail.html",
        {
            "q": question,
            "today": timezone.localdate(),
            "sees_identity": bool(held & IDENTITY_ROLES),
            "can_answer": bool(held & ANSWERERS) and question.state != Question.State.PUBLISHED,
            "can_publish": bool(held & REVIEWERS)
            and question.state == Question.State.ANSWERED
            and question.allow_publication,
            "can_promote": roles.EDITOR in held
            and question.guide_id
            and question.state != Question.State.RECEIVED,
            "answer_form": answer_form or AnswerForm(initial={"answer": question.answer}),
            "faq_form": faq_form
            or FaqForm(initial={"question": question.content[:500], "answer": question.answer}),
        },
        status=status,
    )


@role_required(*VIEWERS)
def question_detail(request, pk):
    return _detail(request, get_question(request, pk))


@role_required(*ANSWERERS)
@require_POST
def question_answer(request, pk):
    question = get_question_to_act(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _detail(request, question, answer_form=form, status=400)
    return run_step(
        request,
        workflow.answer,
        question,
        form.cleaned_data["answer"],
        done=_("已答复。"),
        then=("intranet:question_detail", question.pk),
    )


@role_required(*REVIEWERS)
@require_POST
def question_publish(request, pk):
    question = get_question_to_act(request, pk)
    done = _("已审核公开，答复显示在办事指南下的“网友咨询”中。")
    return run_step(
        request,
        workflow.publish,
        question,
        done=done,
        then=("intranet:question_detail", question.pk),
    )


@role_required(roles.EDITOR)
@require_POST
def question_faq(request, pk):
    question = get_question_to_act(request, pk)
    form = FaqForm(request.POST)
    if not form.is_valid():
        return _detail(request, question, faq_form=form, status=400)
    done = _("已生成办事指南的新版本草稿，请在管理后台审核发布。")
    data = form.cleaned_data
    return run_step(
        request,
        workflow.promote_to_faq,
        question,
        data["question"],
        data["answer"],
        done=done,
        then=("intranet:question_detail", question.pk),
    )
