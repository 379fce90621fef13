"""What a form may offer when one install serves several centers (docs/county.md): the
windows, roster entries, guides and staff accounts of one center only, so that a township's
form never lists another center's and a posted foreign id is not a valid choice.

Windows, roster entries and guides reach their center through their department. In a
one-center install every row is offered, those without a department too; with several
centers a row without a department belongs to none and is offered nowhere (fail closed).
"""

from django.db.models import Q

from centers.models import Center, Membership
from centers.scoping import members_of
from content.models import ServiceGuidePage, StaffMember, Window
from intranet.form_fields import staff_users


def _of_center(queryset, center, condition):
    if center is None:
        return queryset.none()
    if Center.only() == center:
        return queryset
    return queryset.filter(condition)


def windows_of(center):
    return _of_center(Window.objects.all(), center, Q(department__center=center))


def windows_in_reach(user):
    """The windows a list may filter by: every center's for county oversight, else the
    user's own center's."""
    if Membership.oversees_all(user):
        return Window.objects.all()
    return windows_of(Center.for_user(user))


def roster_of(center):
    """The center's public roster entries (by their department, or their window's)."""
    return _of_center(
        StaffMember.objects.all(),
        center,
        Q(department__center=center) | Q(window__department__center=center),
    )


def guides_of(center, guides=None):
    """The center's service guides among ``guides`` (all guides when not given)."""
    guides = ServiceGuidePage.objects.all() if guides is None else guides
    return _of_center(guides, center, Q(department__center=center))


def staff_of(center):
    """The center's staff accounts that handle, host and take on work."""
    return members_of(staff_users(), center)


def staff_in_reach(user):
    """The staff accounts a list may filter by: every center's for county oversight, else the
    user's own center's."""
    if Membership.oversees_all(user):
        return staff_users()
    return staff_of(Center.for_user(user))
