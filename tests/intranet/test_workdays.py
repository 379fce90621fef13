"""The working-day clock against the State Council's 2026 arrangement (as shipped in chinesecalendar 1.11.0)."""

import datetime as dt

import pytest

from intranet.calendar import workdays
from intranet.calendar.models import CalendarDay

D = dt.date


@pytest.fixture
def cal(db):
    return workdays.WorkCalendar.load()


@pytest.mark.parametrize("day", [D(2026, 2, 15), D(2026, 2, 16), D(2026, 2, 20), D(2026, 2, 23)])
def test_spring_festival_2026_days_are_holidays(cal, day):
    assert not workdays.is_working_day(day, cal)


@pytest.mark.parametrize("day", [D(2026, 2, 14), D(2026, 2, 28)])
def test_spring_festival_2026_adjusted_saturdays_are_working_days(cal, day):
    assert workdays.is_working_day(day, cal)


def test_next_working_day_after_the_eve_of_spring_festival_is_after_the_holiday(cal):
    # Saturday 14 Feb is a working day (调休), then 15–23 Feb off.
    assert workdays.add_working_days(D(2026, 2, 13), 1, cal) == D(2026, 2, 14)
    assert workdays.add_working_days(D(2026, 2, 14), 1, cal) == D(2026, 2, 24)


def test_five_working_days_across_spring_festival_count_the_adjusted_saturday(cal):
    # 24, 25, 26, 27 Feb and Saturday 28 Feb.
    assert workdays.add_working_days(D(2026, 2, 23), 5, cal) == D(2026, 2, 28)


@pytest.mark.parametrize("day", [D(2026, 10, 1), D(2026, 10, 5), D(2026, 10, 7)])
def test_national_day_2026_is_off(cal, day):
    assert not workdays.is_working_day(day, cal)


@pytest.mark.parametrize("day", [D(2026, 9, 20), D(2026, 10, 10)])
def test_national_day_2026_adjusted_weekend_days_are_working_days(cal, day):
    assert workdays.is_working_day(day, cal)


def test_complaint_received_on_national_day_is_due_after_the_holiday(cal):
    assert workdays.add_working_days(D(2026, 10, 1), 1, cal) == D(2026, 10, 8)
    # 8, 9, Sat 10 (调休), 12, 13 October.
    assert workdays.add_working_days(D(2026, 9, 30), 5, cal) == D(2026, 10, 13)


def test_working_days_between_counts_after_a_up_to_and_including_b(cal):
    assert workdays.working_days_between(D(2026, 2, 13), D(2026, 2, 24), cal) == 2
    assert workdays.working_days_between(D(2026, 2, 24), D(2026, 2, 13), cal) == -2
    assert workdays.working_days_between(D(2026, 3, 2), D(2026, 3, 2), cal) == 0


def test_working_days_between_inverts_add_working_days(cal):
    start = D(2026, 9, 28)
    for n in range(0, 15):
        assert (
            workdays.working_days_between(start, workdays.add_working_days(start, n, cal), cal) == n
        )


def test_2026_deadlines_are_not_provisional(cal):
    assert not workdays.deadline_is_provisional(D(2026, 11, 2), 5, cal)


def test_a_2027_date_falls_back_to_monday_to_friday_and_is_provisional(cal):
    monday = D(2027, 3, 1)
    assert workdays.is_provisional(monday, cal)
    assert workdays.is_working_day(monday, cal)
    assert not workdays.is_working_day(D(2027, 3, 6), cal)  # Saturday
    assert workdays.deadline_is_provisional(D(2026, 12, 30), 5, cal)


def test_admin_entries_for_2027_make_it_known_and_win(db):
    CalendarDay.objects.create(date=D(2027, 1, 1), kind=CalendarDay.Kind.HOLIDAY, name="元旦")
    CalendarDay.objects.create(date=D(2027, 1, 4), kind=CalendarDay.Kind.HOLIDAY, name="元旦补休")
    cal = workdays.WorkCalendar.load()
    assert not workdays.is_provisional(D(2027, 3, 1), cal)
    assert not workdays.is_working_day(D(2027, 1, 4), cal)  # a Monday, off by the admin's entry
    # Thursday 31 Dec 2026 + 1 working day: Fri 1 Jan and Mon 4 Jan are off.
    assert workdays.add_working_days(D(2026, 12, 31), 1, cal) == D(2027, 1, 5)
    assert not workdays.deadline_is_provisional(D(2026, 12, 31), 1, cal)


def test_admin_entry_overrides_the_package(db):
    CalendarDay.objects.create(date=D(2026, 2, 24), kind=CalendarDay.Kind.HOLIDAY, name="假设延长")
    assert not workdays.is_working_day(D(2026, 2, 24))
    assert workdays.add_working_days(D(2026, 2, 14), 1) == D(2026, 2, 25)


def test_fifteen_day_deadline_rolls_past_a_holiday(cal):
    # 16 Sep + 15 calendar days = 1 Oct (National Day) → first working day after: 8 Oct.
    assert cal.add_calendar_days_rolled(D(2026, 9, 16), 15).date == D(2026, 10, 8)
    assert cal.add_calendar_days_rolled(D(2026, 3, 2), 15).date == D(2026, 3, 17)


def test_negative_working_days_are_refused(cal):
    with pytest.raises(ValueError):
        workdays.add_working_days(D(2026, 3, 2), -1, cal)


def test_an_administrator_enters_a_2027_holiday_in_the_wagtail_admin(users):
    from django.test import Client

    client = Client()
    client.force_login(users["admin"])
    response = client.post(
        "/admin/snippets/intranet/calendarday/add/",
        {"date": "2027-02-08", "kind": "holiday", "name": "春节"},
    )
    assert response.status_code == 302
    cal = workdays.WorkCalendar.load()
    assert not workdays.is_working_day(D(2027, 2, 8), cal)
    assert not workdays.is_provisional(D(2027, 6, 1), cal)
