"""Refuse request bodies larger than anything the target accepts, before they are read.

Django streams uploads above FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file as soon
as anything touches request.POST (CsrfViewMiddleware does, for every POST), so a size
check in a form comes after the disk has been filled. This middleware sits above
sessions and CSRF and looks only at the declared Content-Length; a body without one
is read by Django up to zero bytes, and the WSGI server refuses lengths it cannot parse.

REQUEST_BODY_LIMITS maps path prefixes to the largest body accepted there (the first
matching prefix wins); any other path accepts REQUEST_BODY_DEFAULT_LIMIT. A refused
public complaint counts toward the complaint rate limit like any other attempt.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from intranet.complaints.public_views import SUBMIT_SCOPE
from portal import rate_limits

MB = 1024 * 1024
DEFAULT_LIMITS = {
    # Three files of 5 MB each, plus the form fields and multipart framing.
    "/complaints/new/": 16 * MB,
    # Intranet disclosures take five files of 10 MB; the admins one document of 10 MB.
    "/intranet/": 51 * MB,
    "/admin/": 51 * MB,
    "/django-admin/": 11 * MB,
}
DEFAULT_LIMIT = 1 * MB


def limit_for(path):
    limits = getattr(settings, "REQUEST_BODY_LIMITS", DEFAULT_LIMITS)
    for prefix, limit in limits.items():
        if path.startswith(prefix):
            return limit
    return getattr(settings, "REQUEST_BODY_DEFAULT_LIMIT", DEFAULT_LIMIT)


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = limit_for(request.path_info)
        length = declared_length(request)
        if length <= limit:
            return self.get_response(request)
        if request.path_info.startswith("/complaints/new/"):
            rate_limits.hit(rate_limits.ip_bucket(SUBMIT_SCOPE, request))
        message = _("提交的内容过大（%(size)s MB），超过了允许的 %(limit)s MB，未被接收。") % {
            "size": f"{length / MB:.1f}",
            "limit": f"{limit / MB:.0f}",
        }
        return render(request, "portal/request_too_large.html", {"message": message}, status=413)
