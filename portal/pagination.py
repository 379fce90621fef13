"""Page-number pagination for every list, public and staff (one helper, one template:
includes/pagination.html, which builds its links with Django's {% querystring %} so the
filters in the address are kept).

A bad or out-of-range page number shows the nearest real page instead of a 404, because
citizens follow old links and mistype numbers, and staff bookmark filtered lists.
"""

from django.core.paginator import Paginator

# Staff lists (intranet) show 25 rows a page; public lists are shorter for phones.
STAFF_PER_PAGE = 25
PUBLIC_PER_PAGE = 20


def paginate(request, object_list, per_page=STAFF_PER_PAGE):
    """The page of object_list that the request's ?page= asks for."""
    return Paginator(object_list, per_page).get_page(request.GET.get("page"))
