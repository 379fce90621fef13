"""Complaints (投诉 / 效能投诉): intake, triage, deadlines, the timeline and confidentiality.

The tables keep the names they had in the intranet app (``db_table``): the models moved
here without copying rows (migration intranet 0005 and this app's 0001).
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centers.models import only_center_id
from centers.scoping import in_reach
from content.text_limits import SHORT_TEXT, TEXT, limit
from intranet import roles
from intranet.calendar.workdays import Deadline, WorkCalendar
from intranet.storage import private_storage

# Tracking codes avoid letters and digits that are easy to confuse when read aloud (0/O, 1/I).
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 6


def new_tracking_code(year=None):
    year = year or timezone.localdate().year
    return f"TS-{year}-" + "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


class ComplaintQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=Complaint.OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(deadline__lt=today or timezone.localdate())

    def visible_to(self, user):
        """What the user may read: their center's complaints (every center's for county
        oversight), then by role: oversight all of them, window staff their own cases."""
        held = roles.roles_of(user)
        mine = in_reach(self, user)
        if held & {roles.HEAD, roles.INSPECTOR, roles.ADMIN}:
            return mine
        if roles.WINDOW_STAFF in held:
            return mine.filter(models.Q(handler=user) | models.Q(recorded_by=user))
        return self.none()


class Complaint(models.Model):
    class Channel(models.TextChoices):
        ONLINE = "online", _("网上")
        PHONE = "phone", _("电话")
        ORAL = "oral", _("口头")
        WRITTEN = "written", _("书面")

    class Category(models.TextChoices):
        # The seven kinds of 效能投诉 the center accepts.
        LAWLESS = "lawless", _("不依法行政和不执行党委、政府决定")
        ATTITUDE = "attitude", _("工作作风粗暴、服务态度不端正")
        INEFFICIENCY = "inefficiency", _("工作效率低下、推诿扯皮或失职渎职")
        OPENNESS = "openness", _("违反政务公开制度")
        ABUSE = "abuse", _("滥用职权、以权谋私、“吃拿卡要”")
        FEES = "fees", _("乱收费、乱摊派等不正之风")
        OTHER = "other", _("其它违纪违规行为")

    class Status(models.TextChoices):
        RECEIVED = "received", _("待受理")
        IN_PROGRESS = "in_progress", _("办理中")
        NOT_ACCEPTED = "not_accepted", _("不予受理")
        REPLIED = "replied", _("已答复")
        CLOSED = "closed", _("已办结")

    class Complexity(models.TextChoices):
        SIMPLE = "simple", _("一般投诉（次个工作日内答复）")
        COMPLEX = "complex", _("复杂或涉及多个部门（5个工作日内答复）")
        INSPECTOR = "inspector", _("纪检受理（15日内答复）")

    class Method(models.TextChoices):
        DIRECT = "direct", _("直办")
        REFER = "refer", _("转办")
        INVESTIGATE = "investigate", _("查办")
        ESCALATE = "escalate", _("呈办")

    class ReplyMethod(models.TextChoices):
        # The reply text itself shows on the public tracking page: the only way to answer
        # a citizen who left no contact details.
        ONLINE = "online", _("网上答复")
        ON_SITE = "on_site", _("当面口头答复")
        PHONE = "phone", _("电话答复")
        WRITTEN = "written", _("书面答复")
        SMS = "sms", _("短信答复")

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("查实")
        PARTLY = "partly", _("部分查实")
        UNFOUNDED = "unfounded", _("不属实")
        MEDIATED = "mediated", _("已协调解决")
        OTHER = "other", _("其他")

    OPEN_STATUSES = (Status.RECEIVED, Status.IN_PROGRESS)
    # Deadlines per complexity. Simple and complex complaints count working days (the rules say
    # 当日或次日 and 一周之内, i.e. five working days). The discipline inspector's 一般在15日内 is read
    # as 15 calendar days, as 日 means in Chinese administrative rules; if the 15th day is a day off
    # the deadline moves to the next working day (民法典 art. 203).
    WORKING_DAYS = {Complexity.SIMPLE: 1, Complexity.COMPLEX: 5}
    INSPECTOR_CALENDAR_DAYS = 15

    # The center the complaint was made to: the portal's it was posted on, or the recording
    # staff member's (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    code = models.CharField(_("查询码"), max_length=20, unique=True)
    channel = models.CharField(_("投诉渠道"), max_length=10, choices=Channel.choices)
    received_at = models.DateTimeField(_("收到时间"), default=timezone.now, db_index=True)
    # The citizen form allows 5000 characters; staff may transcribe a letter a little longer.
    content = models.TextField(_("投诉内容"), validators=limit(TEXT))
    target_description = models.CharField(_("被投诉对象（投诉人所述）"), max_length=200, blank=True)
    occurred_on = models.DateField(_("发生日期"), null=True, blank=True)
    # Identity: only the handler, the inspector and the head may see these, every view is logged.
    complainant_name = models.CharField(_("投诉人姓名"), max_length=50, blank=True)
    complainant_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    complainant_email = models.EmailField(_("电子邮箱"), max_length=100, blank=True)
    # The citizen asked to be told the code and the reply by SMS or e-mail.
    wants_notices = models.BooleanField(_("接收短信或邮件通知"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recorded_complaints",
    )

    # Triage
    status = models.CharField(
        _("状态"), max_length=15, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    category = models.CharField(_("投诉类别"), max_length=15, choices=Category.choices, blank=True)
    target_window = models.ForeignKey(
        "content.Window",
        verbose_name=_("涉及窗口"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_staff = models.ForeignKey(
        "content.StaffMember",
        verbose_name=_("涉及工作人员"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    complexity = models.CharField(
        _("处理时限类别"), max_length=10, choices=Complexity.choices, default=Complexity.SIMPLE
    )
    method = models.CharField(_("处理方式"), max_length=12, choices=Method.choices, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handled_complaints",
    )
    not_accepted_reason = models.TextField(
        _("不予受理理由"),
        blank=True,
        help_text=_("将告知投诉人，在查询页显示"),
        validators=limit(SHORT_TEXT),
    )
    triaged_at = models.DateTimeField(_("分办时间"), null=True, blank=True)
    deadline = models.DateField(_("答复期限"), db_index=True)
    deadline_provisional = models.BooleanField(_("期限暂定"), default=False)

    # Reply and closing
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    reply_method = models.CharField(
        _("答复方式"), max_length=10, choices=ReplyMethod.choices, blank=True
    )
    reply_text = models.TextField(_("答复内容"), blank=True, validators=limit(TEXT))
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    outcome = models.CharField(_("处理结论"), max_length=10, choices=Outcome.choices, blank=True)
    result_text = models.TextField(_("处理结果"), blank=True, validators=limit(TEXT))

    # Publication as 投诉处理结果 (anonymised, only after the head approves)
    public_summary = models.TextField(
        _("公开摘要"),
        blank=True,
        help_text=_("不得出现姓名、电话等个人信息"),
        validators=limit(SHORT_TEXT),
    )
    publication_requested_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True, db_index=True)
    publication_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        db_table = "intranet_complaint"
        ordering = ["-received_at"]
        verbose_name = _("投诉")
        verbose_name_plural = _("投诉")

    def __str__(self):
        return self.code

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    def is_overdue(self, today=None):
        return self.is_open and self.deadline < (today or timezone.localdate())

    @property
    def has_identity(self):
        return bool(self.complainant_name or self.complainant_phone or self.complainant_email)

    @property
    def has_contact(self):
        """Someone can be phoned, written to or messaged; otherwise only an online reply reaches them."""
        return bool(self.complainant_phone or self.complainant_email)

    @property
    def public_reply(self):
        """The reply text the citizen reads on the tracking page (online replies only)."""
        return self.reply_text if self.reply_method == self.ReplyMethod.ONLINE else ""

    def answered_on_time(self):
        if not self.replied_at:
            return None
        return timezone.localtime(self.replied_at).date() <= self.deadline

    def compute_deadline(self, calendar=None):
        """The deadline from the date received, plus any extensions the head approved."""
        calendar = calendar or WorkCalendar.load()
        start = timezone.localtime(self.received_at).date()
        if self.complexity == self.Complexity.INSPECTOR:
            result = calendar.add_calendar_days_rolled(start, self.INSPECTOR_CALENDAR_DAYS)
        else:
            result = calendar.add_working_days(start, self.WORKING_DAYS[self.complexity])
        if self.pk:
            approved = self.extensions.filter(status=DeadlineExtension.Status.APPROVED)
            for days in approved.values_list("extra_working_days", flat=True):
                extended = calendar.add_working_days(result.date, days)
                result = Deadline(extended.date, result.provisional or extended.provisional)
        return result

    def set_deadline(self, calendar=None):
        result = self.compute_deadline(calendar)
        self.deadline, self.deadline_provisional = result.date, result.provisional

    def save_with_new_code(self):
        """Insert with a fresh tracking code, retrying on the (unlikely) collision."""
        if not self.deadline:
            self.set_deadline()
        for _attempt in range(20):
            self.code = new_tracking_code(timezone.localtime(self.received_at).year)
            try:
                with transaction.atomic():
                    self.save(force_insert=True)
                return
            except IntegrityError:
                if not Complaint.objects.filter(code=self.code).exists():
                    raise
        raise IntegrityError("could not find a free tracking code")


class ComplaintAttachment(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="complaints/%Y/", storage=private_storage)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=50)

    class Meta:
        db_table = "intranet_complaintattachment"
        verbose_name = _("投诉附件")
        verbose_name_plural = _("投诉附件")

    def __str__(self):
        return self.original_name


class ComplaintEvent(models.Model):
    """One line of the timeline. Only ``public_text`` of public events ever reaches the citizen."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("操作"), max_length=50)
    public_text = models.TextField(_("对投诉人公开的说明"), blank=True, validators=limit(TEXT))
    internal_note = models.TextField(_("内部备注"), blank=True, validators=limit(TEXT))
    is_public = models.BooleanField(_("在查询页显示"), default=False)

    class Meta:
        db_table = "intranet_complaintevent"
        ordering = ["at", "id"]
        verbose_name = _("投诉办理记录")
        verbose_name_plural = _("投诉办理记录")

    def __str__(self):
        return f"{self.complaint_id} {self.action}"


class DeadlineExtension(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("待审批")
        APPROVED = "approved", _("已批准")
        REFUSED = "refused", _("未批准")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="extensions")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    extra_working_days = models.PositiveSmallIntegerField(_("延长工作日数"))
    reason = models.TextField(_("延期理由"), validators=limit(SHORT_TEXT))
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "intranet_deadlineextension"
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.complaint_id} +{self.extra_working_days}"


class IdentityAccessLog(models.Model):
    """Every time someone opens a complainant's name and phone."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="identity_accesses"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        db_table = "intranet_identityaccesslog"
        ordering = ["-at"]
        verbose_name = _("投诉人信息查看记录")
        verbose_name_plural = _("投诉人信息查看记录")

    def __str__(self):
        return f"{self.complaint_id} {self.user_id} {self.at}"
