"""Cases falling due on the next working day are in the staff's morning e-mail."""

import datetime as dt
import io

from django.core import mail
from django.core.management import call_command

from intranet.cases.models import Case

FRIDAY = dt.date(2026, 11, 27)
MONDAY = dt.date(2026, 11, 30)


def test_a_case_due_next_working_day_is_in_the_handlers_digest(case, users):
    users["staff"].email = "staff1@center.example"
    users["staff"].save()
    Case.objects.filter(pk=case.pk).update(deadline=MONDAY, state=Case.State.ACCEPTED)
    call_command("notify_due_tomorrow", date=FRIDAY.isoformat(), stdout=io.StringIO())
    [message] = mail.outbox
    assert message.to == ["staff1@center.example"]
    assert case.receipt_number in message.body and "残疾人证申领" in message.body
