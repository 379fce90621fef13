"""What the printed 一次性告知单 adds to the guide: a QR code back to it and who handed it out."""

import segno
from django.utils.safestring import mark_safe


def guide_qr_svg(request, guide):
    """An inline SVG QR code to the guide page, so a citizen can reopen it on a phone."""
    url = guide.get_full_url(request) or request.build_absolute_uri(guide.url or "/")
    # segno writes the SVG itself from the URL; nothing user-typed reaches it unescaped.
    svg = segno.make(url, error="m").svg_inline(scale=3, title="办事指南二维码")
    return mark_safe(svg)  # noqa: S308


def notifier_name(request):
    """The staff member printing the notice signs as 告知人; the public gets a blank line.

    The page cache never serves or stores pages for signed-in users, so a name printed
    here cannot leak into the copy the public sees."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    # Chinese names read family name first, with no space.
    return f"{user.last_name}{user.first_name}".strip() or user.get_username()
