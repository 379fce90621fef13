"""The intranet's roles: one Django group each, named in Chinese for the admin.

Every permission check in the intranet asks this module, so a role is renamed
in one place only.
"""

from django.utils.translation import gettext_lazy as _

WINDOW_STAFF = "window_staff"
HEAD = "head"
INSPECTOR = "inspector"
EDITOR = "editor"
ADMIN = "admin"

# Group names are data (created by migration 0002), so they are plain strings, not lazy.
GROUP_NAMES = {
    WINDOW_STAFF: "窗口工作人员",
    HEAD: "中心负责人",
    INSPECTOR: "纪检监督员",
    EDITOR: "编辑",
    ADMIN: "系统管理员",
}
LABELS = {
    WINDOW_STAFF: _("窗口工作人员"),
    HEAD: _("中心负责人"),
    INSPECTOR: _("纪检监督员"),
    EDITOR: _("编辑"),
    ADMIN: _("系统管理员"),
}
ALL_ROLES = frozenset(GROUP_NAMES)

# Who attends the center's study sessions (学习教育制度).
STUDY_ROLES = frozenset({WINDOW_STAFF, HEAD, INSPECTOR})
# Who oversees complaints and sees complainants' identities (besides the assigned handler).
OVERSIGHT_ROLES = frozenset({HEAD, INSPECTOR})
# Who may record a phone, oral or written complaint (首问责任制: whoever is asked first).
COMPLAINT_RECORDERS = frozenset({WINDOW_STAFF, HEAD, INSPECTOR})
# Who may open the complaint list at all (window staff see only their own cases).
COMPLAINT_VIEWERS = frozenset({WINDOW_STAFF, HEAD, INSPECTOR, ADMIN})
# Who publishes internal disclosures and sees read receipts.
DISCLOSURE_MANAGERS = frozenset({HEAD, ADMIN})
# Who an internal disclosure for everybody is meant for: the center's staff, not the technical
# administrator account, which would otherwise stand among the unread for ever.
DISCLOSURE_AUDIENCE = ALL_ROLES - {ADMIN}
# Who plans study sessions.
STUDY_MANAGERS = frozenset({HEAD, ADMIN})

_GROUP_TO_ROLE = {name: key for key, name in GROUP_NAMES.items()}


def roles_of(user):
    """The set of role keys a user holds; cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_intranet_roles", None)
    if cached is not None:
        return cached
    roles = {
        _GROUP_TO_ROLE[n] for n in user.groups.values_list("name", flat=True) if n in _GROUP_TO_ROLE
    }
    if user.is_superuser:
        roles.add(ADMIN)
    user._intranet_roles = frozenset(roles)
    return user._intranet_roles


def has_role(user, *roles):
    return bool(roles_of(user) & set(roles))
