"""The citizen's side of the case register: progress look-up and rating."""

from django.urls import path

from intranet.cases import public_views

app_name = "cases"

urlpatterns = [
    path("progress/", public_views.progress, name="progress"),
    path("progress/rate/", public_views.rate, name="rate"),
]
