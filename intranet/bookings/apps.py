from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "intranet.bookings"
    label = "bookings"
    verbose_name = _("预约与代办/上门服务")
    default_auto_field = "django.db.models.BigAutoField"
