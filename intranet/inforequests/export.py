"""The yearly statistics table as an Excel workbook, for the annual report."""

from io import BytesIO

from openpyxl import Workbook

from intranet.spreadsheets import write_sheet


def statistics_workbook(figures):
    wb = Workbook()
    ws = wb.active
    ws.title = f"{figures['year']}年依申请公开"
    rows = [
        ["本年新收政府信息公开申请数量", figures["received"]],
        ["上年结转政府信息公开申请数量", figures["carried_in"]],
    ]
    rows += [[f"本年度办理结果：{label}", count] for label, count in figures["outcomes"]]
    rows += [
        ["本年度办理结果：总计", figures["answered"]],
        ["结转下年度继续办理", figures["carried_out"]],
        ["超过答复期限", figures["overdue"]],
    ]
    write_sheet(ws, ["项目", "数量（件）"], rows, [44, 14])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
