"""The citizen's side: book a visit, cancel it, ask for 代办/上门.

Confirmations are shown after a redirect (a refresh never books twice); the code is kept in
the session, not the address, so it does not land in history or server logs. Submissions and
failed cancellations are counted per address with the shared rate limits."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from centers.models import Center
from intranet.bookings import schedule
from intranet.bookings.forms import BookingForm, CancelForm, ServiceRequestForm, bookable_guides
from intranet.bookings.models import Booking, ServiceRequest, save_with_new_code
from portal import rate_limits

BOOK_SCOPE = "booking-submit"
CANCEL_SCOPE = "booking-cancel"
REQUEST_SCOPE = "service-request-submit"
TOO_MANY = _("提交次数过多，请一小时后再试，或拨打中心电话。")


def _limit(name, default):
    return getattr(settings, name, default)


@never_cache
@require_http_methods(["GET", "POST"])
def booking_new(request):
    guide_id = request.GET.get("guide", "")
    guides = bookable_guides(Center.for_request(request))
    if not guide_id.isdigit():
        return render(request, "bookings/public/guides.html", {"guides": guides})
    guide = get_object_or_404(guides.select_related("window"), pk=int(guide_id))
    choices = schedule.free_choices(guide.window)
    context = {"guide": guide}
    if request.method == "POST":
        bucket = rate_limits.ip_bucket(BOOK_SCOPE, request)
        limit = _limit("BOOKING_SUBMIT_LIMIT", 10)
        if limit and rate_limits.hit(bucket) > limit:
            context.update(form=BookingForm(request.POST, choices=choices), error=TOO_MANY)
            return render(request, "bookings/public/book.html", context, status=429)
        form = BookingForm(request.POST, choices=choices)
        if form.is_valid():
            day, slot_id = form.cleaned_data["choice"]
            try:
                booking = schedule.book(
                    guide, slot_id, day, form.cleaned_data["name"], form.cleaned_data["phone"]
                )
            except schedule.BookingError as error:
                rate_limits.release(bucket)
                form = BookingForm(request.POST, choices=schedule.free_choices(guide.window))
                form.is_valid()
                context.update(form=form, error=str(error))
                return render(request, "bookings/public/book.html", context, status=409)
            request.session["booking_id"] = booking.pk
            return redirect("bookings:booking_done")
        rate_limits.release(bucket)
        context["form"] = form
        return render(request, "bookings/public/book.html", context, status=400)
    context["form"] = BookingForm(choices=choices)
    return render(request, "bookings/public/book.html", context)


@never_cache
def booking_done(request):
    booking = (
        Booking.objects.select_related("slot__window", "guide")
        .filter(pk=request.session.get("booking_id") or 0)
        .first()
    )
    if booking is None:
        return redirect("bookings:booking_new")
    return render(request, "bookings/public/booking_done.html", {"booking": booking})


@never_cache
@require_http_methods(["GET", "POST"])
def booking_cancel(request):
    if request.method == "GET":
        return render(request, "bookings/public/cancel.html", {"form": CancelForm()})
    bucket = rate_limits.ip_bucket(CANCEL_SCOPE, request)
    # Count first, then take back what was not a wrong guess: parallel guesses cannot slip past.
    if rate_limits.hit(bucket) > _limit("BOOKING_CANCEL_FAILURE_LIMIT", 10):
        context = {"form": CancelForm(), "error": _("查询失败次数过多，请一小时后再试。")}
        return render(request, "bookings/public/cancel.html", context, status=429)
    form = CancelForm(request.POST)
    if not form.is_valid():
        rate_limits.release(bucket)
        return render(request, "bookings/public/cancel.html", {"form": form}, status=400)
    try:
        booking = schedule.cancel(form.cleaned_data["code"], form.cleaned_data["phone_last4"])
    except schedule.BookingError as error:
        context = {"form": form, "error": str(error)}
        return render(request, "bookings/public/cancel.html", context, status=400)
    rate_limits.release(bucket)
    return render(
        request, "bookings/public/cancel.html", {"form": CancelForm(), "cancelled": booking}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def service_request_new(request):
    if request.method == "POST":
        bucket = rate_limits.ip_bucket(REQUEST_SCOPE, request)
        limit = _limit("SERVICE_REQUEST_SUBMIT_LIMIT", 5)
        if limit and rate_limits.hit(bucket) > limit:
            context = {
                "form": ServiceRequestForm(request.POST, center=Center.for_request(request)),
                "error": TOO_MANY,
            }
            return render(request, "bookings/public/request.html", context, status=429)
        form = ServiceRequestForm(request.POST, center=Center.for_request(request))
        if form.is_valid():
            service_request = form.save(commit=False)
            service_request.center = Center.for_request(request)
            save_with_new_code(service_request, "DB")
            request.session["service_request_id"] = service_request.pk
            return redirect("bookings:service_request_done")
        rate_limits.release(bucket)
        return render(request, "bookings/public/request.html", {"form": form}, status=400)
    return render(
        request,
        "bookings/public/request.html",
        {"form": ServiceRequestForm(center=Center.for_request(request))},
    )


@never_cache
def service_request_done(request):
    service_request = (
        ServiceRequest.objects.select_related("guide")
        .filter(pk=request.session.get("service_request_id") or 0)
        .first()
    )
    if service_request is None:
        return redirect("bookings:service_request_new")
    return render(request, "bookings/public/request_done.html", {"r": service_request})
