"""The next public holiday on the working-day clock, with the days off around it and the weekend
days worked in exchange (调休上班): what a holiday office-hours notice has to say."""

import datetime
from dataclasses import dataclass

import chinese_calendar

from intranet.calendar.models import CalendarDay
from intranet.calendar.workdays import WorkCalendar

# chinese_calendar's holiday names -> what a notice calls them.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
}
# Holidays on fixed dates (全国年节及纪念日放假办法): in a year neither the package nor an
# administrator covers yet, these still fall on their dates; the lunar ones cannot be known.
FIXED_HOLIDAYS = {
    (1, 1): "元旦",
    (5, 1): "劳动节",
    (5, 2): "劳动节",
    (10, 1): "国庆节",
    (10, 2): "国庆节",
    (10, 3): "国庆节",
}
LOOKAHEAD_DAYS = 400


@dataclass(frozen=True)
class Holiday:
    name: str
    first: datetime.date
    last: datetime.date
    resume: datetime.date  # the first working day after it
    adjusted_workdays: tuple  # weekend days worked in exchange (调休上班)
    provisional: bool  # the year's arrangement is not published yet: only the fixed date is known


def _holiday_name(day, calendar, names):
    """The holiday's name when `day` is a public holiday (not a plain weekend), else ''."""
    if day in calendar.overrides:
        return (names.get(day) or "节假日") if not calendar.overrides[day] else ""
    if calendar.is_provisional(day):
        return FIXED_HOLIDAYS.get((day.month, day.day), "")
    on_holiday, holiday = chinese_calendar.get_holiday_detail(day)
    if not on_holiday or holiday is None:
        return ""
    return HOLIDAY_NAMES.get(getattr(holiday, "value", holiday), "节假日")


def next_holiday(today, calendar, names=None):
    """The next public holiday after `today` on the working-day clock, with the days off around it."""
    names = names or {}
    day = today
    for _ in range(LOOKAHEAD_DAYS):
        day += datetime.timedelta(days=1)
        name = _holiday_name(day, calendar, names)
        if name:
            break
    else:
        return None
    provisional = calendar.is_provisional(day)

    def off(d):
        if provisional and (d.month, d.day) in FIXED_HOLIDAYS:
            return True
        return not calendar.is_working_day(d)

    first = last = day
    while first - datetime.timedelta(days=1) > today and off(first - datetime.timedelta(days=1)):
        first -= datetime.timedelta(days=1)
    while off(last + datetime.timedelta(days=1)):
        last += datetime.timedelta(days=1)
    resume = last + datetime.timedelta(days=1)
    window = [first + datetime.timedelta(days=n) for n in range(-10, (last - first).days + 11)]
    adjusted = tuple(
        d for d in window if d.weekday() >= 5 and not off(d) and not (first <= d <= last)
    )
    return Holiday(name, first, last, resume, adjusted, provisional)


def upcoming_holiday(today):
    """The next holiday after `today` on the clock as configured (the administrator's names win)."""
    names = dict(
        CalendarDay.objects.filter(kind=CalendarDay.Kind.HOLIDAY).values_list("date", "name")
    )
    return next_holiday(today, WorkCalendar.load(), names)
