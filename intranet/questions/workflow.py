"""Every change of a question's state, each in one transaction on a locked row."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intranet.calendar.workdays import WorkCalendar
from intranet.questions.models import Question, new_question_code
from intranet.workflow_steps import TransitionError
from portal import cache_purge

DEFAULT_ANSWER_DAYS = 3


def answer_days():
    return getattr(settings, "QUESTION_ANSWER_WORKING_DAYS", DEFAULT_ANSWER_DAYS)


def receive(question):
    received = timezone.localtime(question.received_at).date()
    deadline = WorkCalendar.load().add_working_days(received, answer_days())
    question.due_on, question.due_provisional = deadline.date, deadline.provisional
    if question.guide_id and not question.department_id:
        question.department_id = question.guide.department_id
    for _attempt in range(5):
        question.code = new_question_code()
        try:
            with transaction.atomic():
                question.save()
            return question
        except IntegrityError:
            question.pk = None
    raise IntegrityError("could not find a free question code")


def _locked(question):
    return Question.objects.select_for_update().get(pk=question.pk)


def answer(question, user, text):
    with transaction.atomic():
        q = _locked(question)
        if q.state == Question.State.PUBLISHED:
            raise TransitionError(_("答复已公开，不能再修改。"))
        q.answer, q.answered_by, q.answered_at = text, user, timezone.now()
        q.state = Question.State.ANSWERED
        q.save(update_fields=["answer", "answered_by", "answered_at", "state"])
    return q


def publish(question, user):
    """The head's or an editor's review: the answer appears under the guide as 网友咨询."""
    with transaction.atomic():
        q = _locked(question)
        if q.state != Question.State.ANSWERED:
            raise TransitionError(_("只有已答复、尚未公开的咨询可以公开。"))
        if not q.allow_publication:
            raise TransitionError(_("咨询人不同意公开，不能公开。"))
        q.state, q.published_by, q.published_at = Question.State.PUBLISHED, user, timezone.now()
        q.save(update_fields=["state", "published_by", "published_at"])
        if q.guide_id:
            cache_purge.purge_page_ids([q.guide_id])
    return q


def promote_to_faq(question, user, faq_question, faq_answer):
    """A new draft revision of the guide with the answer added to 常见问题, for the usual review:
    nothing is published here."""
    from content.models.catalog import GuideFAQ

    with transaction.atomic():
        q = _locked(question)
        if q.state == Question.State.RECEIVED or q.guide_id is None:
            raise TransitionError(_("只有已答复、关联办事指南的咨询可以转为常见问题。"))
        guide = q.guide.specific.get_latest_revision_as_object()
        guide.faqs.add(GuideFAQ(question=faq_question, answer=faq_answer))
        revision = guide.save_revision(user=user, log_action=True)
        q.faq_revision = revision
        q.save(update_fields=["faq_revision"])
    return q
