"""The portal's home page."""

import functools

from django.db import models
from django.http.request import split_domain_port
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from centers.models import Center
from content.models.announcements import AnnouncementIndexPage, CompletionAnnouncementPage
from content.models.catalog import ServiceCatalogPage, ServiceGuidePage
from content.models.commitments import CommitmentPage
from content.models.notices import NoticeIndexPage, public_notices
from content.route_table import find_page
from content.site_scope import in_site_of
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
    # One per center, each the root page of its center's Site (docs/county.md).
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("首页")

    HOME_ANNOUNCEMENTS = 5
    HOME_IMMEDIATE_ITEMS = 12
    HOME_NOTICES = 3

    def route(self, request, path_components):
        """Pages below the home page are found through the route table (content/route_table.py)."""
        if path_components and not getattr(request, "is_preview", False):
            found = find_page(self, request, path_components)
            if found is not None:
                page, remaining = found
                return page.route(request, remaining)
        return super().route(request, path_components)

    @property
    def commitment_lines(self):
        return [line.strip() for line in self.commitment_summary.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        """Everything is loaded only when the body is rendered, not when it comes from the fragment cache."""
        context = super().get_context(request, *args, **kwargs)
        context.update({name: SimpleLazyObject(load) for name, load in self.listings().items()})
        context["county_centers"] = SimpleLazyObject(lambda: self.county_centers(request))
        return context

    def county_centers(self, request):
        """On the county center's home page, every center of the install with its contacts
        and a link to its portal (docs/county.md); on a township's, nothing."""
        from content.models.site_settings import CenterSettings

        here = Center.for_page(self)
        if here is None or here.kind != Center.Kind.COUNTY:
            return []
        centers = list(Center.objects.select_related("site").order_by("sort_order", "name"))
        contacts = {
            row.site_id: row
            for row in CenterSettings.objects.filter(site__in=[c.site for c in centers if c.site])
        }
        return [
            {
                "center": center,
                "contacts": contacts.get(center.site_id),
                "url": portal_url(center.site, request),
            }
            for center in centers
        ]

    def listings(self):
        # Everything listed is this home page's center's: each center is a Site of its own.
        guides = in_site_of(ServiceGuidePage.objects.public_listing(), self)

        def first_live(page_class):
            return in_site_of(page_class.objects.live().public(), self).first()

        @functools.cache
        def latest_notices():
            return list(in_site_of(public_notices(), self)[: self.HOME_NOTICES])

        def notice_index():
            # The list the latest notice is in: live, and public since the notice is (one query).
            notices = latest_notices()
            if not notices:
                return None
            return NoticeIndexPage.objects.live().ancestor_of(notices[0]).first()

        return {
            "catalog_page": lambda: first_live(ServiceCatalogPage),
            "commitment_page": lambda: first_live(CommitmentPage),
            "announcement_index": lambda: first_live(AnnouncementIndexPage),
            "topics": lambda: list(guides.topic_counts()),
            "departments": lambda: list(guides.department_counts()),
            "guide_count": guides.count,
            "immediate_guides": lambda: list(
                guides.filter(promised_days=0)[: self.HOME_IMMEDIATE_ITEMS]
            ),
            "latest_announcements": lambda: list(
                in_site_of(CompletionAnnouncementPage.objects.public_listing(), self)[
                    : self.HOME_ANNOUNCEMENTS
                ]
            ),
            "latest_notices": latest_notices,
            "notice_index": notice_index,
        }


def portal_url(site, request):
    """The address of a center's portal as this visitor reaches it: the Site's host name,
    with the port the visitor used when the Site leaves it at the default (``make run`` serves
    every ``*.localhost`` Site on one port)."""
    if site is None:
        return ""
    port = str(site.port)
    if port == "80":
        # The port in the address the visitor typed (runserver's), not the server's own.
        port = split_domain_port(request.get_host())[1] or port
    suffix = "" if port in ("80", "443") else f":{port}"
    return f"{request.scheme}://{site.hostname}{suffix}/"
