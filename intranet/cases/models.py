"""The case register (办件): an application moving through a window, from receipt to rating.

Every list the intranet shows goes through ``CaseQuerySet.visible_to``: the user's center's
cases (every center's with county oversight, docs/county.md), then the role rules.
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centers.models import only_center_id
from centers.scoping import in_reach
from intranet import roles

# Receipt numbers avoid characters that are easy to confuse when read aloud (0/O, 1/I).
RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 6


def new_receipt_number(year=None):
    year = year or timezone.localdate().year
    return f"BJ-{year}-" + "".join(secrets.choice(RECEIPT_ALPHABET) for _i in range(RECEIPT_LENGTH))


def mask_id_number(value):
    """Only the last four characters stay readable, as on bank and government receipts."""
    value = (value or "").strip()
    if not value:
        return ""
    return "*" * max(len(value) - 4, 4) + value[-4:] if len(value) > 4 else "****"


def mask_phone(value):
    value = (value or "").strip()
    return value[:3] + "****" + value[-4:] if len(value) >= 11 else ("*" * len(value))


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=Case.OPEN_STATES)

    def running(self):
        """Cases whose clock runs (accepted, not waiting for materials or a refusal review)."""
        return self.filter(state=Case.State.ACCEPTED)

    def overdue(self, today=None):
        return self.running().filter(deadline__lt=today or timezone.localdate())

    def visible_to(self, user, today=None):
        """The one place that decides which cases a user may see: within the center's (every
        center's for county oversight), all for the head, inspector and administrator, a
        window's own (and what it covers) for window staff."""
        from intranet.cases import substitution

        held = roles.roles_of(user)
        scoped = in_reach(self, user)
        if held & {roles.HEAD, roles.INSPECTOR, roles.ADMIN}:
            return scoped
        if roles.WINDOW_STAFF not in held:
            return self.none()
        mine = models.Q(handler=user) | models.Q(first_contact=user)
        window_id = substitution.window_id_of(user)
        if window_id:
            mine |= models.Q(window_id=window_id) | models.Q(parts__window_id=window_id)
        covered = substitution.covered_users(user, today)
        if covered:
            mine |= models.Q(handler__in=covered)
        return scoped.filter(mine).distinct()

    def for_list(self, today=None):
        """Overdue first, then by deadline; with what a list row shows in the same query."""
        today = today or timezone.localdate()
        return (
            self.select_related("guide", "window", "handler")
            .annotate(
                overdue_rank=models.Case(
                    models.When(
                        state=Case.State.ACCEPTED, deadline__lt=today, then=models.Value(0)
                    ),
                    default=models.Value(1),
                    output_field=models.IntegerField(),
                )
            )
            .order_by("overdue_rank", models.F("deadline").asc(nulls_last=True), "-received_at")
        )


