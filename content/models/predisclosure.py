"""Pre-disclosure (预公开): a draft decision open for public comment before it is made."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class PreDisclosurePage(Page):
    summary = models.TextField(_("征求意见说明"), blank=True)
    draft = RichTextField(_("草案全文"))
    comment_opens = models.DateField(_("征求意见开始"))
    comment_closes = models.DateField(_("征求意见截止"))
    outcome = RichTextField(
        _("意见采纳情况"), blank=True, help_text=_("征求意见结束后，公开意见采纳情况和正式决定")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("comment_opens"), FieldPanel("comment_closes")]),
        FieldPanel("draft"),
        FieldPanel("outcome"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("draft")]
    parent_page_types = ["content.ArticleIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("预公开")
        verbose_name_plural = _("预公开")

    def is_open_for_comment(self, today=None):
        today = today or timezone.localdate()
        return self.comment_opens <= today <= self.comment_closes


class PreDisclosureComment(models.Model):
    """A citizen's comment; nobody sees it on the portal until a moderator approves it."""

    STATUS_PENDING = "pending"
    STATUS_APPROVED = "approved"
    STATUS_REJECTED = "rejected"
    STATUS_CHOICES = [
        (STATUS_PENDING, _("待审核")),
        (STATUS_APPROVED, _("已公开")),
        (STATUS_REJECTED, _("不予公开")),
    ]

    page = models.ForeignKey(
        PreDisclosurePage, verbose_name=_("预公开事项"), on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField(_("称呼"), max_length=50, blank=True)
    contact = models.CharField(_("联系方式（不公开）"), max_length=100, blank=True)
    body = models.TextField(_("意见内容"), max_length=5000)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    status = models.CharField(_("状态"), max_length=10, choices=STATUS_CHOICES, default=STATUS_PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reply = models.TextField(_("答复"), blank=True)

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("body", read_only=True),
        FieldPanel("status"),
        FieldPanel("reply"),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("预公开意见")
        verbose_name_plural = _("预公开意见")

    def __str__(self):
        return f"{self.page.title} · {self.submitted_at:%Y-%m-%d %H:%M}"
