"""GET /api/v1/search/: the public index as JSON (contract in DESIGN.md)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from . import service
from .documents import TYPE_LABELS
from .forms import SearchForm
from .scope import ALL, scope_for

PER_PAGE = 10


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _facet_label(name, value, scope):
    if name == "type":
        return TYPE_LABELS.get(value, value)
    if name == "center":
        return scope.name_of(value) or value
    return value


@require_GET
def search_api(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        errors = form.chinese_errors()
        return _json({"error": "；".join(errors.values()), "fields": errors}, status=400)
    query = form.cleaned_data.get("q") or ""
    page = form.cleaned_data.get("page") or 1
    scope = scope_for(request, form.cleaned_data.get("center"))
    if not query:
        return _json({"count": 0, "results": [], "facets": {}, "engine": "", "incomplete": False})
    filters = form.filters()
    if scope.code:
        filters["center"] = scope.code
    results = service.search(query, filters=filters, page=page, per_page=PER_PAGE)
    if page > results.pages and results.total:
        return _json({"error": "页码超出范围。", "fields": {"page": "页码超出范围。"}}, status=400)
    return _json(
        {
            "count": results.total,
            "page": results.page,
            "pages": results.pages,
            # Which centers were searched: one center's code, or "all".
            "center": scope.code or ALL,
            "results": [
                {**hit.as_json(), "center_name": scope.name_of(hit.center)} for hit in results.hits
            ],
            "facets": {
                name: [
                    {
                        "value": value,
                        "label": _facet_label(name, value, scope),
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
