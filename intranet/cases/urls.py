"""Staff pages of the case register, included under /intranet/cases/ in the intranet namespace.
tests/intranet/test_access.py walks these for every role too."""

from django.urls import path

from intranet.cases import documents, views

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("new/", views.case_new, name="case_new"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/identity/", views.case_identity, name="case_identity"),
    path("<int:pk>/do/<slug:action>/", views.case_action, name="case_action"),
    path("<int:pk>/print/<slug:doc>/", documents.case_document, name="case_document"),
    path("extensions/<int:pk>/decide/", views.extension_decide, name="case_extension_decide"),
    path("filings/", views.filing_list, name="case_filings"),
    path("filings/export/", views.filing_export, name="case_filings_export"),
    path("filings/<int:pk>/review/", views.filing_review, name="case_filing_review"),
    path("export/", views.register_export, name="case_register_export"),
    path("follow-ups/", views.follow_up_list, name="case_follow_ups"),
    path("follow-ups/<int:pk>/", views.follow_up_close, name="case_follow_up"),
    path("identity-log/", views.identity_log, name="case_identity_log"),
    path("first-contacts/", views.contact_list, name="case_contacts"),
    path("first-contacts/new/", views.contact_new, name="case_contact_new"),
    path("first-contacts/<int:pk>/", views.contact_detail, name="case_contact"),
    path(
        "first-contacts/<int:pk>/complaint/",
        views.contact_to_complaint,
        name="case_contact_complaint",
    ),
    path("first-contacts/<int:pk>/print/", documents.contact_notice, name="case_contact_notice"),
]
