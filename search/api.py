"""GET /api/v1/search/: the public index as JSON (contract in DESIGN.md)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from . import service
from .documents import TYPE_LABELS
from .forms import SearchForm

PER_PAGE = 10


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


@require_GET
def search_api(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        errors = form.chinese_errors()
        return _json({"error": "；".join(errors.values()), "fields": errors}, status=400)
    query = form.cleaned_data.get("q") or ""
    page = form.cleaned_data.get("page") or 1
    if not query:
        return _json({"count": 0, "results": [], "facets": {}, "engine": "", "incomplete": False})
    results = service.search(query, filters=form.filters(), page=page, per_page=PER_PAGE)
    if page > results.pages and results.total:
        return _json({"error": "页码超出范围。", "fields": {"page": "页码超出范围。"}}, status=400)
    return _json(
        {
            "count": results.total,
            "page": results.page,
            "pages": results.pages,
            "results": [hit.as_json() for hit in results.hits],
            "facets": {
                name: [
                    {
                        "value": value,
                        "label": TYPE_LABELS.get(value, value) if name == "type" else value,
                        "count": count,
                    }
                    for value, count in values
                ]
                for name, values in results.facets.items()
            },
            "engine": results.engine,
            "incomplete": results.incomplete,
            "approximate": results.approximate,
        }
    )
