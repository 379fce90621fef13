"""The demo's holiday office-hours notice (通知公告), for the next holiday on the working-day clock,
so the demo never announces a holiday long past. It is published under the notice index that the
content demo made, after the standing notices, being the newest."""

from django.utils import timezone

from content.demo.texts import CENTER
from content.models import NoticeIndexPage, NoticePage
from intranet.calendar.holidays import upcoming_holiday


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


def load(stdout=None):
    index = NoticeIndexPage.objects.filter(slug="notices").first()
    if index is None or NoticePage.objects.filter(category="holiday").exists():
        return False
    today = timezone.localdate()
    holiday = upcoming_holiday(today)
    if holiday is None:
        return False
    fields = {**holiday_notice(holiday, CENTER), "date": today}
    page = NoticePage(slug=f"notice-{today:%Y%m%d}-holiday", **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return True
