"""The service centers (中心) one install serves: a county center and its township centers.

Every per-center row points here; which center a request or a user belongs to is answered
by ``Center.for_request`` and ``Center.for_user`` only (docs/county.md). This app imports
nothing of the project, so the public content and the intranet can both depend on it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


def only_center_id():
    """The default for every ``center`` column: the single center of a one-center install.

    With several centers there is no default, so a record made without saying where fails
    at insert instead of landing in somebody else's center.
    """
    ids = list(Center.objects.values_list("pk", flat=True)[:2])
    return ids[0] if len(ids) == 1 else None


class Center(models.Model):
    class Kind(models.TextChoices):
        COUNTY = "county", _("县级政务服务中心")
        TOWNSHIP = "township", _("乡镇（街道）便民服务中心")

    name = models.CharField(_("中心名称"), max_length=100, unique=True)
    kind = models.CharField(_("层级"), max_length=10, choices=Kind.choices, default=Kind.TOWNSHIP)
    code = models.CharField(
        _("中心代码"),
        max_length=20,
        unique=True,
        help_text=_("行政区划代码或其他固定的简短代码，目录交换时使用"),
    )
    site = models.OneToOneField(
        Site,
        verbose_name=_("门户站点"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="center",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级中心"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="townships",
        limit_choices_to={"kind": Kind.COUNTY},
    )
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("服务中心")
        verbose_name_plural = _("服务中心")

    def __str__(self):
        return self.name

    @classmethod
    def only(cls):
        """The center of a one-center install; None once there are several (or none)."""
        centers = list(cls.objects.all()[:2])
        return centers[0] if len(centers) == 1 else None

    @classmethod
    def for_request(cls, request):
        """The center whose portal this request is on: its Wagtail Site's, else the only one."""
        if hasattr(request, "_center"):
            return request._center
        site = Site.find_for_request(request)
        center = None
        if site is not None:
            center = cls.objects.filter(site=site).first()
        if center is None:
            center = cls.only()
        request._center = center
        return center

    @classmethod
    def for_page(cls, page):
        """The center whose portal holds this page (its Site's root is the page or an ancestor),
        else the only one: a page's own center, whatever host it is previewed on."""
        steplen = page.steplen
        ancestors = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
        center = (
            cls.objects.filter(site__root_page__path__in=ancestors)
            .order_by("-site__root_page__depth")
            .first()
        )
        return center if center is not None else cls.only()

    @classmethod
    def for_user(cls, user):
        """The center a staff account works for; None means it may see no center's records."""
        if not getattr(user, "is_authenticated", False):
            return None
        if not hasattr(user, "_center"):
            membership = _membership(user)
            user._center = membership.center if membership else cls.only()
        return user._center


def _membership(user):
    """The account's membership row or None, fetched once per user object (i.e. per request)."""
    if not hasattr(user, "_center_membership"):
        user._center_membership = (
            Membership.objects.filter(user=user).select_related("center").first()
        )
    return user._center_membership


class Membership(models.Model):
    """Which center a staff account belongs to, and whether it oversees every center."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("内网账号"),
        on_delete=models.CASCADE,
        related_name="center_membership",
    )
    center = models.ForeignKey(
        Center, verbose_name=_("所属中心"), on_delete=models.PROTECT, related_name="members"
    )
    county_oversight = models.BooleanField(
        _("县级监督"),
        default=False,
        help_text=_("可查阅全县各中心的记录（只读），用于县级考核与监督"),
    )

    class Meta:
        verbose_name = _("中心成员")
        verbose_name_plural = _("中心成员")

    def __str__(self):
        return f"{self.user} → {self.center}"

    @staticmethod
    def oversees_all(user):
        """County oversight: reads every center's records, writes none but its own. The
        superuser (the install's technical administrator) reads them all too."""
        if not getattr(user, "is_authenticated", False):
            return False
        if user.is_superuser:
            return True
        membership = _membership(user)
        return membership is not None and membership.county_oversight
