from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntranetConfig(AppConfig):
    name = "intranet"
    verbose_name = _("内网")
