"""The public 效能考评公示 page: confirmed months only, window scores and service figures, the
honour roll, and about individual staff only what the head chose to publish for the month."""

import datetime as dt

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from centers.models import Center
from content.text_limits import RICH_INTRO, limit
from intranet.evaluation.public_results import month_results


class EvaluationResultsPage(Page):
    intro = RichTextField(
        _("说明"),
        blank=True,
        validators=limit(RICH_INTRO),
        help_text=_("考评结果由内网按月确认后自动显示，此处只填写页首说明"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["content.ArticleIndexPage"]
    subpage_types: list = []
    template = "evaluation/evaluation_results_page.html"
    # The query parameter this page reads; the page cache ignores and drops all others.
    page_cache_query_parameters = ("month",)

    class Meta:
        verbose_name = _("效能考评公示")
        verbose_name_plural = _("效能考评公示")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The results of the center whose portal shows the page (docs/county.md).
        center = Center.for_request(request)
        context.update(month_results(center, _requested_month(request.GET.get("month", ""))))
        return context


def _requested_month(text):
    try:
        return dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        return None
