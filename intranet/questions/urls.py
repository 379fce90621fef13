"""Staff pages of questions, included under /intranet/questions/ in the intranet namespace.
tests/intranet/test_access.py walks these for every role too."""

from django.urls import path

from intranet.questions import views

urlpatterns = [
    path("", views.question_list, name="question_list"),
    path("<int:pk>/", views.question_detail, name="question_detail"),
    path("<int:pk>/answer/", views.question_answer, name="question_answer"),
    path("<int:pk>/publish/", views.question_publish, name="question_publish"),
    path("<int:pk>/faq/", views.question_faq, name="question_faq"),
]
