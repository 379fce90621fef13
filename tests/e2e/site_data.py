"""A small public site and intranet built with the project's own APIs, for browser and security tests.

Pages are published through Wagtail revisions, as an editor would, so the search outbox
indexes them once the transaction commits.
"""

import datetime
import struct
import zlib
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Site

from content.models import (
    AnnouncementIndexPage,
    ArticleIndexPage,
    CenterSettings,
    CommitmentPage,
    CompletionAnnouncementPage,
    Department,
    DepartmentSectionPage,
    FeeDisclosurePage,
    GuideMaterial,
    GuideStep,
    HomePage,
    NoticeIndexPage,
    NoticePage,
    PreDisclosurePage,
    ServiceCatalogPage,
    ServiceGuidePage,
    StaffMember,
    StaffRosterPage,
    Window,
)
from tests.site_tree import fresh_home, publish

PASSWORD = "e2e-pass-2026"
PENSION_TITLE = "城乡居民基本养老保险参保登记"
PENSION_MATERIALS = ["居民身份证", "居民户口簿"]


def home_page():
    return fresh_home(slug="e2e-home")


def center_settings():
    settings = CenterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.center_name = "示范镇便民服务中心"
    settings.address = "示范镇人民路1号"
    settings.hours = "周一至周五 9:00-17:00"
    settings.phone = "0000-1111111"
    settings.complaint_phone = "0000-2222222"
    settings.save()
    return settings


def add_guide(section, *, title, code, department, window=None, materials=(), steps=(), **fields):
    defaults = {
        "basis": "《城乡居民基本养老保险条例》",
        "conditions": "年满16周岁、不是在校学生、未参加职工养老保险的本镇户籍居民。",
        "statutory_days": 20,
        "promised_days": 5,
        "location": "镇便民服务中心一楼",
        "hours": "工作日 9:00-17:00",
        "phone": "0000-1234567",
    }
    defaults.update(fields)
    guide = ServiceGuidePage(
        title=title, slug=code.lower(), code=code, department=department, window=window, **defaults
    )
    for order, name in enumerate(materials):
        guide.materials.add(GuideMaterial(name=name, form="原件", copies=1, sort_order=order))
    for order, text in enumerate(steps):
        guide.steps.add(GuideStep(text=text, sort_order=order))
    section.add_child(instance=guide)
    return publish(guide)


