"""Each step of a complaint's handling; each writes the timeline in the same transaction.

Who may take a step in which state is in intranet/complaints/rules.py."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intranet.calendar.workdays import WorkCalendar
from intranet.complaints import notices as complaint_notices
from intranet.complaints import rules
from intranet.complaints.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintEvent,
    DeadlineExtension,
    IdentityAccessLog,
)
from portal.locked_database import write_when_free


def log_event(complaint, actor, action, public_text="", internal_note="", is_public=False):
    return ComplaintEvent.objects.create(
        complaint=complaint,
        actor=actor,
        action=action,
        public_text=public_text,
        internal_note=internal_note,
        is_public=is_public,
    )


def log_identity_access(complaint, user):
    IdentityAccessLog.objects.create(complaint=complaint, user=user)


@transaction.atomic
def receive(complaint, files, actor=None, late_entry_reason=""):
    """Store a new complaint with its files; the tracking code is unique or nothing is stored."""
    complaint.set_deadline()
    complaint.save_with_new_code()
    for f in files:
        ComplaintAttachment.objects.create(
            complaint=complaint,
            file=f,
            original_name=f.name[:200],
            content_type=getattr(f, "sniffed_type", ""),
        )
    log_event(
        complaint,
        actor,
        _("收到投诉"),
        public_text=_("您的投诉已收到（%(channel)s），我们将按规定时限处理。")
        % {"channel": complaint.get_channel_display()},
        internal_note=_("补录：收到时间早于一年前，原因：%(r)s") % {"r": late_entry_reason}
        if late_entry_reason
        else "",
        is_public=True,
    )
    return complaint


def receive_when_free(complaint, files, actor=None, late_entry_reason=""):
    """receive(), tried again while SQLite is locked; raises DatabaseBusy if it stays locked."""

    def attempt():
        # A rolled-back attempt may have set the primary key; the next one inserts afresh.
        complaint.pk = None
        complaint._state.adding = True
        return receive(complaint, files, actor, late_entry_reason)

    return write_when_free(attempt)


class StepRefused(Exception):
    """The complaint's state (as locked in the database) does not allow this step; the message is for staff."""


def _locked(complaint, action, refusal=None):
    """The complaint's row, locked until the transaction ends, if its status allows the action.

    Two people pressing "close" at once both passed the view's check on a stale copy;
    only the check made here, on the locked row, decides which one goes through.
    """
    current = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if not rules.state_allows(current.status, action):
        raise StepRefused(
            refusal
            or _("该投诉当前状态（%(s)s）不能进行此操作，可能已由他人处理。请刷新页面查看。")
            % {"s": current.get_status_display()}
        )
    return current


def _saved(complaint, current, fields):
    """Save the changed fields of the locked row and bring the caller's copy up to date."""
    current.save(update_fields=fields)
    for name in fields:
        setattr(complaint, name, getattr(current, name))
    complaint.status = current.status
    return current


TRIAGE_FIELDS = [
    "category",
    "target_window",
    "target_staff",
    "complexity",
    "method",
    "handler",
]


@transaction.atomic
def triage(complaint, actor, accepted, reason=""):
    """Accept and assign, or refuse; complaint carries the chosen category, handler and so on."""
    current = _locked(
        complaint,
        "triage",
        _("该投诉已答复、办结或不予受理，不能重新分办。"),
    )
    for name in TRIAGE_FIELDS:
        setattr(current, name, getattr(complaint, name))
    now = timezone.now()
    current.triaged_at = now
    if accepted:
        current.status = Complaint.Status.IN_PROGRESS
        current.not_accepted_reason = ""
        current.set_deadline()
        _saved(
            complaint,
            current,
            [
                *TRIAGE_FIELDS,
                "triaged_at",
                "status",
                "not_accepted_reason",
                "deadline",
                "deadline_provisional",
            ],
        )
        log_event(
            current,
            actor,
            _("受理并分办"),
            public_text=_("投诉已受理，正在办理。"),
            internal_note=_(
                "类别：%(cat)s；处理方式：%(method)s；承办人：%(handler)s；期限：%(deadline)s"
            )
            % {
                "cat": current.get_category_display(),
                "method": current.get_method_display(),
                "handler": current.handler.get_full_name() or current.handler.get_username(),
                "deadline": current.deadline.isoformat(),
            },
            is_public=True,
        )
    else:
        current.status = Complaint.Status.NOT_ACCEPTED
        current.not_accepted_reason = reason
        current.closed_at = now
        _saved(
            complaint,
            current,
            [*TRIAGE_FIELDS, "triaged_at", "status", "not_accepted_reason", "closed_at"],
        )
        log_event(
            current,
            actor,
            _("不予受理"),
            public_text=_("不予受理。理由：%(r)s") % {"r": reason},
            is_public=True,
        )


