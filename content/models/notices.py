"""News and notices (通知公告): holiday office hours, policy explanations, service changes."""

from html import unescape

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from content.text_limits import RICH_INTRO, RICH_TEXT, SHORT_TEXT, limit
from portal.pagination import PUBLIC_PER_PAGE, paginate


class NoticeIndexPage(Page):
    """Every notice, newest first, filterable by category, with RSS and Atom feeds."""

    intro = RichTextField(_("说明"), blank=True, validators=limit(RICH_INTRO))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.NoticePage"]
    max_count_per_parent = 1  # one per center (home page), docs/county.md
    show_in_menus_default = True

    # The query parameters this page reads; the page cache ignores and drops all others.
    page_cache_query_parameters = ("category", "page")

    class Meta:
        verbose_name = _("通知公告栏")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        notices = public_notices().child_of(self)
        category = request.GET.get("category", "")
        categories = dict(NoticePage.CATEGORY_CHOICES)
        unknown_category = bool(category) and category not in categories
        if category in categories:
            notices = notices.filter(category=category)
        else:
            category = ""
        page_obj = paginate(request, notices, per_page=PUBLIC_PER_PAGE)
        context.update(
            notices=page_obj,
            categories=NoticePage.CATEGORY_CHOICES,
            current_category=category,
            current_category_label=categories.get(category, ""),
            unknown_category=unknown_category,
        )
        return context


class NoticePage(Page):
    CATEGORY_CHOICES = [
        ("notice", _("通知")),
        ("bulletin", _("公告")),
        ("policy", _("政策解读")),
        ("holiday", _("节假日安排")),
    ]

    category = models.CharField(
        _("类别"), max_length=20, choices=CATEGORY_CHOICES, default="notice"
    )
    date = models.DateField(_("发布日期"), default=timezone.localdate)
    summary = models.TextField(
        _("摘要"),
        blank=True,
        validators=limit(SHORT_TEXT),
        help_text=_("列表、首页和订阅中显示；不填则取正文开头"),
    )
    body = RichTextField(_("正文"), validators=limit(RICH_TEXT))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("category"), FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("附件")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["content.NoticeIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("通知公告")
        verbose_name_plural = _("通知公告")

    @property
    def excerpt(self):
        """The summary, else the start of the body as plain text."""
        if self.summary:
            return self.summary
        text = " ".join(unescape(strip_tags(self.body.replace("</p>", "</p> "))).split())
        return text[:120] + ("…" if len(text) > 120 else "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            index_page=self.get_parent(),
            attachments=[a for a in self.attachments.select_related("document") if a.document],
        )
        return context


class NoticeAttachment(Orderable):
    page = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("文件"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("显示名称"), max_length=200, blank=True, help_text=_("不填则用文件标题")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    @property
    def label(self):
        return self.title or self.document.title


def public_notices():
    """Live notices without a view restriction, newest first (the list, the home page, the feeds)."""
    return NoticePage.objects.live().public().order_by("-date", "-first_published_at", "-pk")
