"""Content-Security-Policy per part of the site.

Public pages and the intranet get the strict policy of CONTENT_SECURITY_POLICY (no
inline scripts, nothing from other origins). The Wagtail and Django admins ship
inline scripts of their own, so paths listed in CONTENT_SECURITY_POLICY_RELAXED_PATHS
get the directives given there instead; they are only reachable after logging in.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


def relaxed_directives_for(path):
    """The relaxed directives for this path, or None when the strict policy applies."""
    for prefix, directives in getattr(
        settings, "CONTENT_SECURITY_POLICY_RELAXED_PATHS", {}
    ).items():
        if path.startswith(prefix):
            return directives
    return None


class PathAwareCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's relaxed policy chosen by URL prefix.

    A view's own @csp_replace/@csp_update decorators still apply on top.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            relaxed = relaxed_directives_for(request.path_info)
            if relaxed is not None:
                parts.config = relaxed
        return parts
