"""Admin URLs of the standard catalog, registered by content/wagtail_hooks.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("standard-catalog/", views.index, name="standard_catalog_index"),
    path(
        "standard-catalog/center/<int:center_id>/",
        views.township,
        name="standard_catalog_township",
    ),
    path(
        "standard-catalog/center/<int:center_id>/adopt/<int:standard_id>/",
        views.adopt_view,
        name="standard_catalog_adopt",
    ),
    path(
        "standard-catalog/guide/<int:page_id>/changes/",
        views.changes_view,
        name="standard_catalog_changes",
    ),
    path(
        "standard-catalog/guide/<int:page_id>/accept/",
        views.accept_view,
        name="standard_catalog_accept",
    ),
    path("standard-catalog/report/", views.report, name="standard_catalog_report"),
]
