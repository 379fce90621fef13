"""/favicon.ico: browsers ask for it at the site root whatever the page says, so it is served
there (not only under /static/) and may be cached for a week."""

from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

ICON = "default/favicon.ico"


@cache
def _icon_bytes():
    return Path(finders.find(ICON)).read_bytes()


@require_GET
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    return HttpResponse(_icon_bytes(), content_type="image/x-icon")
