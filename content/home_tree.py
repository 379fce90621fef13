"""Each center's portal is the page tree below its home page (docs/county.md): its listings
(catalog, fees, announcements, notices, the home page's) show that tree's pages only.

A HomePage is a child of the tree root (``parent_page_types``), so a page's home is its
ancestor at depth 2 and the tree is one ``path`` prefix: no query to find it.
"""

HOME_DEPTH = 2


def within_home_of(queryset, page):
    """The pages of ``queryset`` on the same center's portal as ``page``."""
    return queryset.filter(path__startswith=page.path[: HOME_DEPTH * page.steplen])
