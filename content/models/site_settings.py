"""Center-wide contact details shown in every page footer and on the home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from content.text_limits import SHORT_TEXT, limit


@register_setting(icon="home")
class CenterSettings(BaseSiteSetting):
    center_name = models.CharField(_("中心名称"), max_length=100, default="示范镇便民服务中心")
    address = models.CharField(_("地址"), max_length=200, blank=True)
    hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("咨询电话"), max_length=50, blank=True)
    complaint_phone = models.CharField(_("监督投诉电话"), max_length=50, blank=True)
    complaint_channels = models.TextField(
        _("投诉渠道"),
        blank=True,
        help_text=_("意见箱、投诉电话、纪检监督员联系方式等，每行一条"),
        validators=limit(SHORT_TEXT),
    )

    panels = [
        FieldPanel("center_name"),
        FieldPanel("address"),
        FieldPanel("hours"),
        FieldPanel("phone"),
        FieldPanel("complaint_phone"),
        FieldPanel("complaint_channels"),
    ]

    class Meta:
        verbose_name = _("中心信息")
