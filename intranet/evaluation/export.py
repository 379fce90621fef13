"""The monthly bulletin (通报) as an Excel workbook: the same tables as the printed page, for the
head to file or send on. Written with the project's formula-safe writer (reasons are typed)."""

from io import BytesIO

from openpyxl import Workbook

from intranet.evaluation.models import ScoreEntry
from intranet.spreadsheets import write_sheet


def _reasons(entry):
    return "；".join(f"{line['points']:+d} {line['text']}" for line in entry.lines)


def _sum(entry, sign):
    return sum(line["points"] for line in entry.lines if line["points"] * sign > 0)


def _share(value):
    return "" if value is None else value


def bulletin_workbook(evaluation):
    entries = list(evaluation.entries.select_related("window", "person", "person_window"))
    windows = [e for e in entries if e.window_id]
    people = sorted((e for e in entries if e.person_id), key=lambda e: (-e.total, e.subject_name))
    state = "" if evaluation.is_confirmed else "（初稿）"
    wb = Workbook()
    ws = wb.active
    ws.title = f"{evaluation.month:%Y年%m月}窗口考评{state}"
    write_sheet(
        ws,
        [
            "窗口",
            "得分",
            "收件",
            "办结",
            "按期办结",
            "按期办结率（%）",
            "承诺件超期",
            "平均用时（工作日）",
            "再次补正",
            "满意率（%）",
            "差评",
            "投诉查实",
            "当月评优资格",
            "扣分",
            "加分",
            "加减分事由",
        ],
        [
            [
                e.window.name,
                e.total,
                e.figures.get("received", 0),
                e.figures.get("closed", 0),
                e.figures.get("on_time", 0),
                _share(e.figures.get("on_time_share")),
                e.figures.get("overdue", 0),
                _share(e.figures.get("avg_days")),
                e.figures.get("second_supplements", 0),
                _share(e.figures.get("satisfied_share")),
                e.figures.get("bad_ratings", 0),
                e.figures.get("complaints_upheld", 0),
                "取消" if e.honour_blocked else "保留",
                _sum(e, -1),
                _sum(e, 1),
                _reasons(e),
            ]
            for e in windows
        ],
        [16, 6, 6, 6, 8, 10, 8, 10, 8, 10, 6, 8, 10, 6, 6, 60],
    )
    ws = wb.create_sheet(f"{evaluation.month:%Y年%m月}个人考评{state}")
    write_sheet(
        ws,
        [
            "姓名",
            "窗口",
            "得分",
            "扣分",
            "加分",
            "加减分事由",
            "学习出勤率（%）",
            "通报",
            "通报事由",
        ],
        [
            [
                e.subject_name,
                e.person_window.name if e.person_window else "",
                e.total,
                _sum(e, -1),
                _sum(e, 1),
                _reasons(e),
                _share(e.figures.get("attendance_rate")),
                e.get_mention_display() if e.mention else "",
                e.mention_reason,
            ]
            for e in people
        ],
        [10, 16, 6, 6, 6, 60, 12, 10, 40],
    )
    ws = wb.create_sheet("点名表扬与批评")
    mentioned = [e for e in windows + people if e.mention]
    order = {ScoreEntry.Mention.PRAISE: 0, ScoreEntry.Mention.CRITICISE: 1}
    write_sheet(
        ws,
        ["通报", "对象", "事由", "相关扣分"],
        [
            [
                e.get_mention_display(),
                e.subject_name,
                e.mention_reason,
                "；".join(
                    f"{line['points']:+d} {line['text']}" for line in e.lines if line["points"] < 0
                )
                if e.mention == ScoreEntry.Mention.CRITICISE
                else "",
            ]
            for e in sorted(mentioned, key=lambda e: order[e.mention])
        ],
        [10, 16, 40, 60],
    )
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
