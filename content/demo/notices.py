"""The demo's news and notices (通知公告); the holiday notice is for the next holiday on the
working-day clock (intranet/workdays.py), so the demo never announces a holiday long past."""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from .forms_pdf import form_pdf

# chinese_calendar's holiday names -> what a notice calls them.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
}
# Holidays on fixed dates (全国年节及纪念日放假办法): in a year neither the package nor an
# administrator covers yet, these still fall on their dates; the lunar ones cannot be known.
FIXED_HOLIDAYS = {
    (1, 1): "元旦",
    (5, 1): "劳动节",
    (5, 2): "劳动节",
    (10, 1): "国庆节",
    (10, 2): "国庆节",
    (10, 3): "国庆节",
}
LOOKAHEAD_DAYS = 400


@dataclass(frozen=True)
class Holiday:
    name: str
    first: datetime.date
    last: datetime.date
    resume: datetime.date  # the first working day after it
    adjusted_workdays: tuple  # weekend days worked in exchange (调休上班)
    provisional: bool  # the year's arrangement is not published yet: only the fixed date is known


def _holiday_name(day, calendar, names):
    """The holiday's name when `day` is a public holiday (not a plain weekend), else ''."""
    if day in calendar.overrides:
        return (names.get(day) or "节假日") if not calendar.overrides[day] else ""
    if calendar.is_provisional(day):
        return FIXED_HOLIDAYS.get((day.month, day.day), "")
    import chinese_calendar

    on_holiday, holiday = chinese_calendar.get_holiday_detail(day)
    if not on_holiday or holiday is None:
        return ""
    return HOLIDAY_NAMES.get(getattr(holiday, "value", holiday), "节假日")


def next_holiday(today, calendar, names=None):
    """The next public holiday after `today` on the working-day clock, with the days off around it."""
    names = names or {}
    day = today
    for _ in range(LOOKAHEAD_DAYS):
        day += datetime.timedelta(days=1)
        name = _holiday_name(day, calendar, names)
        if name:
            break
    else:
        return None
    provisional = calendar.is_provisional(day)

    def off(d):
        if provisional and (d.month, d.day) in FIXED_HOLIDAYS:
            return True
        return not calendar.is_working_day(d)

    first = last = day
    while first - datetime.timedelta(days=1) > today and off(first - datetime.timedelta(days=1)):
        first -= datetime.timedelta(days=1)
    while off(last + datetime.timedelta(days=1)):
        last += datetime.timedelta(days=1)
    resume = last + datetime.timedelta(days=1)
    window = [first + datetime.timedelta(days=n) for n in range(-10, (last - first).days + 11)]
    adjusted = tuple(
        d for d in window if d.weekday() >= 5 and not off(d) and not (first <= d <= last)
    )
    return Holiday(name, first, last, resume, adjusted, provisional)


def _cn_date(day):
    return f"{day.year}年{day.month}月{day.day}日"


def holiday_notice(holiday, center):
    """Title, summary and body of the holiday office-hours notice."""
    days = (holiday.last - holiday.first).days + 1
    period = f"{_cn_date(holiday.first)}至{_cn_date(holiday.last)}"
    adjusted = "、".join(
        f"{_cn_date(d)}（星期{'六日'[d.weekday() - 5]}）" for d in holiday.adjusted_workdays
    )
    source = (
        "根据《全国年节及纪念日放假办法》"
        if holiday.provisional
        else f"根据国务院办公厅关于{holiday.first.year}年部分节假日安排的通知精神"
    )
    paragraphs = [
        f"{source}，现将本中心{holiday.name}期间办公安排通知如下：",
        f"一、{period}放假，共{days}天，中心暂停对外办公，每周六上午的延时服务同时暂停。"
        f"{_cn_date(holiday.resume)}起恢复正常办公。",
    ]
    if adjusted:
        paragraphs.append(f"二、{adjusted}调休上班，中心正常对外办公。")
    paragraphs += [
        f"{'三' if adjusted else '二'}、放假期间，网上投诉、在线咨询和政府信息公开申请可照常提交，"
        f"节后按收到顺序办理；办理时限按工作日计算，节假日不计入。",
        f"{'四' if adjusted else '三'}、放假期间如有紧急事项，请拨打值班电话 {center['phone']}。",
    ]
    if holiday.provisional:
        paragraphs.append(
            f"{holiday.first.year}年的节假日安排尚未公布，以上为按法定节日日期的预告，"
            "具体以国务院办公厅通知为准，届时本中心将更新本通知。"
        )
    return {
        "title": f"关于{holiday.first.year}年{holiday.name}期间办公安排的通知",
        "category": "holiday",
        "summary": f"{period}中心暂停对外办公，{_cn_date(holiday.resume)}起恢复正常办公。",
        "body": "".join(f"<p>{text}</p>" for text in paragraphs),
    }


# (days before today, fields); the holiday notice is added on top by `notices`.
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


def notices(today, center):
    """(fields, attachment document or None) of each demo notice, newest first."""
    from intranet.calendar.models import CalendarDay
    from intranet.calendar.workdays import WorkCalendar

    names = dict(
        CalendarDay.objects.filter(kind=CalendarDay.Kind.HOLIDAY).values_list("date", "name")
    )
    found = []
    holiday = next_holiday(today, WorkCalendar.load(), names)
    if holiday is not None:
        found.append(({**holiday_notice(holiday, center), "date": today}, None))
    for days_ago, fields in STANDING_NOTICES:
        fields = dict(fields)
        attachment = fields.pop("attachment", None)
        document = _attachment(*attachment) if attachment else None
        found.append(({**fields, "date": today - datetime.timedelta(days=days_ago)}, document))
    return found
