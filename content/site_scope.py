"""The part of the page tree a public listing draws from: the site it is shown on.

One install serves a county: each center is a Wagtail Site with its own home page
(docs/county.md), so the home page, the catalog, the announcement board, the fee table and
the feeds list only the pages under their own site's home page. The site roots come from
Wagtail's cached table of site root paths (the one every page URL is built from), so
scoping costs no query once that table is warm.
"""

from wagtail.models import Site


def site_root_path(page):
    """The url_path of the home page of the site serving `page` (the most specific one).

    A page no Site serves (a draft tree being built) keeps to its own top-level branch.
    """
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path):
            return root.root_path
    return "/" + page.url_path.strip("/").split("/", 1)[0] + "/"


def request_root_path(request):
    """The url_path of the home page of the request's Site; None when no Site serves it."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk:
            return root.root_path
    return None


def in_site_of(pages, page):
    """`pages` limited to the site `page` is shown on."""
    return pages.filter(url_path__startswith=site_root_path(page))


def in_request_site(pages, request):
    """`pages` limited to the site the request is on; nothing when no Site serves it."""
    root_path = request_root_path(request)
    if root_path is None:
        return pages.none()
    return pages.filter(url_path__startswith=root_path)
