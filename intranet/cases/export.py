"""Excel workbooks of the case register, with the columns a county office asks for."""

import datetime as dt
from io import BytesIO

from django.db.models import Count
from django.utils import timezone
from openpyxl import Workbook

from intranet.spreadsheets import write_sheet


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def _local(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def register_workbook(month_start, cases):
    """办件登记簿 of one month (of ``cases``, those received in it), masked as the lists are."""
    month_end = (month_start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    cases = (
        cases.filter(received_at__date__gte=month_start, received_at__date__lt=month_end)
        .select_related("window", "handler", "first_contact")
        .order_by("received_at")
    )
    wb = Workbook()
    ws = wb.active
    ws.title = f"{month_start:%Y年%m月}办件登记簿"
    write_sheet(
        ws,
        [
            "受理编号",
            "收件时间",
            "事项",
            "办件类型",
            "渠道",
            "申请人",
            "联系电话",
            "窗口",
            "首问责任人",
            "承办人",
            "受理日期",
            "办结期限",
            "状态",
            "办结时间",
            "办理结果",
            "按期办结",
            "用时（工作日）",
            "补正次数",
            "取件日期",
        ],
        [
            [
                c.receipt_number,
                _local(c.received_at),
                c.matter,
                c.get_kind_display(),
                c.get_channel_display(),
                c.applicant_masked,
                c.phone_masked,
                c.window.name,
                _name(c.first_contact),
                _name(c.handler),
                c.accepted_on,
                c.deadline,
                c.get_state_display(),
                _local(c.completed_at),
                c.get_result_display(),
                {True: "是", False: "否"}.get(c.on_time, ""),
                c.working_days_used,
                c.supplement_total,
                c.collected_on,
            ]
            for c in cases.annotate(supplement_total=Count("supplements"))
        ],
        [18, 17, 24, 8, 10, 10, 14, 14, 10, 10, 12, 12, 10, 17, 8, 8, 10, 8, 12],
    )
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def filings_workbook(filings):
    """否定报备登记表: every refusal among ``filings``, its reason and basis, and the review."""
    filings = filings.select_related("case", "case__window", "filed_by", "reviewed_by").order_by(
        "filed_at"
    )
    wb = Workbook()
    ws = wb.active
    ws.title = "否定报备登记表"
    write_sheet(
        ws,
        [
            "受理编号",
            "事项",
            "窗口",
            "报备人",
            "报备时间",
            "退回理由",
            "法律依据",
            "审核期限",
            "审核结论",
            "审核意见",
            "审核人",
            "审核时间",
        ],
        [
            [
                f.case.receipt_number,
                f.case.matter,
                f.case.window.name,
                _name(f.filed_by),
                _local(f.filed_at),
                f.reason,
                f.basis,
                f.review_deadline,
                f.get_decision_display(),
                f.instruction,
                _name(f.reviewed_by),
                _local(f.reviewed_at),
            ]
            for f in filings
        ],
        [18, 24, 14, 10, 17, 30, 30, 12, 8, 30, 10, 17],
    )
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
