from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudyConfig(AppConfig):
    name = "intranet.study"
    label = "study"
    verbose_name = _("学习教育")
    default_auto_field = "django.db.models.BigAutoField"
