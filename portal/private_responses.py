"""`Cache-Control: no-store` on every response that may hold personal data.

The intranet shows complainants' names and phones, complaint attachments, leave
requests, attendance and the identity access log; the admins show users, comment
contact details and drafts. None of it may stay in a browser's or a proxy's cache
on a shared office computer, so everything under these prefixes is marked no-store
(Django's never_cache headers), whichever view or file response produced it. The
public complaint form and tracking page do the same through never_cache.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

DEFAULT_PREFIXES = ("/intranet/", "/admin/", "/django-admin/")


class NoStorePrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        prefixes = getattr(settings, "NO_STORE_PATH_PREFIXES", DEFAULT_PREFIXES)
        if request.path_info.startswith(tuple(prefixes)):
            add_never_cache_headers(response)
        return response