class Case(models.Model):
    class ApplicantKind(models.TextChoices):
        PERSON = "person", _("个人")
        ORGANISATION = "organisation", _("法人或其他组织")

    class Channel(models.TextChoices):
        WINDOW = "window", _("窗口")
        PHONE = "phone", _("电话")
        ONLINE = "online", _("网上预约")
        AGENCY = "agency", _("代办")
        HOME = "home", _("上门服务")

    class Kind(models.TextChoices):
        IMMEDIATE = "immediate", _("即办件")
        PROMISED = "promised", _("承诺件")

    class State(models.TextChoices):
        RECEIVED = "received", _("已收件")
        ACCEPTED = "accepted", _("办理中")
        SUPPLEMENT = "supplement", _("待补正")
        REFUSED = "refused", _("退回（不予受理）")
        COMPLETED = "completed", _("已办结")
        COLLECTED = "collected", _("已取件")

    class Result(models.TextChoices):
        GRANTED = "granted", _("准予")
        DENIED = "denied", _("不予")
        REPORTED = "reported", _("已上报")

    OPEN_STATES = (State.RECEIVED, State.ACCEPTED, State.SUPPLEMENT)
    CLOSED_STATES = (State.COMPLETED, State.COLLECTED)

    # The center the case was made at: the intake's account, the guide's department, or the
    # booking / service request it comes from (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    receipt_number = models.CharField(_("受理编号"), max_length=20, unique=True)
    phone_last4 = models.CharField(_("电话后四位"), max_length=4)
    guide = models.ForeignKey(
        "content.ServiceGuidePage",
        verbose_name=_("办理事项"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    matter = models.CharField(_("事项名称"), max_length=200)
    window = models.ForeignKey(
        "content.Window", verbose_name=_("受理窗口"), on_delete=models.PROTECT, related_name="cases"
    )
    first_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("首问责任人"),
        on_delete=models.PROTECT,
        related_name="first_contact_cases",
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        on_delete=models.PROTECT,
        related_name="handled_cases",
    )
    applicant_kind = models.CharField(
        _("申请人类型"), max_length=15, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    applicant_name = models.CharField(_("申请人"), max_length=100)
    id_number = models.CharField(_("证件号码"), max_length=30, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20)
    address = models.CharField(_("联系地址"), max_length=200, blank=True)
    channel = models.CharField(_("办理渠道"), max_length=10, choices=Channel.choices)
    kind = models.CharField(_("办件类型"), max_length=10, choices=Kind.choices)
    promised_days = models.PositiveSmallIntegerField(_("承诺时限（工作日）"), default=0)
    materials_received = models.TextField(_("已收材料"), blank=True)
    state = models.CharField(
        _("状态"), max_length=12, choices=State.choices, default=State.RECEIVED, db_index=True
    )
    received_at = models.DateTimeField(_("收件时间"), default=timezone.now, db_index=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    # The clock: stopped on ``paused_on`` (补正, refusal); the working days it stood still are
    # added to the deadline when it runs again.
    paused_on = models.DateField(null=True, blank=True)
    paused_working_days = models.PositiveSmallIntegerField(default=0)
    extension_days = models.PositiveSmallIntegerField(default=0)
    deadline = models.DateField(_("办结期限"), null=True, blank=True, db_index=True)
    deadline_provisional = models.BooleanField(default=False)
    # 上报件 / 代办
    forwarded_to = models.CharField(_("上报（转办）单位"), max_length=200, blank=True)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("代办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agent_cases",
    )
    # 办结
    completed_at = models.DateTimeField(_("办结时间"), null=True, blank=True, db_index=True)
    result = models.CharField(_("办理结果"), max_length=10, choices=Result.choices, blank=True)
    public_result = models.CharField(_("公开结果说明"), max_length=200, blank=True)
    on_time = models.BooleanField(_("按期办结"), null=True)
    working_days_used = models.PositiveSmallIntegerField(null=True, blank=True)
    collected_on = models.DateField(_("取件日期"), null=True, blank=True)
    announcement = models.ForeignKey(
        "content.CompletionAnnouncementPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("办件")
        verbose_name_plural = _("办件")

    def __str__(self):
        return self.receipt_number

    @property
    def is_open(self):
        return self.state in self.OPEN_STATES

    def is_overdue(self, today=None):
        return (
            self.state == self.State.ACCEPTED
            and self.deadline is not None
            and self.deadline < (today or timezone.localdate())
        )

    @property
    def applicant_masked(self):
        from content.models.announcements import mask_name

        return mask_name(self.applicant_name)

    @property
    def id_number_masked(self):
        return mask_id_number(self.id_number)

    @property
    def phone_masked(self):
        return mask_phone(self.phone)

    def save_with_new_number(self):
        """Insert with a fresh receipt number, retrying on the (unlikely) collision."""
        self.phone_last4 = self.phone.strip()[-4:]
        for _attempt in range(20):
            self.receipt_number = new_receipt_number(timezone.localtime(self.received_at).year)
            try:
                with transaction.atomic():
                    self.save(force_insert=True)
                return
            except IntegrityError:
                if not Case.objects.filter(receipt_number=self.receipt_number).exists():
                    raise
        raise IntegrityError("could not find a free receipt number")


class CaseEvent(models.Model):
    """One line of the timeline; never edited or deleted (corrections are new events)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set when a B post acted on the A post's case during the A post's approved leave.
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("操作"), max_length=50)
    public_text = models.CharField(_("公开说明"), max_length=300, blank=True)
    internal_note = models.TextField(_("内部备注"), blank=True)
    is_public = models.BooleanField(_("在进度查询页显示"), default=False)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("办件记录")
        verbose_name_plural = _("办件记录")

    def __str__(self):
        return f"{self.case_id} {self.action}"


class CasePart(models.Model):
    """A partner window's part of a 联办件; the case's own window leads."""

    class State(models.TextChoices):
        PENDING = "pending", _("办理中")
        DONE = "done", _("已完成")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="parts")
    window = models.ForeignKey("content.Window", on_delete=models.PROTECT, related_name="+")
    task = models.CharField(_("承办内容"), max_length=200)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    done_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("办理情况"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("联办部分")
        verbose_name_plural = _("联办部分")

    def __str__(self):
        return f"{self.case_id} {self.window_id}"


class SupplementRequest(models.Model):
    """补正: every missing item at once; a second request on one case breaches 一次性告知."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="supplements")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    # Names copied from the guide, so an edited guide does not change what the citizen was told.
    materials = models.JSONField(_("所缺材料"), default=list)
    other_text = models.TextField(_("其他需补正内容"), blank=True)
    reason = models.TextField(_("再次补正的理由"), blank=True)
    is_breach = models.BooleanField(_("未一次性告知"), default=False)
    # Whom the breach counts against: the handler at the time of the first request.
    breach_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_on = models.DateField(_("补齐日期"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        verbose_name = _("补正通知")
        verbose_name_plural = _("补正通知")

    def __str__(self):
        return f"{self.case_id} {self.requested_at:%Y-%m-%d}"


class NegativeFiling(models.Model):
    """否定报备: every refusal, reviewed by the head within two working days."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("待审核")
        UPHELD = "upheld", _("维持")
        CORRECTED = "corrected", _("纠正")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="filings")
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    filed_at = models.DateTimeField(default=timezone.now, db_index=True)
    reason = models.TextField(_("退回理由"))
    basis = models.TextField(_("法律依据"))
    review_deadline = models.DateField(_("审核期限"), db_index=True)
    decision = models.CharField(
        _("审核结论"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    instruction = models.TextField(_("审核意见"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("否定报备")
        verbose_name_plural = _("否定报备")

    def __str__(self):
        return f"{self.case_id} {self.get_decision_display()}"

    def is_overdue(self, today=None):
        return self.decision == self.Decision.PENDING and self.review_deadline < (
            today or timezone.localdate()
        )


class Extension(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("待审批")
        APPROVED = "approved", _("已批准")
        REFUSED = "refused", _("未批准")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="extensions")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    working_days = models.PositiveSmallIntegerField(_("延长工作日数"))
    reason = models.TextField(_("延期理由"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("延期申请")
        verbose_name_plural = _("延期申请")

    def __str__(self):
        return f"{self.case_id} +{self.working_days}"


class Handoff(models.Model):
    """上报件 / 代办: each time the agent hands the file over or brings an answer back."""

    class Kind(models.TextChoices):
        SENT = "sent", _("移交")
        REPLY = "reply", _("答复")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="handoffs")
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    counterpart = models.CharField(_("对方单位"), max_length=200)
    note = models.TextField(_("情况"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("代办交接")
        verbose_name_plural = _("代办交接")

    def __str__(self):
        return f"{self.case_id} {self.kind}"


class Rating(models.Model):
    """好差评: the national five levels, once per closed case."""

    class Level(models.IntegerChoices):
        VERY_SATISFIED = 5, _("非常满意")
        SATISFIED = 4, _("满意")
        BASICALLY = 3, _("基本满意")
        DISSATISFIED = 2, _("不满意")
        VERY_DISSATISFIED = 1, _("非常不满意")

    BAD = (Level.DISSATISFIED, Level.VERY_DISSATISFIED)
    GOOD = (Level.VERY_SATISFIED, Level.SATISFIED)

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="rating")
    level = models.PositiveSmallIntegerField(_("评价"), choices=Level.choices)
    comment = models.CharField(_("意见"), max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("好差评")
        verbose_name_plural = _("好差评")

    def __str__(self):
        return f"{self.case_id} {self.level}"


class FollowUp(models.Model):
    """回访整改 after a bad rating."""

    rating = models.OneToOneField(Rating, on_delete=models.PROTECT, related_name="follow_up")
    deadline = models.DateField(_("整改期限"), db_index=True)
    outcome = models.TextField(_("回访整改情况"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("回访整改")
        verbose_name_plural = _("回访整改")

    def __str__(self):
        return f"{self.rating_id}"


class IdentityView(models.Model):
    """Every time someone opens an applicant's full ID number."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="identity_views")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("证件号码查看记录")
        verbose_name_plural = _("证件号码查看记录")

    def __str__(self):
        return f"{self.case_id} {self.user_id}"


class FirstContactQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The register of the user's center (every center's for county oversight): the
        head and inspector read all of it, everyone else their own entries."""
        scoped = in_reach(self, user)
        if roles.has_role(user, roles.HEAD, roles.INSPECTOR):
            return scoped
        return scoped.filter(recorded_by=user)


class FirstContact(models.Model):
    """首问登记册: whoever is asked first stays responsible until the matter ends."""

    class Kind(models.TextChoices):
        ENQUIRY = "enquiry", _("咨询")
        APPLICATION = "application", _("办事")
        COMPLAINT = "complaint", _("投诉")
        HELP = "help", _("求助")

    # The center of the account that recorded it.
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    at = models.DateTimeField(_("时间"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("首问责任人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    visitor_name = models.CharField(_("来访人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    matter = models.TextField(_("事项"))
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices)
    action_taken = models.TextField(
        _("处理情况"), help_text=_("如：已当场解答；已引导至某窗口某人")
    )
    follow_up = models.TextField(_("跟进情况"), blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    complaint = models.ForeignKey(
        "complaints.Complaint", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = FirstContactQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        verbose_name = _("首问登记")
        verbose_name_plural = _("首问登记")

    def __str__(self):
        return f"{self.at:%Y-%m-%d} {self.get_kind_display()}"
