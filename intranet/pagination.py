from django.core.paginator import Paginator

PER_PAGE = 25


def paginate(request, queryset, per_page=PER_PAGE):
    """A page of the queryset; a bad or too-large page number shows the nearest valid page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
