"""Every intranet page. tests/intranet/test_access.py walks this list for every role."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from intranet.views import complaints, disclosures, home, study

app_name = "intranet"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="intranet/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", home.home, name="home"),
    # Complaints
    path("complaints/", complaints.complaint_list, name="complaint_list"),
    path("complaints/new/", complaints.complaint_new, name="complaint_new"),
    path("complaints/identity-log/", complaints.identity_access_log, name="identity_access_log"),
    path("complaints/<int:pk>/", complaints.complaint_detail, name="complaint_detail"),
    path("complaints/<int:pk>/identity/", complaints.complaint_identity, name="complaint_identity"),
    path("complaints/<int:pk>/triage/", complaints.complaint_triage, name="complaint_triage"),
    path("complaints/<int:pk>/note/", complaints.complaint_note, name="complaint_note"),
    path("complaints/<int:pk>/reply/", complaints.complaint_reply, name="complaint_reply"),
    path("complaints/<int:pk>/close/", complaints.complaint_close, name="complaint_close"),
    path(
        "complaints/<int:pk>/extension/",
        complaints.complaint_extension_request,
        name="complaint_extension_request",
    ),
    path(
        "complaints/<int:pk>/extension/<int:ext_pk>/decide/",
        complaints.complaint_extension_decide,
        name="complaint_extension_decide",
    ),
    path(
        "complaints/<int:pk>/publication/",
        complaints.complaint_publication,
        name="complaint_publication",
    ),
    path(
        "complaints/<int:pk>/publication/approve/",
        complaints.complaint_publication_approve,
        name="complaint_publication_approve",
    ),
    path(
        "complaints/<int:pk>/attachments/<int:att_pk>/",
        complaints.complaint_attachment,
        name="complaint_attachment",
    ),
    # Study and attendance
    path("study/", study.plan, name="study_plan"),
    path("study/<int:year>/", study.plan, name="study_plan_year"),
    path("study/signin/", study.signin, name="study_signin"),
    path("study/sessions/new/", study.session_edit, name="study_session_new"),
    path("study/sessions/<int:pk>/", study.session_detail, name="study_session"),
    path("study/sessions/<int:pk>/edit/", study.session_edit, name="study_session_edit"),
    path("study/sessions/<int:pk>/leave/", study.leave_request, name="study_leave"),
    path(
        "study/sessions/<int:pk>/leave/<int:leave_pk>/decide/",
        study.leave_decide,
        name="study_leave_decide",
    ),
    path("study/sessions/<int:pk>/roll/", study.roll, name="study_roll"),
    path("study/sessions/<int:pk>/display/", study.signin_display, name="study_signin_display"),
    path("study/sessions/<int:pk>/roll/correct/", study.roll_correct, name="study_roll_correct"),
    path("study/sessions/<int:pk>/note/", study.note, name="study_note"),
    path("study/sessions/<int:pk>/notes/", study.notes, name="study_notes"),
    path("study/sessions/<int:pk>/material/", study.material, name="study_material"),
    path("study/attendance/", study.attendance_report, name="attendance_report"),
    path("study/attendance/export/", study.attendance_export, name="attendance_export"),
    # Internal disclosures
    path("disclosures/", disclosures.disclosure_list, name="disclosure_list"),
    path("disclosures/new/", disclosures.disclosure_new, name="disclosure_new"),
    path("disclosures/<int:pk>/", disclosures.disclosure_detail, name="disclosure_detail"),
    path("disclosures/<int:pk>/reads/", disclosures.disclosure_reads, name="disclosure_reads"),
    path(
        "disclosures/<int:pk>/attachments/<int:att_pk>/",
        disclosures.disclosure_attachment,
        name="disclosure_attachment",
    ),
    # Cases (办件): intranet/cases/urls.py
    path("cases/", include("intranet.cases.urls")),
    # Monthly evaluation (效能考评): intranet/evaluation/urls.py
    path("evaluation/", include("intranet.evaluation.urls")),
    # Questions (在线咨询) and information requests (依申请公开): their own apps
    path("questions/", include("intranet.questions.urls")),
    path("info-requests/", include("intranet.inforequests.urls")),
    # Bookings and 代办/上门 requests: intranet/bookings/urls.py
    path("bookings/", include("intranet.bookings.urls")),
]
