"""Rules and articles: 管理制度, 机构设置与职责, 政务公开制度 and other standing texts."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class ArticleIndexPage(Page):
    intro = RichTextField(_("说明"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["content.ArticlePage", "content.PreDisclosurePage"]

    class Meta:
        verbose_name = _("栏目")


class ArticlePage(Page):
    CATEGORY_CHOICES = [
        ("rules", _("管理制度")),
        ("organisation", _("机构设置与职责")),
        ("disclosure", _("政务公开制度")),
        ("policy", _("政策文件")),
        ("news", _("工作动态")),
        ("other", _("其他")),
    ]

    category = models.CharField(_("类别"), max_length=20, choices=CATEGORY_CHOICES, default="rules")
    summary = models.TextField(_("摘要"), blank=True)
    body = RichTextField(_("正文"))
    issued_on = models.DateField(_("发布日期"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        FieldPanel("issued_on"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["content.ArticleIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")
