"""The citizen's side of complaints: intake, receipt, tracking by code and the published results.

Included by portal/public_urls.py, so the names stay in the portal namespace
(portal:complaint_new and so on) and the paths at the site root.
"""

from django.urls import path

from intranet.complaints import public_views

urlpatterns = [
    path("complaints/new/", public_views.complaint_new, name="complaint_new"),
    path(
        "complaints/receipt/<str:token>/",
        public_views.complaint_receipt,
        name="complaint_receipt",
    ),
    path("complaints/track/", public_views.complaint_track, name="complaint_track"),
    path("complaints/results/", public_views.complaint_results, name="complaint_results"),
]
