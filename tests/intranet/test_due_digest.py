"""The morning e-mail to staff of complaints and cases due on the next working day."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from intranet.complaints.models import Complaint

FRIDAY = dt.date(2026, 11, 27)
MONDAY = dt.date(2026, 11, 30)


def run(day):
    out = io.StringIO()
    call_command("notify_due_tomorrow", date=day.isoformat(), stdout=out)
    return out.getvalue()


@pytest.fixture
def mailboxes(users):
    for key in ("staff", "other_staff", "head"):
        users[key].email = f"{users[key].username}@center.example"
        users[key].save()
    return users


def test_on_friday_the_handler_and_the_head_hear_of_what_is_due_on_monday(mailboxes, complaint):
    Complaint.objects.filter(pk=complaint.pk).update(deadline=MONDAY)
    run(FRIDAY)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["head@center.example", "staff1@center.example"]
    assert all(complaint.code in m.body and "2026-11-30" in m.body for m in mail.outbox)


def test_a_colleague_does_not_get_someone_elses_items(mailboxes, complaint):
    Complaint.objects.filter(pk=complaint.pk).update(deadline=MONDAY)
    run(FRIDAY)
    assert "staff2@center.example" not in [m.to[0] for m in mail.outbox]


def test_items_due_later_or_already_closed_are_not_in_the_digest(mailboxes, complaint):
    Complaint.objects.filter(pk=complaint.pk).update(deadline=MONDAY + dt.timedelta(days=1))
    run(FRIDAY)
    assert mail.outbox == []
    Complaint.objects.filter(pk=complaint.pk).update(deadline=MONDAY, status="closed")
    run(FRIDAY)
    assert mail.outbox == []


def test_no_digest_is_sent_on_a_day_off(mailboxes, complaint):
    Complaint.objects.filter(pk=complaint.pk).update(deadline=MONDAY)
    assert "not a working day" in run(dt.date(2026, 11, 28))
    assert mail.outbox == []


def test_a_bad_date_is_refused_with_a_message(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("notify_due_tomorrow", date="2026-13-01")
