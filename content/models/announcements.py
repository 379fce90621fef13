"""Completion announcements (办结公告)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from content.announcement_filters import AnnouncementFilterForm
from content.announcement_slugs import generated_slug, is_safe, slug_problem
from content.site_scope import in_site_of
from content.text_limits import RICH_INTRO, limit
from portal.pagination import PUBLIC_PER_PAGE, paginate


def mask_name(name):
    """张三 -> 张*, 欧阳娜娜 -> 欧***; organisations keep their name."""
    name = (name or "").strip()
    if not name:
        return ""
    if len(name) > 6:
        return name
    return name[0] + "*" * (len(name) - 1 or 1)


class AnnouncementIndexPage(Page):
    """List of completion announcements, filterable by month and department, with feeds."""

    # A main menu section (portal/templatetags/navigation_tags.py) unless an editor unticks it.
    show_in_menus_default = True

    intro = RichTextField(_("说明"), blank=True, validators=limit(RICH_INTRO))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["content.DepartmentSectionPage"]
    max_count_per_parent = 1  # one per center (home page), docs/county.md

    # The query parameters this page reads; the page cache ignores and drops all others.
    page_cache_query_parameters = ("month", "department", "page")

    class Meta:
        verbose_name = _("办结公告栏")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        announcements = in_site_of(CompletionAnnouncementPage.objects.public_listing(), self)
        form = AnnouncementFilterForm(request.GET, announcements=announcements)
        page_obj = paginate(request, form.filter(announcements), per_page=PUBLIC_PER_PAGE)
        context.update(
            filter_form=form,
            announcements=page_obj,
            result_count=page_obj.paginator.count,
        )
        return context


class AnnouncementQuerySet(PageQuerySet):
    def public_listing(self):
        """Live announcements anybody may read, newest first, with their department loaded."""
        return self.live().public().select_related("department").order_by("-completed_on", "-pk")


class CompletionAnnouncementPage(Page):
    objects = PageManager.from_queryset(AnnouncementQuerySet)()

    RESULT_CHOICES = [
        ("approved", _("准予办理")),
        ("completed", _("已办结")),
        ("rejected", _("不予办理")),
        ("referred", _("已转报上级")),
    ]

    guide = models.ForeignKey(
        "content.ServiceGuidePage",
        verbose_name=_("办理事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announcements",
    )
    matter = models.CharField(_("事项名称"), max_length=200)
    applicant = models.CharField(
        _("申请人"), max_length=100, help_text=_("公开时自动隐去姓名，仅显示姓氏，如：张*")
    )
    result = models.CharField(
        _("办理结果"), max_length=20, choices=RESULT_CHOICES, default="completed"
    )
    result_note = models.CharField(_("结果说明"), max_length=500, blank=True)
    completed_on = models.DateField(_("办结日期"))
    department = models.ForeignKey(
        "content.Department",
        verbose_name=_("承办部门"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announcements",
    )

    content_panels = Page.content_panels + [
        FieldPanel("guide"),
        FieldPanel("matter"),
        FieldPanel("applicant"),
        FieldRowPanel([FieldPanel("result"), FieldPanel("completed_on")]),
        FieldPanel("result_note"),
        FieldPanel("department"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("matter"),
        index.FilterField("completed_on"),
    ]
    parent_page_types = ["content.DepartmentSectionPage"]
    subpage_types: list = []

    class Meta:
        ordering = ["-completed_on"]
        verbose_name = _("办结公告")
        verbose_name_plural = _("办结公告")

    def _set_core_field_defaults(self):
        # Before Wagtail would derive a slug from the title (which may hold the full name).
        if self.pk is None and not is_safe(self.slug):
            self.slug = generated_slug(self)
        super()._set_core_field_defaults()

    def _check_slug_is_private(self):
        problem = slug_problem(self.slug, self.applicant)
        if problem:
            raise ValidationError({"slug": problem})

    def clean(self):
        super().clean()
        self._check_slug_is_private()

    def minimal_clean(self):
        # Drafts are saved with minimal validation; the slug is checked there too.
        super().minimal_clean()
        self._check_slug_is_private()

    @property
    def applicant_masked(self):
        return mask_name(self.applicant)

    @property
    def public_title(self):
        """The title every public view shows: the editor's page title may carry the full name."""
        return f"{self.matter}（{self.applicant_masked}）"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = AnnouncementIndexPage.objects.ancestor_of(self).live().first()
        context.update(announcement_index=index)
        return context
