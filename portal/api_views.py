"""Open-data API (/api/v1/…): read-only JSON views of what the portal publishes."""

import json

from django.db.models import Q
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from content.catalog_exchange.schema import FORMAT_VERSION
from content.catalog_exchange.serialize import guide_to_record, published_guides
from content.site_scope import in_request_site


def json_response(data, status=200):
    # Chinese stays readable in the payload instead of \\uXXXX escapes.
    return HttpResponse(
        json.dumps(data, ensure_ascii=False),
        status=status,
        content_type="application/json; charset=utf-8",
    )


@require_GET
def catalog(request):
    """Every live, public guide of this portal's center in the catalog exchange format (SCHEMA.md), filterable by department and topic."""
    guides = in_request_site(published_guides(), request)
    department = request.GET.get("department", "").strip()
    if department:
        guides = guides.filter(Q(department__name=department) | Q(department__slug=department))
    topic = request.GET.get("topic", "").strip()
    if topic:
        guides = guides.filter(tagged_topics__tag__name=topic).distinct()
    records = [guide_to_record(guide) for guide in guides]
    # Old clients read a bare list; ?format=3 (or 2, as version 2 clients ask) wraps it in an
    # envelope that names the version.
    if request.GET.get("format") in ("2", str(FORMAT_VERSION)):
        response = json_response({"format_version": FORMAT_VERSION, "guides": records})
    else:
        response = json_response(records)
    response["X-Catalog-Format"] = str(FORMAT_VERSION)
    return response
