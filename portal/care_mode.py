"""The switch between the standard and the care mode (关怀版) theme.

The choice is a cookie, not an account setting, so it works for every visitor and
survives the browser being closed.
"""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.care_cookie import CARE_MODE_COOKIE

COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def safe_next(request, target):
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


# No CSRF token: the switch sits on every page, and a token there would set a cookie on
# every response and keep anonymous pages out of the shared page cache. The worst a
# forged request can do is change the visitor's font size.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def toggle_care_mode(request):
    """Switch the theme (?on=1 for 关怀版, ?on=0 for 标准版) and go back to the page the visitor was on."""
    params = request.POST if request.method == "POST" else request.GET
    response = HttpResponseRedirect(safe_next(request, params.get("next")))
    if params.get("on") == "1":
        response.set_cookie(
            CARE_MODE_COOKIE,
            "1",
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            httponly=True,
            secure=request.is_secure(),
        )
    else:
        response.delete_cookie(CARE_MODE_COOKIE, samesite="Lax")
    return response
