"""The e-mail digest of complaints and cases falling due on the next working day: one digest
per center, told to that center's staff only (docs/county.md)."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centers.models import Center
from centers.scoping import members_of
from intranet import roles
from intranet.calendar.workdays import WorkCalendar
from intranet.cases.models import Case
from intranet.complaints.models import Complaint
from portal import notifications
from portal.notifications import Message


def next_working_day(today, calendar):
    return calendar.add_working_days(today, 1).date


def due_items(today, calendar, center):
    """(kind, reference, what, deadline, handler_id, url) for everything of ``center`` due after
    today up to the next working day: over a weekend, Monday's deadlines are told on Friday."""
    until = next_working_day(today, calendar)
    items = []
    complaints = Complaint.objects.open().filter(
        center=center, deadline__gt=today, deadline__lte=until
    )
    for c in complaints.only("pk", "code", "deadline", "handler_id", "category"):
        what = c.get_category_display() if c.category else _("待分办")
        url = reverse("intranet:complaint_detail", args=[c.pk])
        items.append((_("投诉"), c.code, what, c.deadline, c.handler_id, url))
    cases = Case.objects.open().filter(center=center, deadline__gt=today, deadline__lte=until)
    for case in cases.only("pk", "receipt_number", "matter", "deadline", "handler_id"):
        url = reverse("intranet:case_detail", args=[case.pk])
        items.append(
            (_("办件"), case.receipt_number, case.matter, case.deadline, case.handler_id, url)
        )
    return until, sorted(items, key=lambda i: (i[3], i[0], i[1]))


def recipients(items, center):
    """Each handler gets their own items; the center's heads get everything of the center.
    Only the center's own accounts are told: county oversight reads, it does not handle."""
    users = members_of(get_user_model().objects.filter(is_active=True).exclude(email=""), center)
    by_user = defaultdict(list)
    heads = [u for u in users if roles.has_role(u, roles.HEAD)]
    handlers = {u.pk: u for u in users}
    for item in items:
        handler = handlers.get(item[4])
        if handler is not None:
            by_user[handler].append(item)
    for head in heads:
        by_user[head] = list(items)
    return by_user


def digest_body(until, items, base_url):
    lines = [
        _("以下事项将于 %(d)s（下一个工作日）到期，请及时办理：") % {"d": until.isoformat()},
        "",
    ]
    for kind, ref, what, deadline, _handler, url in items:
        lines.append(f"{kind} {ref}　{what}　{_('期限')} {deadline.isoformat()}　{base_url}{url}")
    return "\n".join(lines)


def send_digest(today=None, base_url=""):
    """Send each center's digests; returns (number of items, number of e-mails sent)."""
    calendar = WorkCalendar.load()
    today = today or timezone.localdate()
    total = sent = 0
    for center in Center.objects.all():
        until, items = due_items(today, calendar, center)
        if not items:
            continue
        total += len(items)
        subject = _("明日到期提醒（%(d)s）") % {"d": until.isoformat()}
        for user, own in recipients(items, center).items():
            if own:
                body = digest_body(until, own, base_url)
                sent += notifications.send(Message(subject, body, email=user.email))
    return total, sent
