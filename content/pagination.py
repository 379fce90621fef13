"""Page-number pagination shared by every public list page.

A bad or out-of-range page number falls back to the nearest real page instead of a 404,
because citizens follow old links and mistype numbers.
"""

from django.core.paginator import Paginator

DEFAULT_PER_PAGE = 20


def paginate(request, object_list, per_page=DEFAULT_PER_PAGE):
    """Return (page_obj, querystring_without_page) for the list and the request's ?page=."""
    paginator = Paginator(object_list, per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page_obj, params.urlencode()
