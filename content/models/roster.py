"""Staff roster (工作人员公示) with A/B backup posts (AB岗) and the leaders' duty schedule (领导带班值班)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from centers.models import Center, only_center_id
from content.duty_schedule import duty_months, month_end, month_start
from content.text_limits import RICH_INTRO, TEXT, limit


class StaffMember(index.Indexed, models.Model):
    # Its own column, not only through the department: the center's leaders have none.
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="staff",
        default=only_center_id,
    )
    name = models.CharField(_("姓名"), max_length=50)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("照片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    post = models.CharField(_("职务/岗位"), max_length=100)
    department = models.ForeignKey(
        "content.Department",
        verbose_name=_("所属部门"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
    )
    window = models.ForeignKey(
        "content.Window",
        verbose_name=_("所在窗口"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
    )
    duties = models.TextField(_("工作职责"), blank=True, validators=limit(TEXT))
    backup = models.ForeignKey(
        "self",
        verbose_name=_("B岗（替岗人）"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="covers",
        help_text=_("本人（A岗）不在岗时代行承办的同事"),
    )
    is_leader = models.BooleanField(_("中心领导"), default=False, help_text=_("参加领导带班值班"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("内网账号"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff_profile",
    )
    is_active = models.BooleanField(_("在岗"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    panels = [
        FieldPanel("center", widget=forms.Select),
        FieldPanel("name"),
        FieldPanel("photo"),
        FieldPanel("post"),
        FieldPanel("department"),
        FieldPanel("window"),
        FieldPanel("duties"),
        FieldPanel("backup"),
        FieldPanel("is_leader"),
        FieldPanel("user"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("post"),
        index.SearchField("duties"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("工作人员")
        verbose_name_plural = _("工作人员")

    def __str__(self):
        return f"{self.name}（{self.post}）"

    def save(self, *args, **kwargs):
        # With several centers there is no default: a roster entry named with its department
        # (or window) is that one's center's.
        if self.center_id is None:
            place = (
                self.department if self.department_id else self.window if self.window_id else None
            )
            if place is not None:
                self.center_id = place.center_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.backup_id and self.backup_id == self.pk:
            raise ValidationError({"backup": _("B岗不能是本人。")})
        if not self.center_id:
            return
        errors = {}
        for field in ("department", "window", "backup"):
            related = getattr(self, field) if getattr(self, f"{field}_id") else None
            if related is not None and related.center_id != self.center_id:
                errors[field] = _("只能选择本中心的%(what)s。") % {
                    "what": self._meta.get_field(field).verbose_name
                }
        if self.user_id:
            account_center = Center.for_user(self.user)
            if account_center is not None and account_center.pk != self.center_id:
                errors["user"] = _("该内网账号属于“%(center)s”，工作人员须登记在同一中心。") % {
                    "center": account_center
                }
        if errors:
            raise ValidationError(errors)


def staff_of(center):
    """The roster rows of a center (leaders, who have no department, included)."""
    return StaffMember.objects.filter(center=center)


class LeaderDuty(models.Model):
    date = models.DateField(_("日期"), unique=True)
    leader = models.ForeignKey(
        StaffMember,
        verbose_name=_("带班领导"),
        on_delete=models.PROTECT,
        related_name="duties_led",
        limit_choices_to={"is_leader": True},
    )
    note = models.CharField(_("备注"), max_length=200, blank=True)

    panels = [FieldPanel("date"), FieldPanel("leader"), FieldPanel("note")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("领导带班值班")
        verbose_name_plural = _("领导带班值班")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.leader.name}"

    def clean(self):
        super().clean()
        if self.leader_id and not self.leader.is_leader:
            raise ValidationError({"leader": _("只能安排中心领导带班。")})


class StaffRosterPage(Page):
    """工作人员公示: everyone on duty by window with their A/B pairing, and the duty schedule."""

    # A main menu section (portal/templatetags/navigation_tags.py) unless an editor unticks it.
    show_in_menus_default = True

    intro = RichTextField(_("说明"), blank=True, validators=limit(RICH_INTRO))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types: list = []
    max_count_per_parent = 1  # one per center (home page), docs/county.md

    class Meta:
        verbose_name = _("工作人员公示")

    PHOTO_FILTER = "fill-150x200"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The staff of the center whose portal this is (each center is a Site of its own).
        center_staff = staff_of(Center.for_request(request))
        active = center_staff.filter(is_active=True)
        staff = list(
            active.select_related("window", "department", "backup")
            .prefetch_related(
                Prefetch(
                    "photo",
                    queryset=get_image_model().objects.prefetch_renditions(self.PHOTO_FILTER),
                ),
            )
            .order_by(
                F("window__sort_order").asc(nulls_last=True),
                "window__name",
                "sort_order",
                "name",
            )
        )
        pairs = self.ab_pairs(staff)
        for member in staff:
            member.pairings = [pair for pair in pairs if member in (pair["a"], pair["b"])]
        groups = {}
        for member in staff:
            groups.setdefault(member.window, []).append(member)
        today = timezone.localdate()
        duties = LeaderDuty.objects.filter(
            leader__in=center_staff,
            date__gte=month_start(today),
            date__lte=month_end(month_start(today, 1)),
        ).select_related("leader")
        context.update(
            staff_by_window=[
                {"window": window, "members": members} for window, members in groups.items()
            ],
            pairs=pairs,
            duty_months=duty_months(duties, today),
            today=today,
            photo_filter=self.PHOTO_FILTER,
        )
        return context

    @staticmethod
    def ab_pairs(staff):
        """One entry per A/B pair in roster order; two people who back each other up are one pair."""
        by_pk = {member.pk: member for member in staff}
        pairs, seen = [], set()
        for member in staff:
            backup = by_pk.get(member.backup_id)
            if backup is None:
                continue
            key = frozenset((member.pk, backup.pk))
            if key in seen:
                continue
            seen.add(key)
            pairs.append({"a": member, "b": backup, "mutual": backup.backup_id == member.pk})
        return pairs
