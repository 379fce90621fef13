from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "intranet.evaluation"
    label = "evaluation"
    verbose_name = _("效能考评")
    default_auto_field = "django.db.models.BigAutoField"
