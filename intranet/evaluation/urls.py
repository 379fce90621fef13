"""Staff pages of the monthly evaluation, included under /intranet/evaluation/.
tests/intranet/test_access.py walks these for every role too."""

from django.urls import path

from intranet.evaluation import views

urlpatterns = [
    path("", views.month_list, name="evaluation_list"),
    path("generate/", views.generate, name="evaluation_generate"),
    path("rules/", views.rules, name="evaluation_rules"),
    path("county/", views.county_view, name="evaluation_county"),
    path("<int:year>/<int:month>/", views.month_detail, name="evaluation_month"),
    path(
        "<int:year>/<int:month>/records/<slug:target>/<int:pk>/<slug:fact>/",
        views.records,
        name="evaluation_records",
    ),
    path("<int:year>/<int:month>/object/", views.object_to, name="evaluation_object"),
    path("<int:year>/<int:month>/adjust/", views.adjust, name="evaluation_adjust"),
    path("<int:year>/<int:month>/confirm/", views.confirm, name="evaluation_confirm"),
    path("<int:year>/<int:month>/bulletin/", views.bulletin, name="evaluation_bulletin"),
    path(
        "<int:year>/<int:month>/bulletin.xlsx",
        views.bulletin_export,
        name="evaluation_bulletin_export",
    ),
    path("<int:year>/", views.year_view, name="evaluation_year"),
    path("<int:year>/honours/", views.choose_honour, name="evaluation_honour"),
    path("entries/<int:pk>/mention/", views.mention, name="evaluation_mention"),
    path("objections/<int:pk>/answer/", views.answer, name="evaluation_answer"),
]
