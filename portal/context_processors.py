"""Template context shared by every public page (the main menu is a template tag:
portal/templatetags/navigation_tags.py)."""

from portal.care_cookie import wants_care_mode


def theme(request):
    """Whether the visitor chose the care mode (关怀版) theme."""
    return {"care_mode": wants_care_mode(request)}
