"""What may happen to a complaint, by whom; each step writes the timeline in the same transaction."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intranet import roles
from intranet.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintEvent,
    DeadlineExtension,
    IdentityAccessLog,
)
from intranet.workdays import WorkCalendar


def can_see_identity(user, complaint):
    return complaint.handler_id == user.pk or roles.has_role(user, *roles.OVERSIGHT_ROLES)


def can_triage(user):
    return roles.has_role(user, *roles.OVERSIGHT_ROLES)


def can_handle(user, complaint):
    """Reply, add notes, close, ask for more time."""
    return complaint.handler_id == user.pk or roles.has_role(user, *roles.OVERSIGHT_ROLES)


def can_approve(user):
    return roles.has_role(user, roles.HEAD)


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
def receive(complaint, files, actor=None):
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
        is_public=True,
    )
    return complaint


@transaction.atomic
def triage(complaint, actor, accepted, reason=""):
    now = timezone.now()
    complaint.triaged_at = now
    if accepted:
        complaint.status = Complaint.Status.IN_PROGRESS
        complaint.not_accepted_reason = ""
        complaint.set_deadline()
        complaint.save()
        log_event(
            complaint,
            actor,
            _("受理并分办"),
            public_text=_("投诉已受理，正在办理。"),
            internal_note=_(
                "类别：%(cat)s；处理方式：%(method)s；承办人：%(handler)s；期限：%(deadline)s"
            )
            % {
                "cat": complaint.get_category_display(),
                "method": complaint.get_method_display(),
                "handler": complaint.handler.get_full_name() or complaint.handler.get_username(),
                "deadline": complaint.deadline.isoformat(),
            },
            is_public=True,
        )
    else:
        complaint.status = Complaint.Status.NOT_ACCEPTED
        complaint.not_accepted_reason = reason
        complaint.closed_at = now
        complaint.save()
        log_event(
            complaint,
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
    complaint.reply_method = method
    complaint.reply_text = text
    complaint.replied_at = timezone.now()
    complaint.status = Complaint.Status.REPLIED
    complaint.save()
    log_event(
        complaint,
        actor,
        _("答复投诉人"),
        public_text=_("已%(method)s。") % {"method": complaint.get_reply_method_display()},
        internal_note=text,
        is_public=True,
    )


@transaction.atomic
def close(complaint, actor, outcome, result_text):
    complaint.outcome = outcome
    complaint.result_text = result_text
    complaint.closed_at = timezone.now()
    if not complaint.replied_at:
        complaint.replied_at = complaint.closed_at
    complaint.status = Complaint.Status.CLOSED
    complaint.save()
    log_event(
        complaint,
        actor,
        _("办结"),
        public_text=_("投诉已办结，处理结论：%(o)s。") % {"o": complaint.get_outcome_display()},
        internal_note=result_text,
        is_public=True,
    )


@transaction.atomic
def request_extension(complaint, actor, days, reason):
    ext = DeadlineExtension.objects.create(
        complaint=complaint, requested_by=actor, extra_working_days=days, reason=reason
    )
    log_event(
        complaint,
        actor,
        _("申请延期"),
        internal_note=_("延长 %(d)s 个工作日：%(r)s") % {"d": days, "r": reason},
    )
    return ext


@transaction.atomic
def decide_extension(ext, actor, approve):
    ext = DeadlineExtension.objects.select_for_update().get(pk=ext.pk)
    if ext.status != DeadlineExtension.Status.PENDING:
        return False
    complaint = ext.complaint
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
    complaint.public_summary = summary
    complaint.publication_requested_at = timezone.now()
    complaint.published_at = None
    complaint.publication_approved_by = None
    complaint.save()
    log_event(complaint, actor, _("提交公开摘要待审批"), internal_note=summary)


@transaction.atomic
def approve_publication(complaint, actor):
    complaint.published_at = timezone.now()
    complaint.publication_approved_by = actor
    complaint.save()
    log_event(complaint, actor, _("批准公开处理结果"))
