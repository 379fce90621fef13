"""Service commitments (服务承诺) and the fee disclosure (收费公示)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from content.models.catalog import ServiceGuidePage
from content.site_scope import in_site_of
from content.text_limits import RICH_INTRO, limit


class CommitmentPage(Page):
    """What the center promises, what happens when it breaks a promise, and where to complain."""

    # A main menu section (portal/templatetags/navigation_tags.py) unless an editor unticks it.
    show_in_menus_default = True

    commitments = RichTextField(_("服务承诺"), validators=limit(RICH_INTRO))
    breach_handling = RichTextField(_("违诺处理"), validators=limit(RICH_INTRO))
    complaint_channels = RichTextField(_("投诉方式"), blank=True, validators=limit(RICH_INTRO))

    content_panels = Page.content_panels + [
        FieldPanel("commitments"),
        FieldPanel("breach_handling"),
        FieldPanel("complaint_channels"),
    ]
    subpage_types: list = []

    class Meta:
        verbose_name = _("服务承诺")


class FeeDisclosurePage(Page):
    """One table of every charged item, built from the live guides so it can never disagree with them."""

    # A main menu section (portal/templatetags/navigation_tags.py) unless an editor unticks it.
    show_in_menus_default = True

    intro = RichTextField(_("说明"), blank=True, validators=limit(RICH_INTRO))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types: list = []
    max_count_per_parent = 1  # one per center (home page), docs/county.md

    class Meta:
        verbose_name = _("收费公示")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = in_site_of(ServiceGuidePage.objects.public_listing(), self)
        context.update(
            charged_guides=guides.filter(fee_charged=True),
            free_guide_count=guides.filter(fee_charged=False).count(),
        )
        return context
