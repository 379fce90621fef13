"""The working-day clock every intranet deadline is computed with.

Sources, strongest first:
1. ``CalendarDay`` rows entered by an administrator (a holiday or an adjusted
   working weekend, 调休); they win over everything else.
2. The ``chinesecalendar`` package's copy of the State Council's yearly
   holiday arrangement (version 1.11.0 covers 2004–2026).
3. Monday–Friday. A date in a year neither source covers is *provisional*:
   the arrangement for that year has not been published or entered yet, so any
   deadline that depends on it is shown with "（暂定）".

A year counts as covered by the admin as soon as one ``CalendarDay`` of that
year exists: the administrator enters a year's arrangement as a whole.

Conventions:
- ``add_working_days(start, n)`` is the n-th working day *after* ``start``
  (``start`` itself never counts; n = 0 returns ``start``).
- ``working_days_between(a, b)`` counts the working days d with a < d <= b,
  so ``working_days_between(a, add_working_days(a, n)) == n``; it is negative
  when b is before a.
"""

import datetime as dt
from dataclasses import dataclass

import chinese_calendar
from chinese_calendar import constants as _cc

from intranet.calendar.models import CalendarDay

PACKAGE_YEARS = range(min(_cc.holidays).year, max(_cc.holidays).year + 1)


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    provisional: bool


class WorkCalendar:
    """A snapshot of the admin entries; build one per request and reuse it for every row."""

    def __init__(self, overrides=None):
        # date -> True (working day) / False (day off)
        self.overrides = dict(overrides or {})
        self.admin_years = {d.year for d in self.overrides}

    @classmethod
    def load(cls):
        return cls(
            {day.date: day.kind == CalendarDay.Kind.WORKDAY for day in CalendarDay.objects.all()}
        )

    def is_provisional(self, d):
        return d.year not in self.admin_years and d.year not in PACKAGE_YEARS

    def is_working_day(self, d):
        if d in self.overrides:
            return self.overrides[d]
        if d.year in PACKAGE_YEARS:
            return chinese_calendar.is_workday(d)
        return d.weekday() < 5

    def add_working_days(self, start, n):
        if n < 0:
            raise ValueError("n must not be negative")
        d = start
        provisional = False
        while n > 0:
            d += dt.timedelta(days=1)
            provisional = provisional or self.is_provisional(d)
            if self.is_working_day(d):
                n -= 1
        return Deadline(d, provisional)

    def add_calendar_days_rolled(self, start, n):
        """n calendar days after start; a deadline falling on a day off moves to the next working day
        (the rule of 民法典 art. 203 for periods ending on a statutory holiday)."""
        d = start + dt.timedelta(days=n)
        provisional = self.is_provisional(d)
        while not self.is_working_day(d):
            d += dt.timedelta(days=1)
            provisional = provisional or self.is_provisional(d)
        return Deadline(d, provisional)

    def working_days_between(self, a, b):
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        d = a
        while d < b:
            d += dt.timedelta(days=1)
            if self.is_working_day(d):
                count += 1
        return count


def is_working_day(d, calendar=None):
    return (calendar or WorkCalendar.load()).is_working_day(d)


def is_provisional(d, calendar=None):
    return (calendar or WorkCalendar.load()).is_provisional(d)


def add_working_days(start, n, calendar=None):
    """The n-th working day after ``start`` (a date)."""
    return (calendar or WorkCalendar.load()).add_working_days(start, n).date


def deadline_is_provisional(start, n, calendar=None):
    return (calendar or WorkCalendar.load()).add_working_days(start, n).provisional


def working_deadline(start, n, calendar=None):
    """Like ``add_working_days`` but returns a ``Deadline`` that says whether it is provisional."""
    return (calendar or WorkCalendar.load()).add_working_days(start, n)


def working_days_between(a, b, calendar=None):
    return (calendar or WorkCalendar.load()).working_days_between(a, b)
