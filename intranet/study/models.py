"""Study and attendance (学习教育制度): yearly plan, sessions, leave, roll call and notes.

The tables keep the names they had in the intranet app (``db_table``): the models moved
here without copying rows (migration intranet 0005 and this app's 0001).
"""

import datetime as dt
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from centers.models import only_center_id
from centers.scoping import in_reach
from content.text_limits import DOCUMENT, SHORT_TEXT, TEXT, limit
from intranet import roles
from intranet.storage import private_storage

# Sign-in opens this long before the start and stays open until the end.
SIGNIN_OPENS_BEFORE = dt.timedelta(minutes=15)
# Signing in later than this after the start counts as late (迟到).
LATE_AFTER = dt.timedelta(minutes=10)


# Who reads the study plan and its sessions: those who attend and those who run them.
STUDY_VIEWERS = roles.STUDY_ROLES | roles.STUDY_MANAGERS


class StudyQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one place that decides which plans and sessions a user may see: their center's
        (every center's with county oversight), for the roles that study or run the study."""
        if roles.roles_of(user) & STUDY_VIEWERS:
            return in_reach(self, user)
        return self.none()


class StudyPlan(models.Model):
    # Each center keeps its own yearly plan (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=200)
    description = models.TextField(_("说明"), blank=True, validators=limit(TEXT))

    objects = StudyQuerySet.as_manager()

    panels = [
        FieldPanel("center"),
        FieldPanel("year"),
        FieldPanel("title"),
        FieldPanel("description"),
    ]

    class Meta:
        db_table = "intranet_studyplan"
        constraints = [
            models.UniqueConstraint(
                fields=["center", "year"], name="one_study_plan_per_center_year"
            )
        ]
        ordering = ["-year"]
        verbose_name = _("年度学习计划")
        verbose_name_plural = _("年度学习计划")

    def __str__(self):
        return self.title


def new_signin_code():
    return f"{secrets.randbelow(10**6):06d}"


class StudySession(models.Model):
    class Kind(models.TextChoices):
        POLITICAL = "political", _("政治学习")
        BUSINESS = "business", _("业务学习")
        LAW = "law", _("政策法规学习")

    # The center whose staff attend: the plan's (leave, roll and notes follow the session).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    plan = models.ForeignKey(
        StudyPlan, verbose_name=_("学习计划"), on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField(_("日期"))
    start_time = models.TimeField(_("开始时间"))
    end_time = models.TimeField(_("结束时间"))
    topic = models.CharField(_("学习主题"), max_length=200)
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("主持人"),
        on_delete=models.PROTECT,
        related_name="hosted_sessions",
    )
    place = models.CharField(_("地点"), max_length=100)
    materials = models.TextField(_("学习材料"), blank=True, validators=limit(TEXT))
    material_file = models.FileField(
        _("材料附件"), upload_to="study/%Y/", storage=private_storage, blank=True
    )
    signin_code = models.CharField(
        _("签到码"), max_length=6, unique=True, default=new_signin_code, editable=False
    )
    roll_closed = models.BooleanField(_("点名已结束"), default=False, editable=False)

    objects = StudyQuerySet.as_manager()

    panels = [
        FieldPanel("center"),
        FieldPanel("plan"),
        FieldPanel("date"),
        FieldPanel("start_time"),
        FieldPanel("end_time"),
        FieldPanel("topic"),
        FieldPanel("kind"),
        FieldPanel("host"),
        FieldPanel("place"),
        FieldPanel("materials"),
    ]

    class Meta:
        db_table = "intranet_studysession"
        ordering = ["date", "start_time"]
        verbose_name = _("集中学习")
        verbose_name_plural = _("集中学习")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.topic}"

    def save(self, *args, **kwargs):
        # A fresh code on collision: the unique constraint is the real guard.
        if self._state.adding:
            for _attempt in range(10):
                try:
                    with transaction.atomic():
                        return super().save(*args, **kwargs)
                except IntegrityError:
                    if StudySession.objects.filter(signin_code=self.signin_code).exists():
                        self.signin_code = new_signin_code()
                        continue
                    raise
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("结束时间必须晚于开始时间。")})
        if self.plan_id and self.date and self.date.year != self.plan.year:
            raise ValidationError({"date": _("日期必须在学习计划的年度内。")})
        if self.plan_id and self.center_id and self.plan.center_id != self.center_id:
            raise ValidationError({"plan": _("学习计划必须是本中心的计划。")})

    @property
    def starts_at(self):
        return timezone.make_aware(dt.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self):
        return timezone.make_aware(dt.datetime.combine(self.date, self.end_time))

    def signin_open(self, now=None):
        now = now or timezone.now()
        return self.starts_at - SIGNIN_OPENS_BEFORE <= now <= self.ends_at

    def has_started(self, now=None):
        return (now or timezone.now()) >= self.starts_at

    def has_ended(self, now=None):
        return (now or timezone.now()) > self.ends_at


class LeaveRequest(models.Model):
    class Kind(models.TextChoices):
        PERSONAL = "personal", _("事假/病假")
        TRIP = "trip", _("公出")

    class Status(models.TextChoices):
        PENDING = "pending", _("待审批")
        APPROVED = "approved", _("已批准")
        REFUSED = "refused", _("未批准")

    session = models.ForeignKey(
        StudySession, on_delete=models.CASCADE, related_name="leave_requests"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("请假类型"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("事由"), validators=limit(SHORT_TEXT))
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "intranet_leaverequest"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="one_leave_request_per_session"
            )
        ]
        ordering = ["created_at"]
        verbose_name = _("请假登记")
        verbose_name_plural = _("请假登记")

    def __str__(self):
        return f"{self.session_id} {self.user_id} {self.get_status_display()}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("出席")
        LATE = "late", _("迟到")
        LEAVE = "leave", _("请假")
        TRIP = "trip", _("公出")
        ABSENT = "absent", _("缺勤")

    ATTENDED = (Status.PRESENT, Status.LATE)
    EXCUSED = (Status.LEAVE, Status.TRIP)

    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("考勤"), max_length=10, choices=Status.choices)
    signed_in_at = models.DateTimeField(_("签到时间"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "intranet_attendance"
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_roll_entry_per_person")
        ]
        verbose_name = _("考勤记录")
        verbose_name_plural = _("考勤记录")

    def __str__(self):
        return f"{self.session_id} {self.user_id} {self.get_status_display()}"


class AttendanceChange(models.Model):
    """Audit trail of the host's corrections to the roll."""

    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    old_status = models.CharField(max_length=10, choices=Attendance.Status.choices, blank=True)
    new_status = models.CharField(max_length=10, choices=Attendance.Status.choices)
    reason = models.CharField(_("更正原因"), max_length=200)

    class Meta:
        db_table = "intranet_attendancechange"
        ordering = ["-changed_at"]

    def __str__(self):
        return f"{self.attendance_id} {self.old_status}->{self.new_status}"


class StudyNote(models.Model):
    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_notes"
    )
    body = models.TextField(_("学习笔记/心得"), validators=limit(DOCUMENT))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "intranet_studynote"
        constraints = [
            models.UniqueConstraint(fields=["session", "author"], name="one_note_per_session")
        ]
        verbose_name = _("学习心得")
        verbose_name_plural = _("学习心得")

    def __str__(self):
        return f"{self.session_id} {self.author_id}"
