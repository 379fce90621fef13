from django.urls import path

app_name = "intranet"

urlpatterns: list = []
