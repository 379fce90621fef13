"""The cookie that remembers a visitor's choice of the care mode (关怀版) theme.

Its own module because the context processor, the page cache and the fragment cache all
read it, and the fragment cache is in turn used by the context processor.
"""

CARE_MODE_COOKIE = "care_mode"


def wants_care_mode(request):
    return request.COOKIES.get(CARE_MODE_COOKIE) == "1"
