"""Booking rules: which days and slots are open, taking and cancelling a place, and turning a
booking or a 代办/上门 request into a case through the case register's own intake.

Capacity holds under parallel requests: a booking locks its slot row (SELECT ... FOR UPDATE)
before counting the places taken that day, so two citizens cannot both take the last place.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intranet.bookings.models import Booking, BookingSlot, ServiceRequest, save_with_new_code
from intranet.calendar.workdays import WorkCalendar
from intranet.cases import workflow
from intranet.cases.models import Case

# How far ahead a citizen may book, in working days (today never counts: staff need notice).
BOOKING_WORKING_DAYS = 10


class BookingError(Exception):
    """A booking that cannot be made or changed; the message is shown to the citizen."""


def office_hours():
    opens, closes = getattr(settings, "BOOKING_OFFICE_HOURS", ("08:30", "17:30"))
    return dt.time.fromisoformat(opens), dt.time.fromisoformat(closes)


def bookable_days(today=None, calendar=None, count=None):
    """The next working days after today; holidays are skipped, adjusted working weekends kept."""
    today = today or timezone.localdate()
    calendar = calendar or WorkCalendar.load()
    count = count or getattr(settings, "BOOKING_WORKING_DAYS", BOOKING_WORKING_DAYS)
    return [calendar.add_working_days(today, n).date for n in range(1, count + 1)]


def weekday_of(day):
    """The timetable a working day follows: weekends that are working days use Monday's."""
    return day.weekday() if day.weekday() < 5 else 0


def slots_for(window, day):
    return BookingSlot.objects.active().filter(window=window, weekday=weekday_of(day))


def taken(slot, day):
    return Booking.objects.active().filter(slot=slot, date=day).count()


def free_choices(window, today=None):
    """(day, slot, free places) for every open slot with room, in date order."""
    days = bookable_days(today)
    slots = list(BookingSlot.objects.active().filter(window=window).order_by("start"))
    counts = {}
    for row in (
        Booking.objects.active()
        .filter(slot__in=slots, date__in=days)
        .values_list("slot_id", "date")
    ):
        counts[row] = counts.get(row, 0) + 1
    choices = []
    for day in days:
        for slot in slots:
            if slot.weekday == weekday_of(day):
                free = slot.capacity - counts.get((slot.pk, day), 0)
                if free > 0:
                    choices.append((day, slot, free))
    return choices


@transaction.atomic
def book(guide, slot_id, day, name, phone, today=None):
    slot = BookingSlot.objects.select_for_update().filter(pk=slot_id, active=True).first()
    if slot is None or slot.window_id != guide.window_id:
        raise BookingError(_("所选时段不存在或已停止预约，请重新选择。"))
    if day not in bookable_days(today) or slot.weekday != weekday_of(day):
        raise BookingError(_("所选日期不可预约，请选择列表中的工作日。"))
    if taken(slot, day) >= slot.capacity:
        raise BookingError(_("该时段已约满，请选择其他时段。"))
    booking = Booking(
        center_id=slot.center_id,
        slot=slot,
        date=day,
        guide=guide,
        name=name,
        phone=phone,
        phone_last4=phone[-4:],
    )
    save_with_new_code(booking, "YY")
    return booking


@transaction.atomic
def cancel(code, phone_last4):
    booking = Booking.objects.select_for_update().filter(code=code, phone_last4=phone_last4).first()
    if booking is None:
        raise BookingError(_("没有找到该预约，请核对预约编号和电话后四位。"))
    if booking.state != Booking.State.BOOKED:
        raise BookingError(
            _("该预约当前状态为“%(state)s”，不能取消。") % {"state": booking.get_state_display()}
        )
    booking.state = Booking.State.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["state", "cancelled_at"])
    return booking


@transaction.atomic
def arrive(booking, actor):
    """到场: the booking becomes a case (channel 网上预约), received but not yet accepted, so the
    window still checks the materials before the clock starts."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.state != Booking.State.BOOKED:
        raise BookingError(
            _("该预约当前状态为“%(state)s”，不能办理到场。")
            % {"state": booking.get_state_display()}
        )
    case = Case(
        center_id=booking.center_id,
        guide=booking.guide,
        window_id=booking.slot.window_id,
        applicant_name=booking.name,
        phone=booking.phone,
        channel=Case.Channel.ONLINE,
        handler=actor,
        first_contact=actor,
    )
    workflow.receive(case, actor, accept_now=False)
    booking.state = Booking.State.ARRIVED
    booking.case = case
    booking.save(update_fields=["state", "case"])
    return booking


@transaction.atomic
def arrange(request, actor, agent, day):
    request = ServiceRequest.objects.select_for_update().get(pk=request.pk)
    if request.state == ServiceRequest.State.CONVERTED:
        raise BookingError(_("该申请已转为办件，不能再修改安排。"))
    request.agent, request.scheduled_on = agent, day
    request.state = ServiceRequest.State.SCHEDULED
    request.save(update_fields=["agent", "scheduled_on", "state"])
    return request


@transaction.atomic
def request_to_case(request, actor, window):
    """The agent takes the matter on: a case with channel 代办 or 上门服务, the agent as handler."""
    request = ServiceRequest.objects.select_for_update().get(pk=request.pk)
    if request.state != ServiceRequest.State.SCHEDULED:
        raise BookingError(_("请先安排代办员和日期，再转为办件。"))
    case = Case(
        center_id=request.center_id,
        guide=request.guide,
        matter=request.matter[:200] if request.guide is None else "",
        window=window,
        applicant_name=request.name,
        phone=request.phone,
        address=request.address,
        channel=Case.Channel.AGENCY
        if request.kind == ServiceRequest.Kind.AGENCY
        else Case.Channel.HOME,
        handler=request.agent,
        first_contact=actor,
        agent=request.agent,
    )
    workflow.receive(case, actor, accept_now=False)
    request.state = ServiceRequest.State.CONVERTED
    request.case = case
    request.save(update_fields=["state", "case"])
    return request
