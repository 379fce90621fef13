"""Staff complaint pages under /intranet/complaints/ (names in the intranet namespace)."""

from django.urls import path

from intranet.complaints import views

urlpatterns = [
    path("", views.complaint_list, name="complaint_list"),
    path("new/", views.complaint_new, name="complaint_new"),
    path("identity-log/", views.identity_access_log, name="identity_access_log"),
    path("<int:pk>/", views.complaint_detail, name="complaint_detail"),
    path("<int:pk>/identity/", views.complaint_identity, name="complaint_identity"),
    path("<int:pk>/triage/", views.complaint_triage, name="complaint_triage"),
    path("<int:pk>/note/", views.complaint_note, name="complaint_note"),
    path("<int:pk>/reply/", views.complaint_reply, name="complaint_reply"),
    path("<int:pk>/close/", views.complaint_close, name="complaint_close"),
    path(
        "<int:pk>/extension/",
        views.complaint_extension_request,
        name="complaint_extension_request",
    ),
    path(
        "<int:pk>/extension/<int:ext_pk>/decide/",
        views.complaint_extension_decide,
        name="complaint_extension_decide",
    ),
    path("<int:pk>/publication/", views.complaint_publication, name="complaint_publication"),
    path(
        "<int:pk>/publication/approve/",
        views.complaint_publication_approve,
        name="complaint_publication_approve",
    ),
    path(
        "<int:pk>/attachments/<int:att_pk>/",
        views.complaint_attachment,
        name="complaint_attachment",
    ),
]
