"""The demo's news and notices (通知公告) that do not depend on the date: a policy explanation, a
service change and a monthly summary. The holiday notice follows the working-day clock and is
published by the calendar's demo (intranet/calendar/demo.py)."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from .forms_pdf import form_pdf

# (days before today, fields)
STANDING_NOTICES = [
    (
        6,
        {
            "title": "《示范县城乡居民最低生活保障标准调整方案》政策解读",
            "category": "policy",
            "summary": "城乡低保标准统一提高，已享受低保的家庭无需重新申请，差额自本月起补发。",
            "body": (
                "<h2>一、调整了什么</h2>"
                "<p>城市低保标准由每人每月 860 元提高到 900 元，农村低保标准由每人每月 700 元"
                "提高到 750 元；特困人员基本生活标准按不低于当地低保标准的 1.3 倍同步调整。</p>"
                "<h2>二、谁受益</h2>"
                "<p>全镇在册低保对象和特困供养人员。已享受低保的家庭<strong>无需重新申请</strong>，"
                "提高部分自本月起随月发放，之前月份的差额一次补发到“一卡通”账户。</p>"
                "<h2>三、收入刚超过原标准的家庭怎么办</h2>"
                "<p>家庭人均收入低于新标准的，可到 3 号窗口（民政）申请，"
                "或在本网站“办事指南 → 最低生活保障申请”查看材料清单并下载申请表。</p>"
                "<h2>四、咨询方式</h2>"
                "<p>民政办：3 号窗口，工作日办公时间；也可在网上“在线咨询”提问。</p>"
            ),
            "attachment": (
                "示范县城乡居民最低生活保障标准调整方案（摘要）",
                ["文件名称", "发文单位", "执行时间", "城市低保标准", "农村低保标准", "咨询窗口"],
                {
                    "文件名称": "城乡居民最低生活保障标准调整方案",
                    "发文单位": "示范县民政局",
                    "执行时间": "自本月1日起",
                    "城市低保标准": "每人每月 900 元",
                    "农村低保标准": "每人每月 750 元",
                    "咨询窗口": "3 号窗口（民政）",
                },
            ),
        },
    ),
    (
        13,
        {
            "title": "关于社保医保业务调整至二楼办理的通知",
            "category": "notice",
            "summary": "自下周一起，2号窗口（社保就业）的社保、医保业务移至中心二楼东侧办理。",
            "body": (
                "<p>为缓解一楼大厅等候拥挤，自下周一起，2 号窗口（社保就业）整体移至中心"
                "二楼东侧，办理城乡居民养老保险、医疗保险参保缴费、异地就医备案等业务。</p>"
                "<p>一楼大厅设引导台，行动不便的群众可在一楼综合窗口由工作人员代为上楼办理，"
                "也可申请代办服务。二楼有电梯直达。</p>"
                "<p>窗口电话不变，办理时间不变。给您带来的不便，敬请谅解。</p>"
            ),
        },
    ),
    (
        27,
        {
            "title": "示范镇便民服务中心上月办件情况公告",
            "category": "bulletin",
            "summary": "上月中心共受理各类事项 1326 件，按时办结率 99.6%，群众满意率 99.2%。",
            "body": (
                "<p>上月中心共受理各类事项 1326 件，办结 1298 件，按时办结率 99.6%；"
                "即办事项 842 件，当场办结。收到群众评价 1106 条，满意率 99.2%。</p>"
                "<p>收到投诉 3 件，已全部按时答复，处理结果见“投诉处理结果”栏目。</p>"
            ),
        },
    ),
]


def _attachment(title, fields, values):
    document = Document(title=title)
    note = "说明：本文件为示范数据，仅供演示。"
    document.file.save(f"{title}.pdf", ContentFile(form_pdf(title, fields, values, note=note)))
    return document


def notices(today):
    """(fields, attachment document or None) of each demo notice, newest first."""
    found = []
    for days_ago, fields in STANDING_NOTICES:
        fields = dict(fields)
        attachment = fields.pop("attachment", None)
        document = _attachment(*attachment) if attachment else None
        found.append(({**fields, "date": today - datetime.timedelta(days=days_ago)}, document))
    return found
