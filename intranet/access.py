"""Role checks for every intranet view: anonymous → login page, wrong role → 403."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from intranet import roles


def check_roles(request, allowed):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not roles.has_role(request.user, *allowed):
        raise PermissionDenied
    return None


def role_required(*allowed):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            refusal = check_roles(request, allowed)
            if refusal is not None:
                return refusal
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = frozenset(allowed)
        return wrapped

    return decorator
