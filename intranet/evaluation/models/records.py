"""效能考评: the rule sets the head edits and the manual items (德能勤绩廉) entered by hand.

Facts are not stored: they are gathered from the case register, complaints and study attendance
each time (``intranet.evaluation.facts``), so a score can always be traced back to its records.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centers.models import Center, only_center_id
from centers.scoping import in_reach


def first_of_month(d):
    return dt.date(d.year, d.month, 1)


class RuleSetQuerySet(models.QuerySet):
    def in_force(self, month, center=None):
        """The center's rule set that governs ``month``: the latest taking effect on or before it
        (a one-center install needs no ``center``)."""
        center = center or Center.only()
        return (
            self.filter(center=center, effective_from__lte=first_of_month(month))
            .order_by("-effective_from")
            .first()
        )


class RuleSet(models.Model):
    """A version of the rules; it governs every month from ``effective_from`` until the next one."""

    # The center evaluated (docs/county.md): each center scores its own windows and staff.
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    effective_from = models.DateField(_("生效月份"), help_text=_("当月1日"))
    base_score = models.SmallIntegerField(_("基础分"), default=100)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = RuleSetQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["center", "effective_from"], name="one_rule_set_per_center_and_month"
            )
        ]
        verbose_name = _("考评规则版本")
        verbose_name_plural = _("考评规则版本")

    def __str__(self):
        return f"{self.effective_from:%Y-%m}"

    def clean(self):
        if self.effective_from and self.effective_from.day != 1:
            raise ValidationError({"effective_from": _("生效月份须为某月1日。")})


class Rule(models.Model):
    """One rule: a fact, a threshold, and the points each unit above it earns (negative = deduction)."""

    class Target(models.TextChoices):
        WINDOW = "window", _("窗口")
        PERSON = "person", _("个人")

    class Fact(models.TextChoices):
        CASES_OVERDUE = "cases_overdue", _("承诺件超期")
        SECOND_SUPPLEMENTS = "second_supplements", _("再次补正（未一次性告知）")
        REFUSALS_CORRECTED = "refusals_corrected", _("否定报备被纠正")
        BAD_RATINGS = "bad_ratings", _("差评")
        COMPLAINTS_UPHELD = "complaints_upheld", _("投诉查实")
        UNEXCUSED_ABSENCES = "unexcused_absences", _("学习无故缺席")
        FULL_ATTENDANCE = "full_attendance", _("学习全勤")
        CONTACTS_OPEN = "contacts_open", _("首问登记未跟进")

    ruleset = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="rules")
    title = models.CharField(_("名称"), max_length=100)
    fact = models.CharField(_("依据事实"), max_length=30, choices=Fact.choices)
    # For complaint rules: which of the seven 效能投诉 categories count (empty = all).
    categories = models.JSONField(_("投诉类别"), default=list, blank=True)
    threshold = models.PositiveSmallIntegerField(
        _("起算阈值"), default=0, help_text=_("超过该数量的部分才计分")
    )
    points = models.SmallIntegerField(_("每项分值"), help_text=_("扣分为负数，加分为正数"))
    # A range (e.g. 扣5—10分): ``points`` is the default, the head may pick up to ``points_limit``.
    points_limit = models.SmallIntegerField(_("分值上限"), null=True, blank=True)
    target = models.CharField(_("对象"), max_length=10, choices=Target.choices)
    removes_honour = models.BooleanField(_("取消所在窗口当月评优资格"), default=False)
    source = models.CharField(_("制度依据"), max_length=200, blank=True)

    class Meta:
        ordering = ["ruleset", "id"]
        verbose_name = _("考评规则")
        verbose_name_plural = _("考评规则")

    def __str__(self):
        return self.title

    def clean(self):
        if self.points_limit is not None and (
            (self.points < 0) != (self.points_limit < 0)
            or abs(self.points_limit) < abs(self.points)
        ):
            raise ValidationError({"points_limit": _("分值上限须与每项分值同号且不小于它。")})

    def in_range(self, value):
        low, high = sorted(
            (self.points, self.points_limit if self.points_limit is not None else self.points)
        )
        return low <= value <= high


class ManualItem(models.Model):
    """A judgement the data cannot see (德能勤绩廉), or a dated correction to a confirmed month."""

    # The center evaluated (docs/county.md): each center scores its own windows and staff.
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    month = models.DateField(_("考评月份"), db_index=True)
    window = models.ForeignKey(
        "content.Window",
        verbose_name=_("窗口"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("工作人员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    points = models.SmallIntegerField(_("分值"), help_text=_("扣分为负数，加分为正数"))
    reason = models.TextField(_("理由"))
    # Set when the head picks a value within a ranged rule for one upheld record.
    rule = models.ForeignKey(
        Rule, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    record_key = models.CharField(max_length=40, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["month", "created_at", "id"]
        verbose_name = _("考评加减分项")
        verbose_name_plural = _("考评加减分项")

    def __str__(self):
        return f"{self.month:%Y-%m} {self.points:+d}"

    def clean(self):
        if (self.window_id is None) == (self.person_id is None):
            raise ValidationError(_("请选择一个窗口或一名工作人员（只能选其一）。"))
        if not (self.reason or "").strip():
            raise ValidationError({"reason": _("请填写理由。")})


class EvaluationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one place that decides whose months (and entries) a user may open: within the
        user's center (every center's for county oversight), all for the head and inspector,
        the months with their own score for window staff."""
        from intranet import roles

        held = roles.roles_of(user)
        scoped = in_reach(self, user)
        if held & {roles.HEAD, roles.INSPECTOR}:
            return scoped
        if roles.WINDOW_STAFF in held:
            return scoped.filter(entries__person=user).distinct()
        return self.none()


