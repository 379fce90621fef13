"""Demo data for the standard catalog, for the lead to call from the demo county loader
(not wired into load_demo): the county's standard guides, and townships that adopted some.

Both functions are idempotent, as load_demo must be.
"""

from content.models import CenterSettings, ServiceGuidePage
from content.standard_catalog.adoption import adopt
from content.standard_catalog.places import (
    county_of,
    local_guides_of,
    sections_of,
    standards_of,
)


def give_standard_guides(county, count=5):
    """Make the first `count` live guides of the county center's site standard guides,
    each with the standard code ``BZ-<its code>``; return the county's standards."""
    if not standards_of(county).exists():
        guides = ServiceGuidePage.objects.descendant_of(county.site.root_page).live()
        for guide in guides.order_by("path")[:count]:
            draft = guide.get_latest_revision_as_object()
            draft.standard_code = f"BZ-{guide.code}"[:50]
            draft.save_revision().publish()
    return list(standards_of(county))


def adopt_standard_guides(township, count):
    """Let the township adopt and publish its county's first `count` standard guides (the
    rest stay missing in the report), with its own phone, address and hours; return them."""
    county = county_of(township)
    section = sections_of(township).first()
    if county is None or section is None:
        return []
    settings = CenterSettings.for_site(township.site)
    adopted = set(local_guides_of(township).values_list("standard_id", flat=True))
    for standard in list(standards_of(county))[:count]:
        if standard.pk in adopted:
            continue
        local = {
            "window": section.specific.department.windows.first(),
            "location": settings.address,
            "hours": settings.hours,
            "phone": settings.phone,
            "complaint_phone": settings.complaint_phone,
            "promised_days": standard.promised_days,
            "implementing_body": standard.implementing_body,
        }
        page = adopt(standard, section, None, local)
        page.get_latest_revision().publish()
    return list(local_guides_of(township))
