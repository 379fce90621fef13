"""The one way the intranet writes a worksheet: styled header, and text that never runs as a formula.

Names, topics and reasons are typed by people; a cell whose text starts with =, +, -, @,
a tab or a carriage return would otherwise be taken by openpyxl (and by Excel when the
cell is edited) as a formula, e.g. =HYPERLINK(...) leaking data when the file is opened.
"""

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _write_row(ws, row_number, values):
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row=row_number, column=column)
        if isinstance(value, str):
            cell.value = value
            # Stored as a shared string, so no spreadsheet program evaluates it; the quote
            # prefix keeps it text when someone edits the cell in Excel or LibreOffice.
            cell.data_type = "s"
            if value.startswith(FORMULA_TRIGGERS):
                cell.quotePrefix = True
        else:
            cell.value = value
    return ws[row_number]


def write_sheet(ws, headers, rows, widths):
    """Fill an empty worksheet: bold frozen header row, then one row per item of rows."""
    for cell in _write_row(ws, 1, headers):
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row_number, row in enumerate(rows, start=2):
        _write_row(ws, row_number, row)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
