"""RSS and Atom feeds of completion announcements (办结公告) and of news and notices (通知公告).

Applicants appear masked (张*), exactly as on the announcement pages.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from centers.models import Center
from content.models import (
    AnnouncementIndexPage,
    CenterSettings,
    CompletionAnnouncementPage,
    Department,
    NoticeIndexPage,
    NoticePage,
)
from content.models.notices import public_notices

FEED_SIZE = 50


def on_this_portal(pages, request):
    """The pages of the center whose portal the feed is asked on (docs/county.md)."""
    site = Site.find_for_request(request)
    return pages.descendant_of(site.root_page, inclusive=True) if site else pages


class CompletionAnnouncementRssFeed(Feed):
    description = _("便民服务中心办结事项公告，申请人姓名已隐去。")

    @classmethod
    def as_view(cls):
        """A view that builds a fresh feed per request, so the request never leaks between threads."""

        def view(request, *args, **kwargs):
            feed = cls()
            feed.request = request
            # ?department=<slug>, as on the announcement list; an unknown slug gives no items
            # rather than silently the whole feed.
            slug = request.GET.get("department", "")
            departments = Department.objects.filter(center=Center.for_request(request))
            feed.department = departments.filter(slug=slug).first() if slug else None
            feed.unknown_department = bool(slug) and feed.department is None
            return feed(request, *args, **kwargs)

        return view

    def title(self):
        site = Site.find_for_request(self.request)
        center = CenterSettings.for_site(site).center_name if site else ""
        if self.department:
            return f"{center}办结公告（{self.department.name}）"
        return f"{center}办结公告"

    def link(self):
        index = on_this_portal(AnnouncementIndexPage.objects.live().public(), self.request).first()
        return index.get_url(self.request) if index else "/"

    def items(self):
        announcements = on_this_portal(
            CompletionAnnouncementPage.objects.public_listing(), self.request
        )
        if self.unknown_department:
            return announcements.none()
        if self.department:
            announcements = announcements.filter(department=self.department)
        return announcements[:FEED_SIZE]

    def item_title(self, item):
        return item.public_title

    def item_description(self, item):
        parts = [
            f"事项：{item.matter}",
            f"申请人：{item.applicant_masked}",
            f"办理结果：{item.get_result_display()}",
            f"办结日期：{item.completed_on:%Y-%m-%d}",
        ]
        if item.department:
            parts.append(f"承办部门：{item.department.name}")
        if item.result_note:
            parts.append(f"说明：{item.result_note}")
        return "；".join(parts)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # A tag: URI (RFC 4151): stable when the page moves, and a valid Atom <id> (an IRI).
        site = Site.find_for_request(self.request)
        host = site.hostname if site else self.request.get_host().split(":")[0]
        return f"tag:{host},2026:announcement-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        # Atom requires a date on every entry; a page imported without publishing through
        # Wagtail has no first_published_at, but always has the day the case was completed.
        if item.first_published_at:
            return item.first_published_at
        return timezone.make_aware(datetime.datetime.combine(item.completed_on, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class CompletionAnnouncementAtomFeed(CompletionAnnouncementRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description


class NoticeRssFeed(Feed):
    """News and notices (通知公告), optionally one category (?category=holiday)."""

    description = _("便民服务中心通知公告：节假日办公安排、政策解读、服务调整。")

    @classmethod
    def as_view(cls):
        def view(request, *args, **kwargs):
            feed = cls()
            feed.request = request
            # An unknown category gives no items rather than silently the whole feed.
            feed.category = request.GET.get("category", "")
            feed.category_label = dict(NoticePage.CATEGORY_CHOICES).get(feed.category)
            return feed(request, *args, **kwargs)

        return view

    def title(self):
        site = Site.find_for_request(self.request)
        center = CenterSettings.for_site(site).center_name if site else ""
        if self.category_label:
            return f"{center}通知公告（{self.category_label}）"
        return f"{center}通知公告"

    def link(self):
        index = on_this_portal(NoticeIndexPage.objects.live().public(), self.request).first()
        if index is None:
            return "/"
        url = index.get_url(self.request)
        return f"{url}?category={self.category}" if self.category_label else url

    def items(self):
        notices = on_this_portal(public_notices(), self.request)
        if self.category and self.category_label is None:
            return notices.none()
        if self.category_label:
            notices = notices.filter(category=self.category)
        return notices[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.excerpt

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        site = Site.find_for_request(self.request)
        host = site.hostname if site else self.request.get_host().split(":")[0]
        return f"tag:{host},2026:notice-{item.pk}"

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [str(item.get_category_display())]

    def item_pubdate(self, item):
        # The notice's own date is what readers sort by; the publish time orders a day's notices.
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class NoticeAtomFeed(NoticeRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description
