"""Bookings (预约办理) and 代办/上门 requests: what a citizen asks for before a case exists.

Every staff list goes through the ``visible_to`` queryset methods so that a later scope
(a ``center`` foreign key) is added in one place.
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centers.models import only_center_id
from centers.scoping import in_reach
from intranet import roles
from intranet.cases.models import RECEIPT_ALPHABET, mask_phone

CODE_LENGTH = 6


def new_code(prefix):
    return f"{prefix}-" + "".join(secrets.choice(RECEIPT_ALPHABET) for _i in range(CODE_LENGTH))


def save_with_new_code(instance, prefix):
    """Insert with a fresh code, retrying on the (unlikely) collision."""
    for _attempt in range(20):
        instance.code = new_code(prefix)
        try:
            with transaction.atomic():
                instance.save(force_insert=True)
            return
        except IntegrityError:
            if not type(instance).objects.filter(code=instance.code).exists():
                raise
    raise IntegrityError("could not find a free code")


def _staff_scope(queryset, user):
    held = roles.roles_of(user)
    if held & {roles.HEAD, roles.INSPECTOR, roles.ADMIN, roles.WINDOW_STAFF}:
        return in_reach(queryset, user)
    return queryset.none()


class SlotQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _staff_scope(self, user)

    def active(self):
        return self.filter(active=True)


class BookingSlot(models.Model):
    """A bookable period at one window on one weekday, with how many citizens it takes.

    An adjusted working weekend (调休上班) uses Monday's slots: the clock says it is a working
    day, and Monday's timetable is the center's ordinary one."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("星期一")
        TUESDAY = 1, _("星期二")
        WEDNESDAY = 2, _("星期三")
        THURSDAY = 3, _("星期四")
        FRIDAY = 4, _("星期五")

    # The center this belongs to (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    window = models.ForeignKey(
        "content.Window", verbose_name=_("窗口"), on_delete=models.PROTECT, related_name="slots"
    )
    weekday = models.PositiveSmallIntegerField(_("星期"), choices=Weekday.choices)
    start = models.TimeField(_("开始时间"))
    end = models.TimeField(_("结束时间"))
    capacity = models.PositiveSmallIntegerField(_("可预约人数"))
    active = models.BooleanField(_("开放预约"), default=True)

    objects = SlotQuerySet.as_manager()

    class Meta:
        ordering = ["window__name", "weekday", "start"]
        verbose_name = _("预约时段")
        verbose_name_plural = _("预约时段")
        constraints = [
            models.UniqueConstraint(
                fields=["window", "weekday", "start"],
                name="bookings_slot_unique_start",
                violation_error_message=_("该窗口在这一天已有同一开始时间的时段。"),
            ),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="bookings_slot_end_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start:%H:%M}-{self.end:%H:%M}"

    @property
    def label(self):
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


class BookingQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _staff_scope(self, user)

    def active(self):
        return self.exclude(state=Booking.State.CANCELLED)


class Booking(models.Model):
    class State(models.TextChoices):
        BOOKED = "booked", _("已预约")
        CANCELLED = "cancelled", _("已取消")
        ARRIVED = "arrived", _("已到场")

    # The center this belongs to (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    code = models.CharField(_("预约编号"), max_length=12, unique=True)
    slot = models.ForeignKey(
        BookingSlot, verbose_name=_("时段"), on_delete=models.PROTECT, related_name="bookings"
    )
    date = models.DateField(_("预约日期"), db_index=True)
    guide = models.ForeignKey(
        "content.ServiceGuidePage",
        verbose_name=_("办理事项"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("姓名"), max_length=50)
    phone = models.CharField(_("联系电话"), max_length=20)
    phone_last4 = models.CharField(max_length=4)
    state = models.CharField(
        _("状态"), max_length=10, choices=State.choices, default=State.BOOKED, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    case = models.OneToOneField(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="booking"
    )

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["date", "slot__start", "created_at"]
        verbose_name = _("预约")
        verbose_name_plural = _("预约")

    def __str__(self):
        return self.code

    @property
    def phone_masked(self):
        return mask_phone(self.phone)


class RequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _staff_scope(self, user)

    def open(self):
        return self.filter(state__in=(ServiceRequest.State.NEW, ServiceRequest.State.SCHEDULED))


class ServiceRequest(models.Model):
    """代办 (the center carries the matter) or 上门 (staff come to the citizen)."""

    class Kind(models.TextChoices):
        AGENCY = "agency", _("代办")
        HOME = "home", _("上门服务")

    class Requester(models.TextChoices):
        ELDERLY = "elderly", _("老年人")
        DISABLED = "disabled", _("残疾人")
        VILLAGE = "village", _("村（社区）")
        OTHER = "other", _("其他行动不便群众")

    class State(models.TextChoices):
        NEW = "new", _("待安排")
        SCHEDULED = "scheduled", _("已安排")
        CONVERTED = "converted", _("已转办件")

    # The center this belongs to (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    code = models.CharField(_("申请编号"), max_length=12, unique=True)
    kind = models.CharField(_("服务类型"), max_length=10, choices=Kind.choices)
    requester = models.CharField(_("申请人类别"), max_length=10, choices=Requester.choices)
    guide = models.ForeignKey(
        "content.ServiceGuidePage",
        verbose_name=_("办理事项"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    matter = models.CharField(_("需要办理的事情"), max_length=300)
    name = models.CharField(_("姓名或村（社区）名称"), max_length=50)
    phone = models.CharField(_("联系电话"), max_length=20)
    address = models.CharField(_("地址"), max_length=200)
    state = models.CharField(
        _("状态"), max_length=10, choices=State.choices, default=State.NEW, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("代办员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scheduled_on = models.DateField(_("安排日期"), null=True, blank=True)
    case = models.OneToOneField(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_request",
    )

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("代办/上门申请")
        verbose_name_plural = _("代办/上门申请")

    def __str__(self):
        return self.code

    @property
    def phone_masked(self):
        return mask_phone(self.phone)
