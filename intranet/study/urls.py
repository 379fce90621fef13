"""Study sessions and attendance under /intranet/study/ (names in the intranet namespace)."""

from django.urls import path

from intranet.study import views

urlpatterns = [
    path("", views.plan, name="study_plan"),
    path("<int:year>/", views.plan, name="study_plan_year"),
    path("signin/", views.signin, name="study_signin"),
    path("sessions/new/", views.session_edit, name="study_session_new"),
    path("sessions/<int:pk>/", views.session_detail, name="study_session"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="study_session_edit"),
    path("sessions/<int:pk>/leave/", views.leave_request, name="study_leave"),
    path(
        "sessions/<int:pk>/leave/<int:leave_pk>/decide/",
        views.leave_decide,
        name="study_leave_decide",
    ),
    path("sessions/<int:pk>/roll/", views.roll, name="study_roll"),
    path("sessions/<int:pk>/display/", views.signin_display, name="study_signin_display"),
    path("sessions/<int:pk>/roll/correct/", views.roll_correct, name="study_roll_correct"),
    path("sessions/<int:pk>/note/", views.note, name="study_note"),
    path("sessions/<int:pk>/notes/", views.notes, name="study_notes"),
    path("sessions/<int:pk>/material/", views.material, name="study_material"),
    path("attendance/", views.attendance_report, name="attendance_report"),
    path("attendance/export/", views.attendance_export, name="attendance_export"),
]
