"""The one rule every per-center list and record follows (docs/county.md): staff read their
own center's rows, county oversight reads every center's, and only a record's own center
acts on it. Each model's ``visible_to(user)`` starts from ``in_reach``."""

from centers.models import Center, Membership


def in_reach(queryset, user, field="center"):
    """The rows a user may read: their center's, or all for county oversight; none without a center."""
    if Membership.oversees_all(user):
        return queryset
    center = Center.for_user(user)
    if center is None:
        return queryset.none()
    return queryset.filter(**{field: center})


def works_at(user, center_id):
    """Whether the user belongs to the center that owns a record, so may change it."""
    center = Center.for_user(user)
    return center is not None and center.pk == center_id


def at_home(queryset, user, field="center"):
    """The rows of the user's own center only: to-do lists, where county oversight has
    nothing to act on elsewhere."""
    center = Center.for_user(user)
    if center is None:
        return queryset.none()
    return queryset.filter(**{field: center})


def members_of(users, center):
    """The accounts among ``users`` that work at ``center``; in a one-center install that is
    every account, as accounts without a membership belong to the only center."""
    if center is None:
        return users.none()
    if Center.only() == center:
        return users
    return users.filter(center_membership__center=center)
