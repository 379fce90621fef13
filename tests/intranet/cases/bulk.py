"""Many cases at once, written with bulk_create, for the query-count tests."""

import datetime as dt

from django.utils import timezone

from intranet.cases.models import Case

STATES = [
    Case.State.ACCEPTED,
    Case.State.ACCEPTED,
    Case.State.SUPPLEMENT,
    Case.State.COMPLETED,
    Case.State.COLLECTED,
    Case.State.REFUSED,
]


def bulk_cases(count, center, handler, start=0, batch_size=5000):
    today = timezone.localdate()
    now = timezone.now()
    rows = []
    for n in range(start, start + count):
        state = STATES[n % len(STATES)]
        received = now - dt.timedelta(hours=n % 2000)
        rows.append(
            Case(
                receipt_number=f"BJ-{today.year}-Q{n:09d}",
                phone_last4=f"{n % 10000:04d}",
                guide=center.promised,
                matter=center.promised.title,
                window=center.lead,
                first_contact=handler,
                handler=handler,
                applicant_name=f"批量{n}",
                phone=f"1990000{n % 10000:04d}",
                channel=Case.Channel.WINDOW,
                kind=Case.Kind.PROMISED,
                promised_days=5,
                state=state,
                received_at=received,
                accepted_on=received.date(),
                deadline=today + dt.timedelta(days=(n % 20) - 10),
                completed_at=now if state in Case.CLOSED_STATES else None,
                on_time=(n % 3 != 0) if state in Case.CLOSED_STATES else None,
            )
        )
        if len(rows) >= batch_size:
            Case.objects.bulk_create(rows)
            rows = []
    Case.objects.bulk_create(rows)
