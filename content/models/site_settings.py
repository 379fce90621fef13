"""Center-wide contact details shown in every page footer and on the home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from content.text_limits import SHORT_TEXT, limit
from portal.fragment_cache import cached_value


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

    @classmethod
    def for_request(cls, request):
        """Every page's header and footer show these: kept with the rendered fragments
        (portal/fragment_cache.py) until a setting, snippet or Site changes."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        parent = super().for_request
        site_settings = cached_value(request, "center_settings", lambda: parent(request))
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings
