"""The portal's home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """Search box, the catalog by topic and department, latest announcements, commitments, contacts."""

    welcome = models.CharField(_("欢迎语"), max_length=200, blank=True)
    intro = RichTextField(_("中心简介"), blank=True)
    commitment_summary = models.TextField(
        _("服务承诺摘要"), blank=True, help_text=_("首页显示的承诺要点，每行一条")
    )

    content_panels = Page.content_panels + [
        FieldPanel("welcome"),
        FieldPanel("intro"),
        FieldPanel("commitment_summary"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("首页")
