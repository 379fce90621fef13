"""Template context shared by every public page."""

CARE_MODE_COOKIE = "care_mode"


def theme(request):
    """Tell templates whether the visitor chose the care mode (关怀版) theme."""
    return {"care_mode": request.COOKIES.get(CARE_MODE_COOKIE) == "1"}
