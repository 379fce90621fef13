"""The standard code in the catalog exchange (docs/catalog-exchange.md, format version 3).

Imported into a county center's catalog, a record's standard code makes the guide a
standard guide; imported into a township's, it names the county standard the guide
implements and links the two. A code the county does not publish is refused in Chinese,
and with it the whole record.
"""

from django.core.exceptions import ValidationError

from centers.models import Center
from content.models import ServiceGuidePage

from .places import center_of_page, county_of, standards_of


def link_standard(page, code, catalog):
    """Set the page's standard link from the record's standard code, or raise ValidationError."""
    page.standard_code = code
    center = center_of_page(catalog)
    if not code or center is None or center.kind == Center.Kind.COUNTY:
        page.standard = None
        page.standard_revision = None
        if code and center is not None:
            _refuse_a_second_standard(page, code, center)
        return
    county = county_of(center)
    standard = standards_of(county).filter(standard_code=code).first() if county else None
    if standard is None:
        raise ValidationError(f"标准事项编码“{code}”不在县级标准事项清单中，无法关联标准事项")
    if page.standard_id != standard.pk:
        # A guide newly linked by a file takes the standard as it is live now.
        page.standard = standard
        page.standard_revision_id = standard.live_revision_id


def _refuse_a_second_standard(page, code, county):
    others = ServiceGuidePage.objects.descendant_of(county.site.root_page).filter(
        standard_code=code
    )
    if page.pk is not None:
        others = others.exclude(pk=page.pk)
    other = others.first()
    if other is not None:
        raise ValidationError(f"标准事项编码“{code}”已由本县的另一标准指南（{other.code}）使用")
