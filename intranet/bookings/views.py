"""Staff pages: the day's bookings per window and arrival, the slot timetable, and the
代办/上门 requests with their arrangement and conversion into a case."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from centers.models import Center
from centers.scoping import works_at
from intranet import roles
from intranet.access import role_required
from intranet.bookings import schedule
from intranet.bookings.forms import ArrangeForm, ConvertForm, SlotForm
from intranet.bookings.models import Booking, BookingSlot, ServiceRequest

VIEWERS = (roles.WINDOW_STAFF, roles.HEAD, roles.INSPECTOR, roles.ADMIN)
RECEIVERS = (roles.WINDOW_STAFF, roles.HEAD)
MANAGERS = (roles.HEAD, roles.ADMIN)


def _day(request):
    try:
        return dt.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return timezone.localdate()


@role_required(*VIEWERS)
def booking_day(request):
    day = _day(request)
    bookings = (
        Booking.objects.visible_to(request.user)
        .filter(date=day)
        .select_related("slot__window", "guide", "case")
    )
    by_window = {}
    for booking in bookings:
        by_window.setdefault(booking.slot.window, []).append(booking)
    context = {
        "day": day,
        "previous": day - dt.timedelta(days=1),
        "next": day + dt.timedelta(days=1),
        "by_window": sorted(by_window.items(), key=lambda item: item[0].name),
        "can_receive": roles.has_role(request.user, *RECEIVERS),
        "can_manage": roles.has_role(request.user, *MANAGERS),
    }
    return render(request, "bookings/day.html", context)


@role_required(*RECEIVERS)
@require_POST
def booking_arrive(request, pk):
    booking = get_object_or_404(Booking.objects.visible_to(request.user), pk=pk)
    if not works_at(request.user, booking.center_id):
        raise Http404
    try:
        booking = schedule.arrive(booking, request.user)
    except schedule.BookingError as error:
        messages.error(request, str(error))
        return redirect(f"{reverse('intranet:booking_day')}?date={booking.date.isoformat()}")
    messages.success(
        request,
        _("预约 %(code)s 已到场，已收件（受理编号 %(no)s），请核对材料后受理。")
        % {"code": booking.code, "no": booking.case.receipt_number},
    )
    return redirect("intranet:case_detail", booking.case_id)


@role_required(*MANAGERS)
def slot_list(request):
    center = Center.for_user(request.user)
    if center is None:
        # With several centers an account must be given one before it adds slots.
        raise PermissionDenied
    form = SlotForm(request.POST or None, center=center)
    if request.method == "POST" and form.is_valid():
        slot = form.save(commit=False)
        slot.center = center
        slot.save()
        messages.success(request, _("已添加预约时段。"))
        return redirect("intranet:booking_slots")
    slots = BookingSlot.objects.visible_to(request.user).select_related("window")
    status = 400 if request.method == "POST" else 200
    return render(request, "bookings/slots.html", {"form": form, "slots": slots}, status=status)


@role_required(*MANAGERS)
@require_POST
def slot_toggle(request, pk):
    slot = get_object_or_404(BookingSlot.objects.visible_to(request.user), pk=pk)
    if not works_at(request.user, slot.center_id):
        raise Http404
    slot.active = not slot.active
    slot.save(update_fields=["active"])
    messages.success(
        request, _("已开放预约。") if slot.active else _("已停止预约，已约的不受影响。")
    )
    return redirect("intranet:booking_slots")


@role_required(*VIEWERS)
def request_list(request):
    requests = ServiceRequest.objects.visible_to(request.user).select_related("agent", "guide")
    if request.GET.get("all") != "1":
        requests = requests.open()
    return render(request, "bookings/requests.html", {"requests": requests})


@role_required(*VIEWERS)
def request_detail(request, pk):
    service_request = get_object_or_404(
        ServiceRequest.objects.visible_to(request.user).select_related("agent", "guide", "case"),
        pk=pk,
    )
    can_receive = roles.has_role(request.user, *RECEIVERS)
    today = timezone.localdate()
    # The choices are the request's own center's windows and staff.
    center = service_request.center
    arrange_form = ArrangeForm(
        initial={"agent": service_request.agent_id, "scheduled_on": service_request.scheduled_on},
        today=today,
        center=center,
    )
    window = service_request.guide.window_id if service_request.guide else None
    convert_form = ConvertForm(initial={"window": window}, center=center)
    status = 200
    if request.method == "POST":
        if not works_at(request.user, service_request.center_id):
            raise Http404
        if not can_receive:
            raise PermissionDenied
        try:
            if request.POST.get("step") == "convert":
                convert_form = ConvertForm(request.POST, center=center)
                if convert_form.is_valid():
                    schedule.request_to_case(
                        service_request, request.user, convert_form.cleaned_data["window"]
                    )
                    service_request.refresh_from_db()
                    messages.success(
                        request,
                        _("已转为办件，受理编号 %(no)s。")
                        % {"no": service_request.case.receipt_number},
                    )
                    return redirect("intranet:case_detail", service_request.case_id)
            else:
                arrange_form = ArrangeForm(request.POST, today=today, center=center)
                if arrange_form.is_valid():
                    schedule.arrange(
                        service_request,
                        request.user,
                        arrange_form.cleaned_data["agent"],
                        arrange_form.cleaned_data["scheduled_on"],
                    )
                    messages.success(request, _("已安排代办员和日期。"))
                    return redirect("intranet:service_request", service_request.pk)
        except schedule.BookingError as error:
            messages.error(request, str(error))
            return redirect("intranet:service_request", service_request.pk)
        status = 400
    context = {
        "r": service_request,
        "arrange_form": arrange_form,
        "convert_form": convert_form,
        "can_receive": can_receive,
    }
    return render(request, "bookings/request.html", context, status=status)


def dashboard_items(user, today=None):
    """For the staff home: today's bookings and the open 代办/上门 requests."""
    today = today or timezone.localdate()
    bookings = Booking.objects.visible_to(user).active().filter(date=today)
    return {
        "today_bookings": bookings.count(),
        "waiting": bookings.filter(state=Booking.State.BOOKED).count(),
        "open_requests": ServiceRequest.objects.visible_to(user).open().count(),
        "new_requests": ServiceRequest.objects.visible_to(user)
        .filter(state=ServiceRequest.State.NEW)
        .count(),
    }