def build_public_site():
    """Home, the catalog with two departments and three guides, announcements and a pre-disclosure."""
    home = home_page()
    center_settings()
    social = Department.objects.create(name="社会保障所", slug="shebao", sort_order=1)
    civil = Department.objects.create(name="民政办", slug="minzheng", sort_order=2)
    window2 = Window.objects.create(name="2号窗口（社保）", department=social, location="一楼东侧")
    window3 = Window.objects.create(name="3号窗口（民政）", department=civil, location="一楼西侧")

    catalog = home.add_child(instance=ServiceCatalogPage(title="办事指南", slug="guides"))
    catalog = publish(catalog)
    social_section = publish(
        catalog.add_child(
            instance=DepartmentSectionPage(title="社会保障所", slug="shebao", department=social)
        )
    )
    civil_section = publish(
        catalog.add_child(
            instance=DepartmentSectionPage(title="民政办", slug="minzheng", department=civil)
        )
    )
    site = SimpleNamespace(home=home, catalog=catalog, social=social, civil=civil)
    site.windows = [window2, window3]
    site.pension = add_guide(
        social_section,
        title=PENSION_TITLE,
        code="SB-001",
        department=social,
        window=window2,
        materials=PENSION_MATERIALS,
        steps=["窗口提交材料", "社保所审核", "录入参保信息"],
        promised_days=3,
    )
    site.subsidy = add_guide(
        civil_section,
        title="高龄津贴申请",
        code="MZ-001",
        department=civil,
        window=window3,
        materials=["老年人身份证"],
        conditions="年满80周岁的本镇户籍老年人。",
        promised_days=5,
    )
    site.dibao = add_guide(
        civil_section,
        title="最低生活保障申请",
        code="MZ-002",
        department=civil,
        window=window3,
        materials=["申请书", "家庭成员身份证"],
        conditions="家庭人均收入低于当地低保标准的本镇户籍家庭。",
        promised_days=10,
        statutory_days=30,
    )

    announcements = publish(
        home.add_child(instance=AnnouncementIndexPage(title="办结公告", slug="announcements"))
    )
    ann_section = publish(
        announcements.add_child(
            instance=DepartmentSectionPage(
                title="民政办公告", slug="minzheng-ann", department=civil
            )
        )
    )
    site.announcement = publish(
        ann_section.add_child(
            instance=CompletionAnnouncementPage(
                title="王小明高龄津贴申请办结公告",
                slug="ann-1",
                matter="高龄津贴申请",
                applicant="王小明",
                result="approved",
                completed_on=datetime.date(2026, 10, 12),
                department=civil,
            )
        )
    )
    articles = publish(home.add_child(instance=ArticleIndexPage(title="政务公开", slug="open")))
    today = timezone.localdate()
    site.predisclosure = publish(
        articles.add_child(
            instance=PreDisclosurePage(
                title="关于调整高龄津贴发放标准的预公开",
                slug="pre-1",
                summary="拟提高八十周岁以上老年人高龄津贴标准。",
                draft="<p>八十至八十九周岁每月一百元。</p>",
                comment_opens=today - datetime.timedelta(days=1),
                comment_closes=today + datetime.timedelta(days=10),
            )
        )
    )
    site.evaluation_results = evaluation_results(articles)
    site.commitments = publish(
        home.add_child(
            instance=CommitmentPage(
                title="服务承诺",
                slug="commitments",
                commitments="<p>限时办结，超时由中心负责人督办。</p>",
                breach_handling="<p>违反承诺的，按规定追究责任。</p>",
            )
        )
    )
    site.fees = publish(home.add_child(instance=FeeDisclosurePage(title="收费公示", slug="fees")))
    site.roster = publish(
        home.add_child(instance=StaffRosterPage(title="工作人员公示", slug="staff"))
    )
    StaffMember.objects.create(
        name="张丽",
        post="社保窗口A岗",
        department=social,
        window=window2,
        duties="养老保险参保和待遇申领",
    )
    site.notice_index = publish(
        home.add_child(instance=NoticeIndexPage(title="通知公告", slug="notices"))
    )
    site.notices = [
        publish(
            site.notice_index.add_child(
                instance=NoticePage(
                    title=title,
                    slug=f"notice-{days_ago}",
                    category=category,
                    date=today - datetime.timedelta(days=days_ago),
                    summary=f"{title}的摘要。",
                    body=f"<p>{title}的正文。</p>",
                )
            )
        )
        for days_ago, title, category in [
            (0, "关于元旦期间办公安排的通知", "holiday"),
            (5, "城乡居民养老保险缴费标准调整政策解读", "policy"),
            (12, "关于社保窗口调整至二楼办理的通知", "notice"),
            (30, "上月办件情况公告", "bulletin"),
        ]
    ]
    site.notice = site.notices[0]
    # 预约办理: the pension guide's window takes bookings every weekday morning.
    from intranet.bookings.models import BookingSlot

    for weekday in range(5):
        BookingSlot.objects.create(
            window=window2,
            weekday=weekday,
            start=datetime.time(9),
            end=datetime.time(10),
            capacity=3,
        )
    site.home = HomePage.objects.get(pk=home.pk)
    return site


def evaluation_results(articles):
    """The 效能考评公示 page, with the month before last evaluated and confirmed (windows only:
    no window staff have accounts yet), so the page shows its tables and charts."""
    from intranet.calendar import workdays
    from intranet.evaluation import cycle
    from intranet.evaluation.models import EvaluationResultsPage

    month = cycle.previous_month(cycle.previous_month())
    evaluation = cycle.generate(month)
    cycle.confirm(
        evaluation, None, today=workdays.add_working_days(evaluation.objection_deadline, 1)
    )
    return publish(
        articles.add_child(
            instance=EvaluationResultsPage(
                title="效能考评公示",
                slug="evaluation",
                intro="<p>各窗口每月效能考评结果，经中心负责人确认后公示。</p>",
            )
        )
    )


def make_user(username, *groups, first_name="", last_name="", **extra):
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name,
        **extra,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def tiny_png():
    """A real 2x2 PNG, so the upload passes the content check as a photo would."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
