"""The portal's home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from content.text_limits import RICH_INTRO, SHORT_TEXT, limit


class HomePage(Page):
    """Search box, the catalog by topic and department, latest announcements, commitments, contacts."""

    welcome = models.CharField(_("欢迎语"), max_length=200, blank=True)
    intro = RichTextField(_("中心简介"), blank=True, validators=limit(RICH_INTRO))
    commitment_summary = models.TextField(
        _("服务承诺摘要"),
        blank=True,
        help_text=_("首页显示的承诺要点，每行一条"),
        validators=limit(SHORT_TEXT),
    )

    content_panels = Page.content_panels + [
        FieldPanel("welcome"),
        FieldPanel("intro"),
        FieldPanel("commitment_summary"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("首页")

    HOME_ANNOUNCEMENTS = 5
    HOME_IMMEDIATE_ITEMS = 12

    @property
    def commitment_lines(self):
        return [line.strip() for line in self.commitment_summary.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from content.catalog_filters import department_counts, public_guides, topic_counts
        from content.models.announcements import AnnouncementIndexPage, CompletionAnnouncementPage
        from content.models.catalog import ServiceCatalogPage
        from content.models.commitments import CommitmentPage

        context = super().get_context(request, *args, **kwargs)
        guides = public_guides()
        context.update(
            catalog_page=ServiceCatalogPage.objects.live().public().first(),
            commitment_page=CommitmentPage.objects.live().public().first(),
            announcement_index=AnnouncementIndexPage.objects.live().public().first(),
            topics=topic_counts(guides),
            departments=department_counts(guides),
            guide_count=guides.count(),
            immediate_guides=guides.filter(promised_days=0)[: self.HOME_IMMEDIATE_ITEMS],
            latest_announcements=CompletionAnnouncementPage.objects.live()
            .public()
            .select_related("department")
            .order_by("-completed_on", "-pk")[: self.HOME_ANNOUNCEMENTS],
        )
        return context
