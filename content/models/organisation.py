"""Departments (承办部门) and service windows (窗口): snippets every guide points at."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from centers.models import only_center_id
from content.text_limits import TEXT, limit


class Department(index.Indexed, models.Model):
    # The center the department works in; its windows, guides and roster follow it. Not in
    # the panels yet: a one-center install has only the default (docs/county.md).
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("所属中心"),
        on_delete=models.PROTECT,
        related_name="departments",
        default=only_center_id,
    )
    name = models.CharField(_("部门名称"), max_length=100, unique=True)
    slug = models.SlugField(_("网址标识"), max_length=100, unique=True, allow_unicode=True)
    responsibilities = models.TextField(_("职责"), blank=True, validators=limit(TEXT))
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    panels = [
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

    def __str__(self):
        return self.name


class Window(index.Indexed, models.Model):
    name = models.CharField(_("窗口名称"), max_length=100, unique=True)
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

    def __str__(self):
        return self.name


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
