"""Rules and articles: 管理制度, 机构设置与职责, 政务公开制度 and other standing texts."""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from content.models.predisclosure import PreDisclosurePage
from content.text_limits import RICH_INTRO, RICH_TEXT, SHORT_TEXT, limit
from portal.pagination import PUBLIC_PER_PAGE, paginate


class ArticleIndexPage(Page):
    # A main menu section (portal/templatetags/navigation_tags.py) unless an editor unticks it.
    show_in_menus_default = True

    intro = RichTextField(_("说明"), blank=True, validators=limit(RICH_INTRO))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # 效能考评公示 is a page type of the intranet's evaluation app, named by string only: the
    # public site's apps do not import the intranet.
    subpage_types = [
        "content.ArticlePage",
        "content.PreDisclosurePage",
        "evaluation.EvaluationResultsPage",
    ]

    # The query parameters this page reads; the page cache ignores and drops all others.
    page_cache_query_parameters = ("category", "page")

    class Meta:
        verbose_name = _("栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.child_of(self)
            .live()
            .public()
            .order_by(F("issued_on").desc(nulls_last=True), "-first_published_at")
        )
        categories = dict(ArticlePage.CATEGORY_CHOICES)
        used = set(articles.order_by().values_list("category", flat=True).distinct())
        category = request.GET.get("category", "")
        if category in categories:
            articles = articles.filter(category=category)
        else:
            category = ""
        context.update(
            articles=paginate(request, articles, per_page=PUBLIC_PER_PAGE),
            categories=[(key, label) for key, label in ArticlePage.CATEGORY_CHOICES if key in used],
            current_category=category,
            predisclosures=PreDisclosurePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-comment_opens"),
        )
        return context


class ArticlePage(Page):
    CATEGORY_CHOICES = [
        ("rules", _("管理制度")),
        ("organisation", _("机构设置与职责")),
        ("disclosure", _("政务公开制度")),
        ("policy", _("政策文件")),
        ("news", _("工作动态")),
        ("other", _("其他")),
    ]

    category = models.CharField(_("类别"), max_length=20, choices=CATEGORY_CHOICES, default="rules")
    summary = models.TextField(_("摘要"), blank=True, validators=limit(SHORT_TEXT))
    body = RichTextField(_("正文"), validators=limit(RICH_TEXT))
    issued_on = models.DateField(_("发布日期"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        FieldPanel("issued_on"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["content.ArticleIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(index_page=self.get_parent())
        return context
