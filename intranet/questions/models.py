"""Questions (在线咨询): a citizen asks about a guide or in general, the guide's department answers."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centers.models import only_center_id
from centers.scoping import in_reach
from intranet import roles
from intranet.complaints.models import CODE_ALPHABET


def new_question_code(year=None):
    year = year or timezone.localdate().year
    return f"ZX-{year}-" + "".join(secrets.choice(CODE_ALPHABET) for _i in range(6))


class QuestionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one place that decides which questions a user may see."""
        from intranet.cases import substitution

        held = roles.roles_of(user)
        mine = in_reach(self, user)
        if held & {roles.HEAD, roles.INSPECTOR, roles.EDITOR, roles.ADMIN}:
            return mine
        if roles.WINDOW_STAFF not in held:
            return self.none()
        department_id = department_id_of(user, substitution)
        if department_id is None:
            return self.none()
        return mine.filter(department_id=department_id)

    def for_list(self, today=None):
        """Overdue unanswered questions first, then by due date."""
        today = today or timezone.localdate()
        return (
            self.select_related("guide", "department")
            .annotate(
                overdue_rank=models.Case(
                    models.When(state=Question.State.RECEIVED, due_on__lt=today, then=0),
                    models.When(state=Question.State.RECEIVED, then=1),
                    default=2,
                    output_field=models.IntegerField(),
                )
            )
            .order_by("overdue_rank", "due_on", "-received_at")
        )

    def published_for(self, guide):
        return self.filter(guide=guide, state=Question.State.PUBLISHED).order_by("-published_at")


def department_id_of(user, substitution):
    window_id = substitution.window_id_of(user)
    if not window_id:
        return None
    from content.models import Window

    return Window.objects.filter(pk=window_id).values_list("department_id", flat=True).first()


class Question(models.Model):
    class State(models.TextChoices):
        RECEIVED = "received", _("待答复")
        ANSWERED = "answered", _("已答复")
        PUBLISHED = "published", _("已公开")

    # The center the question was asked of: the portal it was posted on (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="+",
        default=only_center_id,
    )
    code = models.CharField(_("查询码"), max_length=20, unique=True)
    guide = models.ForeignKey(
        "content.ServiceGuidePage",
        verbose_name=_("咨询事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    department = models.ForeignKey(
        "content.Department",
        verbose_name=_("答复部门"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    content = models.TextField(_("咨询内容"))
    asker_name = models.CharField(_("咨询人姓名"), max_length=50, blank=True)
    asker_contact = models.CharField(_("联系方式"), max_length=100, blank=True)
    allow_publication = models.BooleanField(_("同意公开"), default=False)
    received_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    due_on = models.DateField(_("答复期限"))
    due_provisional = models.BooleanField(default=False)
    state = models.CharField(
        _("状态"), max_length=20, choices=State.choices, default=State.RECEIVED
    )
    answer = models.TextField(_("答复内容"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # The guide revision the answer was promoted into (常见问题), awaiting the editors' review.
    faq_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("咨询")
        verbose_name_plural = _("咨询")
        ordering = ["-received_at"]

    def __str__(self):
        return self.code

    @property
    def asker_masked(self):
        """How the asker is shown in public: a surname at most (网友 when anonymous)."""
        name = self.asker_name.strip()
        return f"{name[0]}**" if name else str(_("网友"))
