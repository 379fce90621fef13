"""The citizen's side of questions (在线咨询)."""

from django.urls import path

from intranet.questions import public_views

app_name = "questions"

urlpatterns = [
    path("questions/new/", public_views.question_new, name="new"),
    path("questions/track/", public_views.question_track, name="track"),
]
