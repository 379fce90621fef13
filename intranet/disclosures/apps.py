from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosuresConfig(AppConfig):
    name = "intranet.disclosures"
    label = "disclosures"
    verbose_name = _("对内公开")
    default_auto_field = "django.db.models.BigAutoField"
