"""The holiday office-hours notice follows the working-day clock: never a holiday long past."""

import datetime

import pytest

from content.demo.texts import CENTER
from intranet.calendar.demo import holiday_notice
from intranet.calendar.holidays import next_holiday
from intranet.calendar.workdays import WorkCalendar

D = datetime.date


def test_the_next_holiday_comes_from_the_published_arrangement():
    holiday = next_holiday(D(2026, 9, 10), WorkCalendar())
    assert holiday.name == "中秋节"
    assert (holiday.first, holiday.last, holiday.resume) == (
        D(2026, 9, 25),
        D(2026, 9, 27),
        D(2026, 9, 28),
    )
    assert not holiday.provisional


def test_the_weekend_days_worked_in_exchange_are_named():
    holiday = next_holiday(D(2026, 9, 28), WorkCalendar())
    assert (holiday.name, holiday.first, holiday.last) == ("国庆节", D(2026, 10, 1), D(2026, 10, 7))
    assert D(2026, 10, 10) in holiday.adjusted_workdays
    notice = holiday_notice(holiday, CENTER)
    assert "2026年10月10日（星期六）调休上班" in notice["body"]


def test_a_year_not_yet_announced_gets_the_fixed_date_holiday_marked_provisional():
    holiday = next_holiday(D(2026, 11, 29), WorkCalendar())
    assert (holiday.name, holiday.first, holiday.last) == ("元旦", D(2027, 1, 1), D(2027, 1, 3))
    assert holiday.resume == D(2027, 1, 4)
    assert holiday.provisional
    notice = holiday_notice(holiday, CENTER)
    assert notice["title"] == "关于2027年元旦期间办公安排的通知"
    assert "以国务院办公厅通知为准" in notice["body"]
    assert "2027年部分节假日安排的通知" not in notice["body"]  # not published yet
    assert "2027年1月4日起恢复正常办公" in notice["summary"]


def test_an_arrangement_entered_by_the_administrator_wins():
    calendar = WorkCalendar({D(2027, 1, 1): False, D(2027, 1, 2): False, D(2027, 1, 4): False})
    holiday = next_holiday(D(2026, 12, 20), calendar, {D(2027, 1, 1): "元旦"})
    assert (holiday.name, holiday.first, holiday.last) == ("元旦", D(2027, 1, 1), D(2027, 1, 4))
    assert not holiday.provisional


@pytest.mark.django_db
def test_the_demo_publishes_the_holiday_notice_first_among_its_notices(settings):
    from django.core.management import call_command

    from content.models import NoticePage

    settings.DEMO_LOADERS = ["content.demo.load", "intranet.calendar.demo.load"]
    call_command("load_demo", verbosity=0)

    notices = list(NoticePage.objects.live().order_by("-date", "-pk"))
    assert len(notices) == 4
    assert notices[0].category == "holiday"
    assert "期间办公安排的通知" in notices[0].title
    assert {n.category for n in notices} == {"holiday", "policy", "notice", "bulletin"}
    assert any(n.attachments.exists() for n in notices)
