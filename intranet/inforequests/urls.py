"""Staff pages of information requests, included under /intranet/info-requests/ in the intranet
namespace. tests/intranet/test_access.py walks these for every role too."""

from django.urls import path

from intranet.inforequests import views

urlpatterns = [
    path("", views.request_list, name="info_request_list"),
    path("statistics/", views.statistics, name="info_request_statistics"),
    path("statistics/export/", views.statistics_export, name="info_request_statistics_export"),
    path("<int:pk>/", views.request_detail, name="info_request_detail"),
    path("<int:pk>/extend/", views.request_extend, name="info_request_extend"),
    path("<int:pk>/answer/", views.request_answer, name="info_request_answer"),
    path("<int:pk>/notice/", views.request_notice, name="info_request_notice"),
]
