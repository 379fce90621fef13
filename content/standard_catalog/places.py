"""Where standard guides and their local copies live: in the page trees of centers' sites."""

from centers.models import Center
from content.models import DepartmentSectionPage, ServiceCatalogPage, ServiceGuidePage


def center_of_page(page):
    """The center whose site's page tree holds the page, the nearest site root winning."""
    steplen = page.steplen
    ancestors = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    return (
        Center.objects.filter(site__root_page__path__in=ancestors)
        .order_by("-site__root_page__depth")
        .first()
    )


def county_of(center):
    """The county center whose standards a township follows: its parent, or the install's
    only county center when the township names none."""
    if center.parent_id is not None:
        parent = center.parent
        return parent if parent.kind == Center.Kind.COUNTY else None
    counties = list(Center.objects.filter(kind=Center.Kind.COUNTY)[:2])
    return counties[0] if len(counties) == 1 else None


def _guides_in(center):
    if center is None or center.site_id is None:
        return ServiceGuidePage.objects.none()
    return ServiceGuidePage.objects.descendant_of(center.site.root_page)


def standards_of(county):
    """The county's live standard guides (those with a standard code), by standard code."""
    return _guides_in(county).live().exclude(standard_code="").order_by("standard_code", "path")


def local_guides_of(center):
    """The center's guides adopted from a standard, live or draft."""
    return _guides_in(center).filter(standard__isnull=False).order_by("path")


def catalog_of(center):
    """The center's catalog page (办事指南目录), or None."""
    if center is None or center.site_id is None:
        return None
    return ServiceCatalogPage.objects.descendant_of(center.site.root_page).first()


def sections_of(center):
    """The department sections of the center's catalog, where its guides live."""
    if center is None or center.site_id is None:
        return DepartmentSectionPage.objects.none()
    catalogs = ServiceCatalogPage.objects.descendant_of(center.site.root_page)
    sections = DepartmentSectionPage.objects.none()
    for catalog in catalogs:
        sections = sections | DepartmentSectionPage.objects.child_of(catalog)
    return sections.order_by("path")
