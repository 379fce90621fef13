"""Every change of an information request, each in one transaction on a locked row."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intranet.calendar.workdays import WorkCalendar
from intranet.inforequests.models import (
    ANSWER_WORKING_DAYS,
    EXTENSION_WORKING_DAYS,
    InfoRequest,
    new_request_code,
)
from intranet.workflow_steps import TransitionError


def receive(info_request):
    received = timezone.localtime(info_request.received_at).date()
    deadline = WorkCalendar.load().add_working_days(received, ANSWER_WORKING_DAYS)
    info_request.deadline, info_request.deadline_provisional = deadline.date, deadline.provisional
    for _attempt in range(5):
        info_request.code = new_request_code()
        try:
            with transaction.atomic():
                info_request.save()
            return info_request
        except IntegrityError:
            info_request.pk = None
    raise IntegrityError("could not find a free request code")


def _locked(info_request):
    return InfoRequest.objects.select_for_update().get(pk=info_request.pk)


def extend(info_request, head, reason):
    """The head approves the one extension the 条例 allows, by 20 working days, with a reason."""
    with transaction.atomic():
        r = _locked(info_request)
        if r.answered_at:
            raise TransitionError(_("该申请已答复，不能延期。"))
        if r.extended_at:
            raise TransitionError(_("该申请已延期过一次，依法不能再次延期。"))
        deadline = WorkCalendar.load().add_working_days(r.deadline, EXTENSION_WORKING_DAYS)
        r.deadline, r.deadline_provisional = deadline.date, deadline.provisional
        r.extended_at, r.extended_by, r.extension_reason = timezone.now(), head, reason
        r.save(
            update_fields=[
                "deadline",
                "deadline_provisional",
                "extended_at",
                "extended_by",
                "extension_reason",
            ]
        )
    return r


def answer(info_request, user, data):
    with transaction.atomic():
        r = _locked(info_request)
        if r.answered_at:
            raise TransitionError(_("该申请已答复。"))
        for field in ("outcome", "answer_text", "reason", "legal_basis", "right_body"):
            setattr(r, field, data[field])
        r.answered_at, r.answered_by = timezone.now(), user
        r.save(
            update_fields=[
                "outcome",
                "answer_text",
                "reason",
                "legal_basis",
                "right_body",
                "answered_at",
                "answered_by",
            ]
        )
    return r