@transaction.atomic
def add_note(complaint, actor, text, is_public):
    if is_public:
        log_event(complaint, actor, _("办理进展"), public_text=text, is_public=True)
    else:
        log_event(complaint, actor, _("内部备注"), internal_note=text)


@transaction.atomic
def reply(complaint, actor, method, text):
    current = _locked(
        complaint,
        "reply",
        _("该投诉已经答复或办结，不能再次答复。请刷新页面查看。"),
    )
    current.reply_method = method
    current.reply_text = text
    current.replied_at = timezone.now()
    current.status = Complaint.Status.REPLIED
    _saved(complaint, current, ["reply_method", "reply_text", "replied_at", "status"])
    log_event(
        current,
        actor,
        _("答复投诉人"),
        public_text=_("已%(method)s。") % {"method": current.get_reply_method_display()},
        internal_note=text,
        is_public=True,
    )
    # Only once the reply is really stored: a rolled-back reply must not be announced.
    transaction.on_commit(lambda: complaint_notices.replied(current))


@transaction.atomic
def close(complaint, actor, outcome, result_text):
    current = _locked(
        complaint,
        "close",
        _("该投诉已经办结或不予受理，不能再次办结。请刷新页面查看。"),
    )
    current.outcome = outcome
    current.result_text = result_text
    current.closed_at = timezone.now()
    if not current.replied_at:
        current.replied_at = current.closed_at
    current.status = Complaint.Status.CLOSED
    _saved(complaint, current, ["outcome", "result_text", "closed_at", "replied_at", "status"])
    log_event(
        current,
        actor,
        _("办结"),
        public_text=_("投诉已办结，处理结论：%(o)s。") % {"o": current.get_outcome_display()},
        internal_note=result_text,
        is_public=True,
    )


@transaction.atomic
def request_extension(complaint, actor, days, reason):
    current = _locked(complaint, "request_extension")
    if current.extensions.filter(status=DeadlineExtension.Status.PENDING).exists():
        raise StepRefused(_("该投诉已有一份待批准的延期申请，请等待中心负责人处理。"))
    ext = DeadlineExtension.objects.create(
        complaint=current, requested_by=actor, extra_working_days=days, reason=reason
    )
    log_event(
        current,
        actor,
        _("申请延期"),
        internal_note=_("延长 %(d)s 个工作日：%(r)s") % {"d": days, "r": reason},
    )
    return ext


@transaction.atomic
def decide_extension(ext, actor, approve):
    """False when the request was decided already (by someone else, a moment ago)."""
    # Complaint first, then the request: the order request_extension locks them in.
    complaint = Complaint.objects.select_for_update().get(pk=ext.complaint_id)
    ext = DeadlineExtension.objects.select_for_update().get(pk=ext.pk)
    if ext.status != DeadlineExtension.Status.PENDING:
        return False
    ext.decided_by, ext.decided_at = actor, timezone.now()
    if approve:
        ext.status = DeadlineExtension.Status.APPROVED
        result = WorkCalendar.load().add_working_days(complaint.deadline, ext.extra_working_days)
        complaint.deadline, complaint.deadline_provisional = result.date, result.provisional
        complaint.save(update_fields=["deadline", "deadline_provisional"])
        log_event(
            complaint,
            actor,
            _("批准延期"),
            public_text=_("因情况需要进一步核实，答复期限延长至 %(d)s。")
            % {"d": complaint.deadline.isoformat()},
            is_public=True,
        )
    else:
        ext.status = DeadlineExtension.Status.REFUSED
        log_event(complaint, actor, _("不批准延期"))
    ext.save()
    return True


@transaction.atomic
def request_publication(complaint, actor, summary):
    current = _locked(complaint, "request_publication", _("只有已办结的投诉才能公开处理结果。"))
    current.public_summary = summary
    current.publication_requested_at = timezone.now()
    current.published_at = None
    current.publication_approved_by = None
    _saved(
        complaint,
        current,
        ["public_summary", "publication_requested_at", "published_at", "publication_approved_by"],
    )
    log_event(current, actor, _("提交公开摘要待审批"), internal_note=summary)


@transaction.atomic
def approve_publication(complaint, actor):
    current = _locked(complaint, "approve_publication", _("没有待批准的公开摘要。"))
    if not current.public_summary or current.published_at:
        raise StepRefused(_("没有待批准的公开摘要，可能已由他人批准。"))
    current.published_at = timezone.now()
    current.publication_approved_by = actor
    _saved(complaint, current, ["published_at", "publication_approved_by"])
    log_event(current, actor, _("批准公开处理结果"))
