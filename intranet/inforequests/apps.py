from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfoRequestsConfig(AppConfig):
    name = "intranet.inforequests"
    label = "inforequests"
    verbose_name = _("依申请公开")
    default_auto_field = "django.db.models.BigAutoField"
