"""The attendance workbook (.xlsx) for the year: one sheet per person, one per session."""

from io import BytesIO

from openpyxl import Workbook

from intranet.spreadsheets import write_sheet
from intranet.study import attendance


def attendance_workbook(year, sessions):
    wb = Workbook()
    ws = wb.active
    ws.title = f"{year}年个人考勤"
    people = attendance.person_figures(year, sessions)
    totals = attendance.year_totals(people)
    write_sheet(
        ws,
        ["姓名", "账号", "出席", "迟到", "请假", "公出", "缺勤", "应到", "出勤率(%)"],
        [
            [
                p["user"].get_full_name() or p["user"].username,
                p["user"].username,
                p["present"],
                p["late"],
                p["leave"],
                p["trip"],
                p["absent"],
                p["expected"],
                p["rate"],
            ]
            for p in people
        ]
        + [
            [
                "全年合计",
                "",
                totals["present"],
                totals["late"],
                totals["leave"],
                totals["trip"],
                totals["absent"],
                totals["expected"],
                totals["rate"],
            ]
        ],
        [14, 14, 8, 8, 8, 8, 8, 8, 12],
    )
    ws2 = wb.create_sheet(f"{year}年各次学习")
    write_sheet(
        ws2,
        ["日期", "学习主题", "类别", "出席", "迟到", "请假", "公出", "缺勤", "应到", "出勤率(%)"],
        [
            [
                r["session"].date,
                r["session"].topic,
                r["session"].get_kind_display(),
                r["present"],
                r["late"],
                r["leave"],
                r["trip"],
                r["absent"],
                r["expected"],
                r["rate"],
            ]
            for r in attendance.session_figures(year, sessions)
        ],
        [12, 36, 14, 8, 8, 8, 8, 8, 8, 12],
    )
    for row in ws2.iter_rows(min_row=2, max_col=1):
        row[0].number_format = "yyyy-mm-dd"
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
