"""Which townships lack which standard matters, and which keep stale copies.

A township *has* a matter when its local guide of that standard is live; a copy is *stale*
when the live local guide adopted a revision older than the standard's live one (an update
accepted but still in review leaves it stale until approved).
"""

import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import Workbook

from centers.models import Center, Membership

from .places import county_of, local_guides_of, standards_of


@dataclass
class TownshipRow:
    center: Center
    standard_count: int = 0
    missing: list = field(default_factory=list)  # standards without a live local guide
    drafts: list = field(default_factory=list)  # of those, the ones adopted but not yet live
    stale: list = field(default_factory=list)  # (standard, live local guide) pairs


def centers_in_report(user):
    """County staff, county oversight and the superuser see every township; a township's
    staff see their own row; anybody else nothing."""
    townships = Center.objects.filter(kind=Center.Kind.TOWNSHIP).select_related("site", "parent")
    if Membership.oversees_all(user):
        return townships
    center = Center.for_user(user)
    if center is None:
        return townships.none()
    if center.kind == Center.Kind.COUNTY:
        return townships
    return townships.filter(pk=center.pk)


def township_rows(townships):
    rows = []
    standards_by_county = {}
    for township in townships:
        county = county_of(township)
        if county is None:
            rows.append(TownshipRow(center=township))
            continue
        if county.pk not in standards_by_county:
            standards_by_county[county.pk] = list(standards_of(county))
        standards = standards_by_county[county.pk]
        copies = {}
        for guide in local_guides_of(township):
            # A live copy wins over a second, draft one.
            if guide.standard_id not in copies or guide.live:
                copies[guide.standard_id] = guide
        row = TownshipRow(center=township, standard_count=len(standards))
        for standard in standards:
            copy = copies.get(standard.pk)
            if copy is None or not copy.live:
                row.missing.append(standard)
                if copy is not None:
                    row.drafts.append(standard)
            elif copy.standard_revision_id is None or (
                copy.standard_revision_id < (standard.live_revision_id or 0)
            ):
                row.stale.append((standard, copy))
        rows.append(row)
    return rows


def _matters(standards):
    return "；".join(f"{s.standard_code} {s.title}" for s in standards)


# Titles and names are typed by people: text starting with these would run as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _write_row(sheet, row_number, values):
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row_number, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
            cell.quotePrefix = value.startswith(FORMULA_TRIGGERS)


HEADERS = (
    "中心",
    "标准事项数",
    "缺少的事项数",
    "缺少的事项",
    "已采用未发布",
    "未更新的事项数",
    "未更新的事项",
)


def workbook_bytes(rows):
    """The report as an Excel workbook: one row per township."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("标准事项落实情况")
    _write_row(sheet, 1, [_(header) for header in HEADERS])
    for row_number, row in enumerate(rows, start=2):
        _write_row(
            sheet,
            row_number,
            [
                row.center.name,
                row.standard_count,
                len(row.missing),
                _matters(row.missing),
                _matters(row.drafts),
                len(row.stale),
                _matters(standard for standard, _copy in row.stale),
            ],
        )
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
