"""Template context shared by every public page."""

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from portal.care_cookie import wants_care_mode
from portal.fragment_cache import cached_value


def theme(request):
    """Whether the visitor chose the care mode (关怀版) theme, and the main navigation's URLs.

    The navigation is looked up only when a template actually draws the menu.
    """
    return {
        "care_mode": wants_care_mode(request),
        "nav_items": SimpleLazyObject(lambda: _nav_items(request)),
    }


# Main navigation entries that point at pages: page class name -> key used by base.html.
NAV_PAGE_TYPES = {
    "ServiceCatalogPage": "catalog",
    "CommitmentPage": "commitments",
    "FeeDisclosurePage": "fees",
    "StaffRosterPage": "roster",
    "AnnouncementIndexPage": "announcements",
    "ArticleIndexPage": "articles",
    "NoticeIndexPage": "notices",
}


def _nav_urls(request):
    """The URL of each main section, found among the live children of the site's home page."""
    from wagtail.models import Page, Site

    site = Site.find_for_request(request)
    if site is None:
        return {}
    urls = {"home": "/"}
    children = Page.objects.child_of(site.root_page).live().public().order_by("path")
    for child in children:
        key = NAV_PAGE_TYPES.get(child.specific_class.__name__ if child.specific_class else "")
        if key and key not in urls:
            urls[key] = child.get_url(request)
    return urls


def _nav_items(request):
    """The main menu: label, URL and whether the visitor is in that section now.

    The URLs are kept with the rendered fragments until the page tree changes.
    """
    urls = cached_value(request, "nav_urls", lambda: _nav_urls(request))
    entries = [
        (_("首页"), urls.get("home")),
        (_("办事指南"), urls.get("catalog")),
        (_("服务承诺"), urls.get("commitments")),
        (_("收费公示"), urls.get("fees")),
        (_("工作人员公示"), urls.get("roster")),
        (_("办结公告"), urls.get("announcements")),
        (_("政务公开"), urls.get("articles")),
        (_("通知公告"), urls.get("notices")),
        (_("我要投诉"), "/complaints/new/"),
        (_("投诉查询"), "/complaints/track/"),
    ]
    items = []
    for label, url in entries:
        if not url:
            continue
        current = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"label": label, "url": url, "current": current})
    return items
