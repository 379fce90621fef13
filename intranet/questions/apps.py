from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "intranet.questions"
    label = "questions"
    verbose_name = _("在线咨询")
    default_auto_field = "django.db.models.BigAutoField"
