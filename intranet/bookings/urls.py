"""Staff pages of bookings and 代办/上门 requests, included under /intranet/bookings/ in the
intranet namespace. tests/intranet/test_access.py walks these for every role too."""

from django.urls import path

from intranet.bookings import views

urlpatterns = [
    path("", views.booking_day, name="booking_day"),
    path("<int:pk>/arrive/", views.booking_arrive, name="booking_arrive"),
    path("slots/", views.slot_list, name="booking_slots"),
    path("slots/<int:pk>/toggle/", views.slot_toggle, name="booking_slot_toggle"),
    path("requests/", views.request_list, name="service_requests"),
    path("requests/<int:pk>/", views.request_detail, name="service_request"),
]
