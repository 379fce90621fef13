"""The public search page and the as-you-type suggestions."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import service
from .documents import TYPE_LABELS
from .forms import SearchForm

PER_PAGE = 10
FACET_LABELS = {"type": "信息类别", "department": "承办部门", "topic": "主题", "year": "年份"}


def _link(params, **changes):
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged)


def _facet_groups(results, params):
    groups = []
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
    params = {key: data.get(key) for key in ("q", "type", "department", "topic", "year")}
    if query:
        page = data.get("page") or 1
        results = service.search(query, filters=form.filters(), page=page, per_page=PER_PAGE)
        context["results"] = results
        context["facet_groups"] = _facet_groups(results, params)
        context["first_rank"] = (page - 1) * PER_PAGE + 1
        if page > 1:
            context["previous_url"] = _link(params, page=page - 1)
        if page < results.pages:
            context["next_url"] = _link(params, page=page + 1)
        context["clear_filters_url"] = _link({"q": query})
        if results.corrected:
            context["corrected_url"] = _link({"q": results.corrected})
        context["has_filters"] = bool(form.filters())
        if not results.total:
            context["did_you_mean"] = [
                {"text": text, "url": _link({"q": text})} for text in service.did_you_mean(query)
            ]
    else:
        context["popular"] = [{"text": t, "url": _link({"q": t})} for t in service.popular_topics()]
    return render(request, "search/search.html", context, status=status)


@require_GET
def suggest_view(request):
    prefix = request.GET.get("q", "")[:50]
    items = service.suggest(prefix) if prefix.strip() else []
    return JsonResponse(
        {"query": prefix, "suggestions": items}, json_dumps_params={"ensure_ascii": False}
    )
