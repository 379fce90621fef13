"""Internal disclosures (对内公开): what the center tells its own staff.

The tables keep the names they had in the intranet app (``db_table``): the models moved
here without copying rows (migration intranet 0005 and this app's 0001).
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centers.models import only_center_id
from centers.scoping import in_reach
from content.text_limits import DOCUMENT, limit
from intranet import roles
from intranet.storage import private_storage


class DisclosureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publish_at__lte=timezone.now())

    def visible_to(self, user):
        """Managers read all of their center's items (every center's with county oversight),
        staff the published ones meant for their groups."""
        mine = in_reach(self, user)
        if roles.has_role(user, *roles.DISCLOSURE_MANAGERS):
            return mine
        if not roles.roles_of(user):
            return self.none()
        group_ids = list(user.groups.values_list("id", flat=True))
        return (
            mine.published()
            .filter(
                models.Q(audience_groups__isnull=True) | models.Q(audience_groups__in=group_ids)
            )
            .distinct()
        )


class Disclosure(models.Model):
    class Category(models.TextChoices):
        INTEGRITY = "integrity", _("干部廉洁自律情况")
        FINANCE = "finance", _("中心内部财务收支情况")
        PERSONNEL = "personnel", _("干部任免、交流、考核、考勤、奖惩情况")
        MODEL_WINDOWS = "model_windows", _("红旗窗口和优秀窗口工作人员评比情况")
        OTHER = "other", _("其他")

    # The center whose staff the item is for (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    title = models.CharField(_("标题"), max_length=200)
    category = models.CharField(_("类别"), max_length=20, choices=Category.choices)
    body = models.TextField(_("正文"), validators=limit(DOCUMENT))
    audience_groups = models.ManyToManyField(
        Group,
        verbose_name=_("公开范围"),
        blank=True,
        related_name="+",
        help_text=_("不选则向全体工作人员公开"),
    )
    publish_at = models.DateTimeField(_("公开时间"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = DisclosureQuerySet.as_manager()

    class Meta:
        db_table = "intranet_disclosure"
        ordering = ["-publish_at", "-id"]
        verbose_name = _("对内公开事项")
        verbose_name_plural = _("对内公开事项")

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.publish_at <= timezone.now()


class DisclosureAttachment(models.Model):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("附件"), upload_to="disclosures/%Y/", storage=private_storage)
    original_name = models.CharField(_("文件名"), max_length=200)

    class Meta:
        db_table = "intranet_disclosureattachment"
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self):
        return self.original_name


class DisclosureRead(models.Model):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(_("阅读时间"), auto_now_add=True)

    class Meta:
        db_table = "intranet_disclosureread"
        constraints = [
            models.UniqueConstraint(fields=["disclosure", "user"], name="disclosure_read_once")
        ]
        verbose_name = _("阅读回执")
        verbose_name_plural = _("阅读回执")

    def __str__(self):
        return f"{self.disclosure_id} {self.user_id}"
