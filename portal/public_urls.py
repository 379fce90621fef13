"""Public views that are not Wagtail pages: open-data API, feeds, sitemap; complaints from their app."""

from django.urls import include, path

from portal.care_mode import toggle_care_mode
from portal.feeds import CompletionAnnouncementAtomFeed, CompletionAnnouncementRssFeed

app_name = "portal"

urlpatterns: list = []

# Front end: care mode switch and announcement feeds.
urlpatterns += [
    path("care-mode/", toggle_care_mode, name="care_mode"),
    path(
        "announcements/feed/rss/",
        CompletionAnnouncementRssFeed.as_view(),
        name="announcements_rss",
    ),
    path(
        "announcements/feed/atom/",
        CompletionAnnouncementAtomFeed.as_view(),
        name="announcements_atom",
    ),
]

# News and notices (通知公告) feeds, ?category= as on the notice list.
from portal.feeds import NoticeAtomFeed, NoticeRssFeed  # noqa: E402

urlpatterns += [
    path("notices/feed/rss/", NoticeRssFeed.as_view(), name="notices_rss"),
    path("notices/feed/atom/", NoticeAtomFeed.as_view(), name="notices_atom"),
]

# For search engines: every live public page, and what crawlers must leave alone.
from wagtail.contrib.sitemaps.views import sitemap  # noqa: E402

from portal.robots import robots_txt  # noqa: E402

urlpatterns += [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

# The site icon browsers request at the root.
from portal.favicon import favicon  # noqa: E402

urlpatterns += [
    path("favicon.ico", favicon, name="favicon"),
]

# Open data: the published service catalog in the exchange format.
from portal import api_views  # noqa: E402

urlpatterns += [
    path("api/v1/catalog/", api_views.catalog, name="api_catalog"),
]

# Search API (search/ app): the public index as JSON.
from search import api as search_api  # noqa: E402

urlpatterns += [
    path("api/v1/search/", search_api.search_api, name="api_search"),
]

# Complaints (投诉): public intake, tracking by code and the published results.
urlpatterns += [
    path("", include("intranet.complaints.public_urls")),
]
