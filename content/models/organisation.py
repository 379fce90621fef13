"""Departments (承办部门) and service windows (窗口): snippets every guide points at."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from centers.models import only_center_id
from content.text_limits import TEXT, limit


class Department(index.Indexed, models.Model):
    # The center the department works in; its guides and roster follow it. On the form first:
    # with one center it is filled in, with several the editor must choose (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="departments",
        default=only_center_id,
    )
    # Unique per center, not install-wide: two townships both have a 民政办.
    name = models.CharField(_("部门名称"), max_length=100)
    slug = models.SlugField(_("网址标识"), max_length=100, allow_unicode=True)
    responsibilities = models.TextField(_("职责"), blank=True, validators=limit(TEXT))
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    panels = [
        # A plain list: the center chooser is the superuser's (centers/wagtail_hooks.py).
        FieldPanel("center", widget=forms.Select),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("responsibilities"),
        FieldPanel("phone"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        constraints = [
            models.UniqueConstraint(
                fields=["center", "name"],
                name="department_name_per_center",
                violation_error_message=_("本中心已有同名部门。"),
            ),
            models.UniqueConstraint(
                fields=["center", "slug"],
                name="department_slug_per_center",
                violation_error_message=_("本中心已有部门使用这个网址标识。"),
            ),
        ]

    def __str__(self):
        return self.name


class Window(index.Indexed, models.Model):
    # A window has its own center rather than a required department: a 综合窗口 (一窗受理)
    # takes in the matters of several departments, so no single department owns it.
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="windows",
        default=only_center_id,
    )
    name = models.CharField(_("窗口名称"), max_length=100)
    department = models.ForeignKey(
        Department,
        verbose_name=_("所属部门"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="windows",
    )
    location = models.CharField(_("位置"), max_length=200, blank=True)
    description = models.TextField(_("业务范围"), blank=True, validators=limit(TEXT))
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    panels = [
        # A plain list: the center chooser is the superuser's (centers/wagtail_hooks.py).
        FieldPanel("center", widget=forms.Select),
        FieldPanel("name"),
        FieldPanel("department"),
        FieldPanel("location"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("窗口")
        verbose_name_plural = _("窗口")
        constraints = [
            models.UniqueConstraint(
                fields=["center", "name"],
                name="window_name_per_center",
                violation_error_message=_("本中心已有同名窗口。"),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # With several centers there is no default: a window named with its department is
        # that department's center's.
        if self.center_id is None and self.department_id:
            self.center_id = self.department.center_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.department_id and self.center_id and self.department.center_id != self.center_id:
            raise ValidationError({"department": _("所属部门必须是本中心的部门。")})


class DepartmentEditorGroup(models.Model):
    """Which group holds a department's editors (content/permissions.py).

    A link rather than a name pattern, so that renaming the department or the group never
    hands the department's rights to another group. It lives beside the department rather
    than on it, so that saving a department loaded earlier can never undo the link.
    """

    department = models.OneToOneField(
        Department,
        verbose_name=_("部门"),
        on_delete=models.CASCADE,
        related_name="editor_link",
    )
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("编辑组"),
        on_delete=models.CASCADE,
        related_name="department_link",
    )

    class Meta:
        verbose_name = _("部门编辑组")
        verbose_name_plural = _("部门编辑组")

    def __str__(self):
        return f"{self.department} → {self.group}"


class CenterEditorial(models.Model):
    """A center's editors and reviewers groups and its collection (content/permissions.py).

    Links, as for departments, so renaming a center or a group never moves rights.
    """

    center = models.OneToOneField(
        "centers.Center",
        verbose_name=_("服务中心"),
        on_delete=models.CASCADE,
        related_name="editorial",
    )
    editors = models.OneToOneField(
        "auth.Group",
        verbose_name=_("编辑组"),
        on_delete=models.PROTECT,
        related_name="center_editors_of",
    )
    reviewers = models.OneToOneField(
        "auth.Group",
        verbose_name=_("审核组"),
        on_delete=models.PROTECT,
        related_name="center_reviewers_of",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("文件集"),
        on_delete=models.PROTECT,
        related_name="center_editorial",
    )

    class Meta:
        verbose_name = _("中心编辑组")
        verbose_name_plural = _("中心编辑组")

    def __str__(self):
        return str(self.center)
