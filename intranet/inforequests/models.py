"""Information requests (依申请公开, 政府信息公开条例): the register, deadlines and statutory answers."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centers.models import only_center_id
from centers.scoping import in_reach
from intranet import roles
from intranet.complaints.models import CODE_ALPHABET

# 条例 art. 33: answer within 20 working days; one extension of at most 20 with approval.
ANSWER_WORKING_DAYS = 20
EXTENSION_WORKING_DAYS = 20


def new_request_code(year=None):
    year = year or timezone.localdate().year
    return f"YS-{year}-" + "".join(secrets.choice(CODE_ALPHABET) for _i in range(6))


class InfoRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one place that decides which requests a user may see: their center's (every
        center's with county oversight), for the roles that keep the register."""
        if roles.roles_of(user) & {roles.WINDOW_STAFF, roles.HEAD, roles.INSPECTOR, roles.ADMIN}:
            return in_reach(self, user)
        return self.none()

    def for_list(self, today=None):
        """Overdue open requests first, then open ones by deadline, then answered ones."""
        today = today or timezone.localdate()
        return self.annotate(
            overdue_rank=models.Case(
                models.When(answered_at__isnull=True, deadline__lt=today, then=0),
                models.When(answered_at__isnull=True, then=1),
                default=2,
                output_field=models.IntegerField(),
            )
        ).order_by("overdue_rank", "deadline", "-received_at")


class InfoRequest(models.Model):
    class ApplicantType(models.TextChoices):
        PERSON = "person", _("公民")
        ORGANISATION = "organisation", _("法人或其他组织")

    class Delivery(models.TextChoices):
        EMAIL = "email", _("电子邮件")
        POST = "post", _("邮寄")
        IN_PERSON = "in_person", _("当面领取")
        ONLINE = "online", _("网上查看")

    class Outcome(models.TextChoices):
        DISCLOSED = "disclosed", _("予以公开")
        PARTIAL = "partial", _("部分公开")
        REFUSED = "refused", _("不予公开")
        NOT_EXIST = "not_exist", _("无法提供（本机关不掌握相关政府信息，信息不存在）")
        NOT_HELD = "not_held", _("非本机关掌握（告知有关机关）")
        REPEATED = "repeated", _("重复申请")
        OUT_OF_SCOPE = "out_of_scope", _("不属于政府信息公开范围")

    # Outcomes that need a written reason and legal basis on the 告知书.
    NEEDS_REASON = frozenset({Outcome.PARTIAL, Outcome.REFUSED, Outcome.OUT_OF_SCOPE})

    # The center the request was made to: the portal it was posted on (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    code = models.CharField(_("查询码"), max_length=20, unique=True)
    applicant_type = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField(_("申请人名称"), max_length=100)
    id_number = models.CharField(_("身份证号码或统一社会信用代码"), max_length=30)
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    description = models.TextField(_("所需政府信息的内容描述"))
    purpose = models.TextField(_("用途"), blank=True)
    delivery = models.CharField(_("获取方式"), max_length=20, choices=Delivery.choices)
    received_at = models.DateTimeField(_("收到时间"), default=timezone.now)
    deadline = models.DateField(_("答复期限"))
    deadline_provisional = models.BooleanField(default=False)
    extended_at = models.DateTimeField(_("延期时间"), null=True, blank=True)
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    extension_reason = models.TextField(_("延期理由"), blank=True)
    outcome = models.CharField(_("答复类型"), max_length=20, choices=Outcome.choices, blank=True)
    answer_text = models.TextField(_("答复内容"), blank=True)
    reason = models.TextField(_("理由"), blank=True)
    legal_basis = models.CharField(_("法律依据"), max_length=300, blank=True)
    right_body = models.CharField(_("有关机关"), max_length=200, blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = InfoRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-received_at"]

    def __str__(self):
        return self.code

    @property
    def is_answered(self):
        return self.answered_at is not None

    @property
    def applicant_masked(self):
        name = self.applicant_name
        if self.applicant_type == self.ApplicantType.ORGANISATION:
            return name
        return f"{name[0]}**" if name else ""

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        if self.answered_at:
            return timezone.localtime(self.answered_at).date() > self.deadline
        return today > self.deadline
