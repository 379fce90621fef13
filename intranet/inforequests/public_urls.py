"""The citizen's side of information requests (依申请公开)."""

from django.urls import path

from intranet.inforequests import public_views

app_name = "inforequests"

urlpatterns = [
    path("info-requests/new/", public_views.request_new, name="new"),
    path("info-requests/track/", public_views.request_track, name="track"),
]
