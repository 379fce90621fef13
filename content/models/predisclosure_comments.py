"""Citizens' comments on a pre-disclosure (预公开), kept apart from the page so the comment
form can import the model while the page imports the form."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from content.text_limits import TEXT, limit


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
        "content.PreDisclosurePage",
        verbose_name=_("预公开事项"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    name = models.CharField(_("称呼"), max_length=50, blank=True)
    contact = models.CharField(_("联系方式（不公开）"), max_length=100, blank=True)
    body = models.TextField(_("意见内容"), max_length=5000, validators=limit(5000))
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    status = models.CharField(
        _("状态"), max_length=10, choices=STATUS_CHOICES, default=STATUS_PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reply = models.TextField(_("答复"), blank=True, validators=limit(TEXT))

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
        # Stored in UTC; an f-string does not convert, so convert before formatting.
        return f"{self.page.title} · {timezone.localtime(self.submitted_at):%Y-%m-%d %H:%M}"
