"""Public pages of bookings and 代办/上门 requests."""

from django.urls import path

from intranet.bookings import public_views

app_name = "bookings"

urlpatterns = [
    path("booking/", public_views.booking_new, name="booking_new"),
    path("booking/done/", public_views.booking_done, name="booking_done"),
    path("booking/cancel/", public_views.booking_cancel, name="booking_cancel"),
    path("home-service/", public_views.service_request_new, name="service_request_new"),
    path("home-service/done/", public_views.service_request_done, name="service_request_done"),
]
