"""The main menu (主导航), drawn from the page tree as in wagtail/bakerydemo.

Editors choose the sections with 在菜单中显示 (show_in_menus) on the home page's children,
rename them by their title and reorder them in the page explorer; the home link comes first
and the two complaint entries, which are views rather than pages, come last.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from portal.fragment_cache import cached_value

register = template.Library()


def _section_links(request):
    """(title, URL) of each live public menu page under the site's home page, in tree order."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    sections = site.root_page.get_children().live().public().in_menu().order_by("path")
    return {
        "home": site.root_page.get_url(request),
        "sections": [(page.title, page.get_url(request)) for page in sections],
    }


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The menu's entries: label, URL and whether the visitor is in that section now.

    The page titles and URLs are kept with the rendered fragments until the page tree
    changes (a publish, move or unpublish replaces the tree version).
    """
    request = context["request"]
    links = cached_value(request, "main_menu", lambda: _section_links(request))
    entries = []
    if links is not None:
        entries = [(_("首页"), links["home"]), *links["sections"]]
    entries += [
        (_("我要投诉"), reverse("portal:complaint_new")),
        (_("投诉查询"), reverse("portal:complaint_track")),
    ]
    items = []
    for label, url in entries:
        if not url:
            continue
        current = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"label": label, "url": url, "current": current})
    return {"items": items}