class MonthlyEvaluation(models.Model):
    """One month's evaluation: draft → review (objections) → confirmed and frozen."""

    class State(models.TextChoices):
        REVIEW = "review", _("征求意见中")
        CONFIRMED = "confirmed", _("已确认")

    class PeoplePublished(models.TextChoices):
        """What the public page (考评结果张贴公示) shows about individual staff for the month."""

        NONE = "", _("不公示个人情况")
        PRAISE = "praise", _("仅公示点名表扬")
        SCORES = "scores", _("公示个人得分及加减分事由")

    # The center evaluated (docs/county.md): each center scores its own windows and staff.
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    month = models.DateField(_("考评月份"))
    state = models.CharField(_("状态"), max_length=10, choices=State.choices)
    ruleset = models.ForeignKey(RuleSet, null=True, on_delete=models.PROTECT, related_name="+")
    generated_at = models.DateTimeField(_("生成时间"))
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    objection_deadline = models.DateField(_("异议截止日期"))
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    people_published = models.CharField(
        _("公示个人情况"),
        max_length=10,
        choices=PeoplePublished.choices,
        default=PeoplePublished.NONE,
        blank=True,
    )

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["center", "month"], name="one_evaluation_per_center_and_month"
            )
        ]
        verbose_name = _("月度效能考评")
        verbose_name_plural = _("月度效能考评")

    def __str__(self):
        return f"{self.month:%Y-%m}"

    @property
    def is_confirmed(self):
        return self.state == self.State.CONFIRMED


class ScoreEntry(models.Model):
    """A window's or a person's score as generated (and frozen once the month is confirmed)."""

    class Mention(models.TextChoices):
        NONE = "", _("无")
        PRAISE = "praise", _("点名表扬")
        CRITICISE = "criticise", _("点名批评")

    evaluation = models.ForeignKey(
        MonthlyEvaluation, on_delete=models.CASCADE, related_name="entries"
    )
    window = models.ForeignKey(
        "content.Window", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # For a person: the window they sat at that month (for the bulletin and year consequences).
    person_window = models.ForeignKey(
        "content.Window", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    total = models.SmallIntegerField(_("得分"))
    lines = models.JSONField(default=list)
    figures = models.JSONField(default=dict)
    honour_blocked = models.BooleanField(_("取消当月评优资格"), default=False)
    mention = models.CharField(
        _("通报"), max_length=10, choices=Mention.choices, default="", blank=True
    )
    mention_reason = models.CharField(_("通报事由"), max_length=300, blank=True)

    class Meta:
        ordering = ["evaluation", "window__name", "-total", "id"]
        verbose_name = _("考评得分")
        verbose_name_plural = _("考评得分")

    def __str__(self):
        return f"{self.evaluation} {self.subject_name}"

    @property
    def subject_name(self):
        if self.window_id:
            return self.window.name
        return self.person.get_full_name() or self.person.username


class Objection(models.Model):
    """A staff member's written objection to their own draft, and the head's answer."""

    entry = models.ForeignKey(ScoreEntry, on_delete=models.CASCADE, related_name="objections")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("异议内容"))
    created_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(_("答复"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("考评异议")
        verbose_name_plural = _("考评异议")

    def __str__(self):
        return f"{self.entry} {self.created_at:%Y-%m-%d}"


class Honour(models.Model):
    """The head's yearly choice (效能考评制（四）2: 红旗窗口、先进窗口、先进个人 from the evaluation)."""

    class Kind(models.TextChoices):
        RED_FLAG = "red_flag", _("红旗窗口")
        ADVANCED_WINDOW = "advanced_window", _("先进窗口")
        ADVANCED_PERSON = "advanced_person", _("先进个人")

    WINDOW_KINDS = (Kind.RED_FLAG, Kind.ADVANCED_WINDOW)

    # The center evaluated (docs/county.md): each center scores its own windows and staff.
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    year = models.PositiveSmallIntegerField(_("年度"), db_index=True)
    kind = models.CharField(_("荣誉"), max_length=20, choices=Kind.choices)
    window = models.ForeignKey(
        "content.Window", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("理由"))
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["year", "kind", "id"]
        verbose_name = _("年度评先")
        verbose_name_plural = _("年度评先")

    def __str__(self):
        return f"{self.year} {self.get_kind_display()}"

    @property
    def subject_name(self):
        if self.window_id:
            return self.window.name
        return self.person.get_full_name() or self.person.username
