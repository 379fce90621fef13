"""Public views that are not Wagtail pages: open-data API, feeds, complaint intake and tracking."""

from django.urls import path

app_name = "portal"

urlpatterns: list = []
