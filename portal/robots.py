"""robots.txt: crawlers keep out of the staff and admin areas and are given the sitemap."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    return render(
        request,
        "portal/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("portal:sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
