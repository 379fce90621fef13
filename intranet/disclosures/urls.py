"""Internal disclosures under /intranet/disclosures/ (names in the intranet namespace)."""

from django.urls import path

from intranet.disclosures import views

urlpatterns = [
    path("", views.disclosure_list, name="disclosure_list"),
    path("new/", views.disclosure_new, name="disclosure_new"),
    path("<int:pk>/", views.disclosure_detail, name="disclosure_detail"),
    path("<int:pk>/reads/", views.disclosure_reads, name="disclosure_reads"),
    path(
        "<int:pk>/attachments/<int:att_pk>/",
        views.disclosure_attachment,
        name="disclosure_attachment",
    ),
]
