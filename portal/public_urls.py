"""Public views that are not Wagtail pages: open-data API, feeds, complaint intake and tracking."""

from django.urls import path

app_name = "portal"

urlpatterns: list = []

# Open data: the published service catalog in the exchange format.
from portal import api_views  # noqa: E402

urlpatterns += [
    path("api/v1/catalog/", api_views.catalog, name="api_catalog"),
]
