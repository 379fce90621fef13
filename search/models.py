"""Synonyms editors maintain, and the outbox that carries publishing events to the engines."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SynonymGroup(models.Model):
    """Words citizens use and the official terms they mean, all treated as one at query time."""

    terms = models.TextField(
        _("同义词"),
        help_text=_("用逗号或顿号分隔的同义词，如：新农合，城乡居民医保，城乡居民基本医疗保险"),
    )
    note = models.CharField(_("备注"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["pk"]
        verbose_name = _("搜索同义词")
        verbose_name_plural = _("搜索同义词")

    def __str__(self):
        return self.terms[:60]


class OutboxEntry(models.Model):
    """One thing whose index entry must be refreshed, written in the same transaction as the change.

    Engines re-read the object when applying a row, so a row says *what* to refresh,
    not what the document looked like; applying rows in order is then always right.
    """

    ACTION_REFRESH = "refresh"
    ACTION_DELETE = "delete"
    ACTION_CHOICES = [(ACTION_REFRESH, _("刷新")), (ACTION_DELETE, _("删除"))]

    seq = models.BigAutoField(primary_key=True)
    action = models.CharField(_("操作"), max_length=10, choices=ACTION_CHOICES)
    doc_id = models.CharField(_("索引条目"), max_length=100)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("索引待办")
        verbose_name_plural = _("索引待办")

    def __str__(self):
        return f"#{self.seq} {self.action} {self.doc_id}"


class EngineCursor(models.Model):
    """The last outbox row an engine has applied; each engine moves on its own."""

    engine = models.CharField(_("引擎"), max_length=50, unique=True)
    last_seq = models.BigIntegerField(_("已应用到"), default=0)
    last_error = models.TextField(_("最近错误"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("索引进度")
        verbose_name_plural = _("索引进度")

    def __str__(self):
        return f"{self.engine} @ {self.last_seq}"
