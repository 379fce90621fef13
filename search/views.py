"""The public search page and the as-you-type suggestions."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import service
from .documents import TYPE_LABELS
from .forms import SearchForm
from .scope import default_center, scope_for

PER_PAGE = 10
FACET_LABELS = {
    "center": "服务中心",
    "type": "信息类别",
    "department": "承办部门",
    "topic": "主题",
    "year": "年份",
}


def _link(params, **changes):
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged)


def _center_group(results, params, scope):
    """Matches per center, whichever center is searched; a link searches that center only."""
    items = []
    for code, count in results.facets.get("center") or []:
        selected = code == scope.code
        items.append(
            {
                "label": scope.name_of(code) or code,
                "count": count,
                "selected": selected,
                "url": _link(params, center=scope.param_for(None if selected else code), page=""),
            }
        )
    return {"name": "center", "label": FACET_LABELS["center"], "items": items}


def _facet_groups(results, params, scope):
    groups = []
    if scope.several and results.facets.get("center"):
        groups.append(_center_group(results, params, scope))
    for name in ("type", "department", "topic", "year"):
        values = results.facets.get(name) or []
        if not values:
            continue
        current = str(params.get(name) or "")
        items = []
        for value, count in values:
            label = TYPE_LABELS.get(value, value) if name == "type" else value
            selected = str(value) == current
            items.append(
                {
                    "label": label,
                    "count": count,
                    "selected": selected,
                    "url": _link(params, **{name: "" if selected else value, "page": ""}),
                }
            )
        groups.append({"name": name, "label": FACET_LABELS[name], "items": items})
    return groups


@require_GET
def search_page(request):
    form = SearchForm(request.GET)
    context = {"form": form, "query": request.GET.get("q", "")[:100], "results": None}
    status = 200
    if not form.is_valid():
        context["errors"] = form.chinese_errors()
        status = 400
        return render(request, "search/search.html", context, status=status)
    data = form.cleaned_data
    query = data.get("q") or ""
    scope = scope_for(request, data.get("center"))
    context["scope"] = scope
    params = {key: data.get(key) for key in ("q", "type", "department", "topic", "year")}
    params["center"] = scope.param
    filters = form.filters()
    if scope.code:
        filters["center"] = scope.code
    if query:
        page = data.get("page") or 1
        results = service.search(query, filters=filters, page=page, per_page=PER_PAGE)
        for hit in results.hits:
            hit.center_name = scope.name_of(hit.center) if scope.foreign(hit.center) else ""
        context["results"] = results
        context["facet_groups"] = _facet_groups(results, params, scope)
        if scope.several and not scope.everywhere:
            context["all_centers_url"] = _link(params, center=scope.param_for(None), page="")
            context["all_centers_count"] = sum(n for _c, n in results.facets.get("center") or [])
        elif scope.several and scope.home is not None and default_center(scope.home, True):
            context["home_center_url"] = _link(
                params, center=scope.param_for(scope.home.code), page=""
            )
        context["first_rank"] = (page - 1) * PER_PAGE + 1
        if page > 1:
            context["previous_url"] = _link(params, page=page - 1)
        if page < results.pages:
            context["next_url"] = _link(params, page=page + 1)
        context["clear_filters_url"] = _link({"q": query, "center": scope.param})
        if results.corrected:
            context["corrected_url"] = _link({"q": results.corrected, "center": scope.param})
        context["has_filters"] = bool(form.filters())
        if not results.total:
            context["did_you_mean"] = [
                {"text": text, "url": _link({"q": text, "center": scope.param})}
                for text in service.did_you_mean(query, center=scope.code)
            ]
    else:
        context["popular"] = [{"text": t, "url": _link({"q": t})} for t in service.popular_topics()]
    return render(request, "search/search.html", context, status=status)


@require_GET
def suggest_view(request):
    prefix = request.GET.get("q", "")[:50]
    form = SearchForm({"center": request.GET.get("center", "")})
    if not form.is_valid():
        return JsonResponse(
            {"query": prefix, "suggestions": [], "error": form.chinese_errors().get("center", "")},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    scope = scope_for(request, form.cleaned_data.get("center"))
    items = service.suggest(prefix, center=scope.code) if prefix.strip() else []
    return JsonResponse(
        {"query": prefix, "suggestions": items}, json_dumps_params={"ensure_ascii": False}
    )
