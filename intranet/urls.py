"""Every intranet page. tests/intranet/test_access.py walks this list for every role."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from intranet import home

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
    # Complaints, study and attendance, internal disclosures: one app each
    path("complaints/", include("intranet.complaints.urls")),
    path("study/", include("intranet.study.urls")),
    path("disclosures/", include("intranet.disclosures.urls")),
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
