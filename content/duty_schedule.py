"""The leaders' duty schedule (领导带班值班) as month tables for the roster page.

The schedule is published a month ahead, so the page shows this month and the next.
"""

import calendar
import datetime
from dataclasses import dataclass, field

WEEKDAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]


@dataclass
class DutyDay:
    date: datetime.date
    leaders: list
    note: str
    is_today: bool

    @property
    def weekday(self):
        return WEEKDAYS[self.date.weekday()]

    @property
    def is_weekend(self):
        return self.date.weekday() >= 5


@dataclass
class DutyMonth:
    first_day: datetime.date
    days: list = field(default_factory=list)

    @property
    def label(self):
        return f"{self.first_day.year}年{self.first_day.month}月"


def month_start(day, months_ahead=0):
    month_index = day.year * 12 + day.month - 1 + months_ahead
    return datetime.date(month_index // 12, month_index % 12 + 1, 1)


def month_end(first_day):
    return first_day.replace(day=calendar.monthrange(first_day.year, first_day.month)[1])


def duty_months(duties, today, months=2):
    """Group the duties (LeaderDuty rows, leader loaded) into month tables starting this month.

    Only dates with a duty appear; a month without any gets an empty table so the page can
    say that its schedule is not published yet.
    """
    tables = [DutyMonth(month_start(today, n)) for n in range(months)]
    by_date = {}
    for duty in duties:
        by_date.setdefault(duty.date, []).append(duty)
    for table in tables:
        for date in sorted(d for d in by_date if month_start(d) == table.first_day):
            rows = by_date[date]
            table.days.append(
                DutyDay(
                    date=date,
                    leaders=[row.leader for row in rows],
                    note="；".join(row.note for row in rows if row.note),
                    is_today=date == today,
                )
            )
    return tables
