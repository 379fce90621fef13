"""What a complainant who asked for notices is told, and when: the code on filing, then the reply."""

from django.urls import reverse
from django.utils.translation import gettext as _

from portal import notifications
from portal.notifications import Message


def _send(complaint, subject, body):
    if not complaint.wants_notices:
        return 0
    sent = 0
    if complaint.complainant_email:
        sent += notifications.send(Message(subject, body, email=complaint.complainant_email))
    if complaint.complainant_phone:
        sent += notifications.send(Message(subject, body, phone=complaint.complainant_phone))
    return sent


def received(complaint):
    body = _(
        "您的投诉已收到，查询码：%(code)s。我们将在 %(deadline)s 前答复。"
        "凭查询码可在便民服务中心网站“投诉查询”（%(path)s）查看办理进度。"
    ) % {
        "code": complaint.code,
        "deadline": complaint.deadline.isoformat(),
        "path": reverse("portal:complaint_track"),
    }
    return _send(complaint, _("投诉已收到（查询码 %(code)s）") % {"code": complaint.code}, body)


def replied(complaint):
    body = _(
        "您的投诉（查询码 %(code)s）已答复（%(method)s）。"
        "请凭查询码在便民服务中心网站“投诉查询”（%(path)s）查看答复内容和办理过程。"
    ) % {
        "code": complaint.code,
        "method": complaint.get_reply_method_display(),
        "path": reverse("portal:complaint_track"),
    }
    return _send(complaint, _("投诉已答复（查询码 %(code)s）") % {"code": complaint.code}, body)
