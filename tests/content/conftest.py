"""A small public site built with Wagtail's page API: home, catalog, a department, guides,
announcements, articles, a pre-disclosure, commitments, fees and the roster.

The tree is built here rather than by the demo loader so that the front-end tests own their data.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import Site

from content.models import (
    AnnouncementIndexPage,
    ArticleIndexPage,
    ArticlePage,
    CenterSettings,
    CommitmentPage,
    CompletionAnnouncementPage,
    Department,
    DepartmentSectionPage,
    FeeDisclosurePage,
    GuideFAQ,
    GuideMaterial,
    GuideStep,
    LeaderDuty,
    NoticeIndexPage,
    NoticePage,
    PreDisclosurePage,
    ServiceCatalogPage,
    ServiceGuidePage,
    StaffMember,
    StaffRosterPage,
    Window,
)
from tests.site_tree import fresh_home

APPLICANT_FULL_NAME = "王小明"
APPLICANT_MASKED = "王**"


def portal_home():
    return fresh_home(slug="portal-home", welcome="欢迎")


def add_guide(section, *, title, code, department, window=None, **fields):
    defaults = {
        "basis": "《示范条例》第三条",
        "conditions": "本镇户籍居民",
        "statutory_days": 20,
        "promised_days": 5,
        "location": "镇便民服务中心一楼",
        "hours": "工作日 9:00-17:00",
        "phone": "0000-1234567",
        "complaint_phone": "0000-7654321",
    }
    defaults.update(fields)
    topics = defaults.pop("topics", [])
    guide = ServiceGuidePage(
        title=title, slug=code.lower(), code=code, department=department, window=window, **defaults
    )
    section.add_child(instance=guide)
    if topics:
        guide.topics.add(*topics)
        guide.save_revision().publish()
    return ServiceGuidePage.objects.get(pk=guide.pk)


def build_center_settings():
    site = Site.objects.get(is_default_site=True)
    settings = CenterSettings.for_site(site)
    settings.center_name = "示范镇便民服务中心"
    settings.address = "示范镇人民路1号"
    settings.hours = "周一至周五 9:00-12:00，13:30-17:00"
    settings.phone = "0000-1111111"
    settings.complaint_phone = "0000-2222222"
    settings.complaint_channels = "大厅意见箱\n纪检监督员：0000-3333333"
    settings.save()
    return settings


@pytest.fixture
def center_settings(db):
    return build_center_settings()


@pytest.fixture
def site_tree(db, center_settings):
    return build_site_tree()


def build_site_tree():
    """Home and one page of every public type, with two departments and three guides."""
    home = portal_home()
    civil = Department.objects.create(
        name="民政办", slug="minzheng", phone="0000-5555555", sort_order=1
    )
    police = Department.objects.create(name="派出所户籍室", slug="huji", sort_order=2)
    window1 = Window.objects.create(name="综合窗口1号", department=police, location="一楼东侧")
    window3 = Window.objects.create(name="综合窗口3号", department=civil, location="一楼西侧")

    catalog = home.add_child(instance=ServiceCatalogPage(title="办事指南", slug="guides"))
    civil_section = catalog.add_child(
        instance=DepartmentSectionPage(title="民政办", slug="minzheng", department=civil)
    )
    police_section = catalog.add_child(
        instance=DepartmentSectionPage(title="派出所户籍室", slug="huji", department=police)
    )

    disability = add_guide(
        civil_section,
        title="残疾人证申领",
        code="MZ-0003",
        department=civil,
        window=window3,
        topics=["残疾人服务", "社会救助"],
        promised_days=5,
        statutory_days=20,
    )
    GuideMaterial.objects.create(
        page=disability, name="居民身份证", form="原件", copies=1, required=True, sort_order=0
    )
    GuideMaterial.objects.create(
        page=disability,
        name="近期免冠照片",
        form="电子件",
        copies=2,
        required=False,
        note="两寸白底",
        sort_order=1,
    )
    for order, text in enumerate(["提出申请", "窗口受理", "评定审核", "发证办结"]):
        GuideStep.objects.create(page=disability, text=text, sort_order=order)
    GuideFAQ.objects.create(
        page=disability, question="可以委托他人办理吗？", answer="可以，需带委托书。", sort_order=0
    )

    subsidy = add_guide(
        civil_section,
        title="高龄津贴申请",
        code="MZ-0007",
        department=civil,
        window=window3,
        topics=["社会救助"],
        promised_days=0,
        statutory_days=None,
    )
    residence = add_guide(
        police_section,
        title="户口迁入",
        code="SG-001",
        department=police,
        window=window1,
        topics=["户籍办理"],
        for_organisations=True,
        fee_charged=True,
        fee_standard="工本费每证 10 元",
        fee_basis="《示范省行政事业性收费标准》第 12 项",
    )

    announcements = home.add_child(instance=AnnouncementIndexPage(title="办结公告", slug="notices"))
    civil_notices = announcements.add_child(
        instance=DepartmentSectionPage(title="民政办办结公告", slug="minzheng", department=civil)
    )
    announcement = civil_notices.add_child(
        instance=CompletionAnnouncementPage(
            title=f"{APPLICANT_FULL_NAME}残疾人证申领办结",
            slug="a-1",
            guide=disability,
            matter="残疾人证申领",
            applicant=APPLICANT_FULL_NAME,
            result="approved",
            completed_on=datetime.date(2026, 10, 12),
            department=civil,
        )
    )

    articles = home.add_child(instance=ArticleIndexPage(title="政务公开", slug="open"))
    article = articles.add_child(
        instance=ArticlePage(
            title="便民服务中心政务公开制度",
            slug="rules",
            category="disclosure",
            summary="公开什么、怎样公开",
            body="<p>中心公开办理事项的设定依据、条件、程序、时限和收费。</p>",
            issued_on=datetime.date(2026, 1, 5),
        )
    )
    today = timezone.localdate()
    predisclosure = articles.add_child(
        instance=PreDisclosurePage(
            title="关于调整大厅办公时间的征求意见稿",
            slug="hours-draft",
            summary="拟将周六上午设为值班窗口开放时间。",
            draft="<p>周六 9:00-12:00 开放综合窗口。</p>",
            comment_opens=today - datetime.timedelta(days=3),
            comment_closes=today + datetime.timedelta(days=10),
        )
    )
    commitments = home.add_child(
        instance=CommitmentPage(
            title="服务承诺",
            slug="commitments",
            commitments="<p>材料齐全的即办事项当场办结。</p>",
            breach_handling="<p>超过承诺时限未办结的，向办事群众说明原因并致歉。</p>",
            complaint_channels="<p>大厅设意见箱。</p>",
        )
    )
    fees = home.add_child(instance=FeeDisclosurePage(title="收费公示", slug="fees"))
    notice_index = home.add_child(instance=NoticeIndexPage(title="通知公告", slug="tongzhi"))
    notice = notice_index.add_child(
        instance=NoticePage(
            title="关于元旦期间办公安排的通知",
            slug="yuandan",
            category="holiday",
            date=datetime.date(2026, 12, 25),
            summary="1月1日至3日暂停对外办公，1月4日起恢复正常办公。",
            body="<p>元旦期间中心暂停对外办公。</p><p>紧急事项请拨打值班电话。</p>",
        )
    )
    roster = home.add_child(instance=StaffRosterPage(title="工作人员公示", slug="staff"))

    leader = StaffMember.objects.create(name="赵主任", post="中心主任", is_leader=True)
    backup = StaffMember.objects.create(
        name="李四", post="综合受理员", window=window3, department=civil, sort_order=2
    )
    primary = StaffMember.objects.create(
        name="张三",
        post="综合受理员",
        window=window3,
        department=civil,
        duties="残疾人证、高龄津贴受理",
        backup=backup,
        sort_order=1,
    )
    LeaderDuty.objects.create(date=today, leader=leader, note="全天")

    return SimpleNamespace(
        home=home,
        catalog=catalog,
        civil=civil,
        police=police,
        civil_section=civil_section,
        police_section=police_section,
        disability=disability,
        subsidy=subsidy,
        residence=residence,
        announcements=announcements,
        civil_notices=civil_notices,
        announcement=announcement,
        articles=articles,
        article=article,
        predisclosure=predisclosure,
        commitments=commitments,
        fees=fees,
        notice_index=notice_index,
        notice=notice,
        roster=roster,
        leader=leader,
        primary=primary,
        backup=backup,
        window3=window3,
    )
