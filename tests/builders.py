"""Test data, built with the project's own APIs: users, guides, whole public sites, the
intranet's center and its records, and the clock.

Loaded as a pytest plugin from tests/conftest.py, so its fixtures (`users`, `clients`,
`site_tree`, `center`, `case`, `slots`, `working_morning`, ...) are everywhere, and test
modules import its functions from here, never from another folder's conftest.

Sites are described as plans (`SitePlan`: rows, then pages in the order they are created)
and built by one function, `build_site`. Each suite keeps its own plan because its
assertions depend on its exact data: `PORTAL_SITE` has one page of every public type for
the front-end tests, `SEARCH_SITE` is the catalog the search quality tests measure, and
`BROWSER_SITE` is what the browser journeys and the hostile-input tests click through.

Tests whose answer depends on the date travel to a fixed moment with time-machine
(`working_morning`, `national_day_eve`) instead of working around midnight.
"""

import dataclasses
import datetime
import struct
import zlib
import zoneinfo
from types import SimpleNamespace

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from centers.models import Center, Membership
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
from intranet import roles
from intranet.bookings import schedule
from intranet.bookings.models import BookingSlot, ServiceRequest, save_with_new_code
from intranet.calendar import workdays
from intranet.cases import workflow as case_workflow
from intranet.cases.models import Case, FirstContact
from intranet.evaluation import cycle as evaluation_cycle
from intranet.evaluation.models import EvaluationResultsPage
from intranet.inforequests import workflow as inforequest_workflow
from intranet.inforequests.models import InfoRequest
from intranet.questions import workflow as question_workflow
from intranet.questions.models import Question
from intranet.study.models import StudyPlan, StudySession

PASSWORD = "pw-123456"


# --- users -----------------------------------------------------------------------------------


def make_user(username, *groups, first_name=None, password=PASSWORD, **fields):
    """A user in the given groups: Group objects, intranet role keys or group names.

    Without a first name the username stands in, as staff lists show it.
    """
    user = get_user_model().objects.create_user(
        username=username,
        password=password,
        first_name=username if first_name is None else first_name,
        **fields,
    )
    for group in groups:
        if not isinstance(group, Group):
            group = Group.objects.get(name=roles.GROUP_NAMES.get(group, group))
        user.groups.add(group)
    return user


def client_for(user):
    """A test client signed in as `user` (anonymous for None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


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


# --- pages -----------------------------------------------------------------------------------


def publish(page):
    """Publish through a revision, as a reviewer's approval would."""
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def fresh_home(slug="home", **fields):
    """The HomePage made by migration 0002 (or a new one), served by the default site,
    emptied of children so each test builds its own tree below it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="首页", slug=slug, **fields))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    for child in home.get_children():
        child.delete()
    return HomePage.objects.get(pk=home.pk)


def the_existing_center():
    """The center migration centers 0001 made for the default site."""
    return Center.objects.get(code="default")


def add_township(name, code, hostname, *, parent=None):
    """A second center with its own Site (host name) and home page, as a county adds one."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=name, slug=code))
    site = Site.objects.create(hostname=hostname, root_page=home, site_name=name)
    return Center.objects.create(
        name=name, code=code, site=site, parent=parent, kind=Center.Kind.TOWNSHIP
    )


def join_center(user, center, *, county_oversight=False):
    Membership.objects.create(user=user, center=center, county_oversight=county_oversight)
    return user


CENTER = {
    "center_name": "示范镇便民服务中心",
    "address": "示范镇人民路1号",
    "hours": "周一至周五 9:00-12:00，13:30-17:00",
    "phone": "0000-1111111",
    "complaint_phone": "0000-2222222",
    "complaint_channels": "大厅意见箱\n纪检监督员：0000-3333333",
}


def build_center_settings(**fields):
    """中心信息 of the default site."""
    settings = CenterSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in {**CENTER, **fields}.items():
        setattr(settings, name, value)
    settings.save()
    return settings


GUIDE_DEFAULTS = {
    "basis": "《示范条例》第三条",
    "conditions": "本镇户籍居民",
    "statutory_days": 20,
    "promised_days": 5,
    "location": "镇便民服务中心一楼",
    "hours": "工作日 9:00-17:00",
    "phone": "0000-1234567",
    "complaint_phone": "0000-7654321",
}


def add_guide(
    section,
    *,
    title,
    code,
    department,
    window=None,
    topics=(),
    materials=(),
    steps=(),
    faqs=(),
    defaults=GUIDE_DEFAULTS,
    **fields,
):
    """A published guide under `section`.

    Materials are names or dicts of GuideMaterial fields; FAQs are (question, answer) pairs.
    `defaults` fills the fields a guide needs; `fields` override them.
    """
    guide = ServiceGuidePage(
        title=title,
        slug=code.lower(),
        code=code,
        department=department,
        window=window,
        **{**defaults, **fields},
    )
    for order, material in enumerate(materials):
        values = {"name": material} if isinstance(material, str) else material
        guide.materials.add(GuideMaterial(**{"form": "原件", "sort_order": order, **values}))
    for order, text in enumerate(steps):
        guide.steps.add(GuideStep(text=text, sort_order=order))
    for order, (question, answer) in enumerate(faqs):
        guide.faqs.add(GuideFAQ(question=question, answer=answer, sort_order=order))
    section.add_child(instance=guide)
    guide.topics.add(*topics)
    return publish(guide)


# --- whole sites -----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Ref:
    """A row or page built earlier in the same plan, by its key."""

    key: str


@dataclasses.dataclass(frozen=True)
class DaysFromToday:
    """A date relative to the day the site is built."""

    days: int


@dataclasses.dataclass
class Node:
    """A page of the plan: its key on the built site, its type, its parent's key (None: the
    home page) and its fields."""

    key: str | None
    page_type: type
    parent: str | None
    fields: dict


def node(key, page_type, parent=None, **fields):
    return Node(key, page_type, parent, fields)


@dataclasses.dataclass
class SitePlan:
    """Pages are created in the order given (page ids and the tree's order follow it)."""

    home_slug: str
    pages: tuple
    # Rows before the pages (departments, windows) and after them (staff, duties, slots):
    # (key or None, "app_label.Model", fields).
    rows_before: tuple = ()
    rows_after: tuple = ()
    home_fields: dict = dataclasses.field(default_factory=dict)
    center_settings: dict | None = None
    guide_defaults: dict = dataclasses.field(default_factory=lambda: GUIDE_DEFAULTS)
    # Guides are always published through a revision (tags live on the revision); other
    # pages too unless False: then they are created live without one, as an import would
    # leave them (no publication date, so feeds date an announcement by its completion).
    pages_through_revisions: bool = True
    # Called with the built site last, for what a plan cannot list (records made by workflows).
    finish: tuple = ()


def _resolve(value, site):
    if isinstance(value, Ref):
        return getattr(site, value.key)
    if isinstance(value, DaysFromToday):
        return timezone.localdate() + datetime.timedelta(days=value.days)
    return value


def _add_rows(rows, site):
    for key, label, fields in rows:
        row = apps.get_model(label).objects.create(
            **{name: _resolve(value, site) for name, value in fields.items()}
        )
        if key:
            setattr(site, key, row)
        if label == "content.Department":
            site.departments[row.name] = row
        elif label == "content.Window":
            site.windows.append(row)


def _add_page(spec, plan, site):
    parent = site.home if spec.parent is None else getattr(site, spec.parent)
    fields = {name: _resolve(value, site) for name, value in spec.fields.items()}
    password = fields.pop("view_password", None)
    if spec.page_type is ServiceGuidePage and fields.get("live", True):
        page = add_guide(parent, defaults=plan.guide_defaults, **fields)
    else:
        page = spec.page_type(**fields)
        parent.add_child(instance=page)
        if page.live and plan.pages_through_revisions:
            page = publish(page)
        elif page.live:
            page = spec.page_type.objects.get(pk=page.pk)
        else:
            page.save_revision()
            page = spec.page_type.objects.get(pk=page.pk)
    if password:
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
        )
    if spec.key:
        setattr(site, spec.key, page)


def build_site(plan):
    """Build `plan` under a clean home page; every keyed page and row is an attribute of the
    result, with `departments` by name and `windows` in order."""
    site = SimpleNamespace(departments={}, windows=[])
    site.home = fresh_home(slug=plan.home_slug, **plan.home_fields)
    if plan.center_settings is not None:
        build_center_settings(**plan.center_settings)
    _add_rows(plan.rows_before, site)
    for spec in plan.pages:
        _add_page(spec, plan, site)
    _add_rows(plan.rows_after, site)
    for step in plan.finish:
        step(site)
    site.home = HomePage.objects.get(pk=site.home.pk)
    return site


# The front-end tests' site: home and one page of every public type, with two departments
# and three guides.
APPLICANT_FULL_NAME = "王小明"
APPLICANT_MASKED = "王**"

PORTAL_SITE = SitePlan(
    home_slug="portal-home",
    home_fields={"welcome": "欢迎"},
    pages_through_revisions=False,
    rows_before=(
        (
            "civil",
            "content.Department",
            {"name": "民政办", "slug": "minzheng", "phone": "0000-5555555", "sort_order": 1},
        ),
        ("police", "content.Department", {"name": "派出所户籍室", "slug": "huji", "sort_order": 2}),
        (
            "window1",
            "content.Window",
            {"name": "综合窗口1号", "department": Ref("police"), "location": "一楼东侧"},
        ),
        (
            "window3",
            "content.Window",
            {"name": "综合窗口3号", "department": Ref("civil"), "location": "一楼西侧"},
        ),
    ),
    pages=(
        node("catalog", ServiceCatalogPage, title="办事指南", slug="guides"),
        node(
            "civil_section",
            DepartmentSectionPage,
            "catalog",
            title="民政办",
            slug="minzheng",
            department=Ref("civil"),
        ),
        node(
            "police_section",
            DepartmentSectionPage,
            "catalog",
            title="派出所户籍室",
            slug="huji",
            department=Ref("police"),
        ),
        node(
            "disability",
            ServiceGuidePage,
            "civil_section",
            title="残疾人证申领",
            code="MZ-0003",
            department=Ref("civil"),
            window=Ref("window3"),
            topics=["残疾人服务", "社会救助"],
            promised_days=5,
            statutory_days=20,
            materials=[
                {"name": "居民身份证", "form": "原件", "copies": 1, "required": True},
                {
                    "name": "近期免冠照片",
                    "form": "电子件",
                    "copies": 2,
                    "required": False,
                    "note": "两寸白底",
                },
            ],
            steps=["提出申请", "窗口受理", "评定审核", "发证办结"],
            faqs=[("可以委托他人办理吗？", "可以，需带委托书。")],
        ),
        node(
            "subsidy",
            ServiceGuidePage,
            "civil_section",
            title="高龄津贴申请",
            code="MZ-0007",
            department=Ref("civil"),
            window=Ref("window3"),
            topics=["社会救助"],
            promised_days=0,
            statutory_days=None,
        ),
        node(
            "residence",
            ServiceGuidePage,
            "police_section",
            title="户口迁入",
            code="SG-001",
            department=Ref("police"),
            window=Ref("window1"),
            topics=["户籍办理"],
            for_organisations=True,
            fee_charged=True,
            fee_standard="工本费每证 10 元",
            fee_basis="《示范省行政事业性收费标准》第 12 项",
        ),
        node("announcements", AnnouncementIndexPage, title="办结公告", slug="notices"),
        node(
            "civil_notices",
            DepartmentSectionPage,
            "announcements",
            title="民政办办结公告",
            slug="minzheng",
            department=Ref("civil"),
        ),
        node(
            "announcement",
            CompletionAnnouncementPage,
            "civil_notices",
            title=f"{APPLICANT_FULL_NAME}残疾人证申领办结",
            slug="a-1",
            guide=Ref("disability"),
            matter="残疾人证申领",
            applicant=APPLICANT_FULL_NAME,
            result="approved",
            completed_on=datetime.date(2026, 10, 12),
            department=Ref("civil"),
        ),
        node("articles", ArticleIndexPage, title="政务公开", slug="open"),
        node(
            "article",
            ArticlePage,
            "articles",
            title="便民服务中心政务公开制度",
            slug="rules",
            category="disclosure",
            summary="公开什么、怎样公开",
            body="<p>中心公开办理事项的设定依据、条件、程序、时限和收费。</p>",
            issued_on=datetime.date(2026, 1, 5),
        ),
        node(
            "predisclosure",
            PreDisclosurePage,
            "articles",
            title="关于调整大厅办公时间的征求意见稿",
            slug="hours-draft",
            summary="拟将周六上午设为值班窗口开放时间。",
            draft="<p>周六 9:00-12:00 开放综合窗口。</p>",
            comment_opens=DaysFromToday(-3),
            comment_closes=DaysFromToday(10),
        ),
        node(
            "commitments",
            CommitmentPage,
            title="服务承诺",
            slug="commitments",
            commitments="<p>材料齐全的即办事项当场办结。</p>",
            breach_handling="<p>超过承诺时限未办结的，向办事群众说明原因并致歉。</p>",
            complaint_channels="<p>大厅设意见箱。</p>",
        ),
        node("fees", FeeDisclosurePage, title="收费公示", slug="fees"),
        node("notice_index", NoticeIndexPage, title="通知公告", slug="tongzhi"),
        node(
            "notice",
            NoticePage,
            "notice_index",
            title="关于元旦期间办公安排的通知",
            slug="yuandan",
            category="holiday",
            date=datetime.date(2026, 12, 25),
            summary="1月1日至3日暂停对外办公，1月4日起恢复正常办公。",
            body="<p>元旦期间中心暂停对外办公。</p><p>紧急事项请拨打值班电话。</p>",
        ),
        node("roster", StaffRosterPage, title="工作人员公示", slug="staff"),
    ),
    rows_after=(
        (
            "leader",
            "content.StaffMember",
            {"name": "赵主任", "post": "中心主任", "is_leader": True},
        ),
        (
            "backup",
            "content.StaffMember",
            {
                "name": "李四",
                "post": "综合受理员",
                "window": Ref("window3"),
                "department": Ref("civil"),
                "sort_order": 2,
            },
        ),
        (
            "primary",
            "content.StaffMember",
            {
                "name": "张三",
                "post": "综合受理员",
                "window": Ref("window3"),
                "department": Ref("civil"),
                "duties": "残疾人证、高龄津贴受理",
                "backup": Ref("backup"),
                "sort_order": 1,
            },
        ),
        (
            None,
            "content.LeaderDuty",
            {"date": DaysFromToday(0), "leader": Ref("leader"), "note": "全天"},
        ),
    ),
)


# The search tests' catalog: guides in five departments, a draft and a guide behind a
# password, and every other indexed content type. The quality tests' expectations rest on
# exactly these texts.
SEARCH_APPLICANT = "欧阳娜娜"
SEARCH_APPLICANT_MASKED = "欧***"
SEARCH_GUIDE_DEFAULTS = {
    "basis": "《示范条例》第三条",
    "conditions": "本镇户籍居民可以申请。",
    "statutory_days": 20,
    "promised_days": 5,
    "location": "镇便民服务中心一楼",
    "hours": "工作日 9:00-17:00",
}
_SEARCH_DEPARTMENTS = (
    ("huji", "派出所户籍室"),
    ("minzheng", "民政办"),
    ("shebao", "社会保障所"),
    ("shichang", "市场监管所"),
    ("ziran", "自然资源和规划所"),
)

SEARCH_SITE = SitePlan(
    home_slug="search-home",
    guide_defaults=SEARCH_GUIDE_DEFAULTS,
    rows_before=(
        *(
            (slug, "content.Department", {"name": name, "slug": slug})
            for slug, name in _SEARCH_DEPARTMENTS
        ),
        ("window", "content.Window", {"name": "综合窗口3号", "department": Ref("minzheng")}),
    ),
    pages=(
        node("catalog", ServiceCatalogPage, title="办事指南", slug="guides"),
        *(
            node(
                f"{slug}_section",
                DepartmentSectionPage,
                "catalog",
                title=name,
                slug=slug,
                department=Ref(slug),
            )
            for slug, name in _SEARCH_DEPARTMENTS
        ),
        node(
            "hukou",
            ServiceGuidePage,
            "huji_section",
            title="户口迁移办事指南",
            code="T-HJ-01",
            department=Ref("huji"),
            topics=["户籍办理"],
            materials=["居民户口簿", "居民身份证"],
            steps=["提交申请", "民警审核", "办结"],
            faqs=[("家里人能代办吗？", "可以，带上双方身份证。")],
        ),
        node(
            "birth",
            ServiceGuidePage,
            "huji_section",
            title="出生登记（新生儿落户）",
            code="T-HJ-02",
            department=Ref("huji"),
            topics=["户籍办理", "生育服务"],
            materials=["出生医学证明", "父母双方居民户口簿"],
            conditions="新生儿出生后一个月内，由父母一方申报出生登记。",
        ),
        node(
            "idcard",
            ServiceGuidePage,
            "huji_section",
            title="居民身份证补领",
            code="T-HJ-03",
            department=Ref("huji"),
            topics=["户籍办理"],
            fee_charged=True,
            fee_standard="补领居民身份证每证收取工本费20元",
            fee_basis="《居民身份证收费标准通知》",
            faqs=[("能不能<script>加急</script>办理？", "不能，请以窗口告知为准。")],
        ),
        node(
            "dibao",
            ServiceGuidePage,
            "minzheng_section",
            title="最低生活保障申请",
            code="T-MZ-01",
            department=Ref("minzheng"),
            window=Ref("window"),
            topics=["社会救助"],
            conditions="家庭人均收入低于当地低保标准，经家庭经济状况核对符合条件的本镇户籍家庭。",
        ),
        node(
            "pension",
            ServiceGuidePage,
            "shebao_section",
            title="城乡居民基本养老保险待遇资格认证",
            code="T-SB-01",
            department=Ref("shebao"),
            topics=["社会保险"],
            conditions="正在领取城乡居民养老金的人员，每年认证一次。",
        ),
        node(
            "medical",
            ServiceGuidePage,
            "shebao_section",
            title="城乡居民基本医疗保险参保登记",
            code="T-SB-02",
            department=Ref("shebao"),
            topics=["医疗保障"],
        ),
        node(
            "shop",
            ServiceGuidePage,
            "shichang_section",
            title="个体工商户设立登记",
            code="T-SC-01",
            department=Ref("shichang"),
            topics=["开办经营"],
            materials=["经营者身份证", "经营场所使用证明"],
        ),
        node(
            "house",
            ServiceGuidePage,
            "ziran_section",
            title="农村宅基地和建房申请",
            code="T-ZR-01",
            department=Ref("ziran"),
            topics=["农村建房"],
            conditions="本村集体经济组织成员，一户只能拥有一处宅基地。",
        ),
        # Not public: a draft, and a guide behind a password.
        node(
            "draft",
            ServiceGuidePage,
            "huji_section",
            title="户口本遗失补办草稿",
            slug="t-hj-draft",
            code="T-HJ-DRAFT",
            department=Ref("huji"),
            live=False,
        ),
        node(
            "restricted",
            ServiceGuidePage,
            "huji_section",
            title="户口内部核查流程",
            code="T-HJ-INT",
            department=Ref("huji"),
            view_password="secret",
        ),
        node(
            "commitment",
            CommitmentPage,
            title="服务承诺",
            slug="commitments",
            commitments="<p>限时办结，超时由中心负责人督办。</p>",
            breach_handling="<p>违反承诺的，按规定追究责任。</p>",
        ),
        node("fees", FeeDisclosurePage, title="收费公示", slug="fees"),
        node("roster", StaffRosterPage, title="工作人员公示", slug="roster"),
        node("announcements", AnnouncementIndexPage, title="办结公告", slug="announcements"),
        node(
            "civil_notices",
            DepartmentSectionPage,
            "announcements",
            title="民政办公告",
            slug="minzheng-ann",
            department=Ref("minzheng"),
        ),
        node(
            "announcement",
            CompletionAnnouncementPage,
            "civil_notices",
            title=f"{SEARCH_APPLICANT}最低生活保障申请办结公告",
            slug="ann-1",
            matter="最低生活保障申请",
            applicant=SEARCH_APPLICANT,
            result="approved",
            completed_on=datetime.date(2025, 3, 1),
            department=Ref("minzheng"),
        ),
        node("articles", ArticleIndexPage, title="制度文件", slug="rules"),
        node(
            "article",
            ArticlePage,
            "articles",
            title="首问责任制",
            slug="first-contact",
            body="<p>群众第一个询问的工作人员负责到底，不得推诿。</p>",
            issued_on=datetime.date(2024, 5, 1),
        ),
        node(
            "predisclosure",
            PreDisclosurePage,
            "articles",
            title="关于调整高龄津贴发放标准的预公开",
            slug="pre-1",
            summary="拟提高八十周岁以上老年人高龄津贴标准。",
            draft="<p>八十至八十九周岁每月一百元。</p>",
            comment_opens=DaysFromToday(0),
            comment_closes=DaysFromToday(10),
        ),
    ),
    rows_after=(
        (
            "staff",
            "content.StaffMember",
            {
                "name": "李秀英",
                "post": "社会救助窗口受理员",
                "department": Ref("minzheng"),
                "window": Ref("window"),
                "duties": "负责低保、特困供养的受理和政策解答",
            },
        ),
        (
            "retired",
            "content.StaffMember",
            {"name": "赵退休", "post": "原窗口人员", "is_active": False},
        ),
    ),
)


# The browser journeys' site: two departments and three guides with materials, an
# announcement, an open pre-disclosure, and bookable slots at the pension guide's window.
PENSION_TITLE = "城乡居民基本养老保险参保登记"
PENSION_MATERIALS = ["居民身份证", "居民户口簿"]
BROWSER_GUIDE_DEFAULTS = {
    "basis": "《城乡居民基本养老保险条例》",
    "conditions": "年满16周岁、不是在校学生、未参加职工养老保险的本镇户籍居民。",
    "statutory_days": 20,
    "promised_days": 5,
    "location": "镇便民服务中心一楼",
    "hours": "工作日 9:00-17:00",
    "phone": "0000-1234567",
}

BROWSER_SITE = SitePlan(
    home_slug="e2e-home",
    center_settings={"hours": "周一至周五 9:00-17:00", "complaint_channels": ""},
    guide_defaults=BROWSER_GUIDE_DEFAULTS,
    rows_before=(
        ("social", "content.Department", {"name": "社会保障所", "slug": "shebao", "sort_order": 1}),
        ("civil", "content.Department", {"name": "民政办", "slug": "minzheng", "sort_order": 2}),
        (
            "window2",
            "content.Window",
            {"name": "2号窗口（社保）", "department": Ref("social"), "location": "一楼东侧"},
        ),
        (
            "window3",
            "content.Window",
            {"name": "3号窗口（民政）", "department": Ref("civil"), "location": "一楼西侧"},
        ),
    ),
    pages=(
        node("catalog", ServiceCatalogPage, title="办事指南", slug="guides"),
        node(
            "social_section",
            DepartmentSectionPage,
            "catalog",
            title="社会保障所",
            slug="shebao",
            department=Ref("social"),
        ),
        node(
            "civil_section",
            DepartmentSectionPage,
            "catalog",
            title="民政办",
            slug="minzheng",
            department=Ref("civil"),
        ),
        node(
            "pension",
            ServiceGuidePage,
            "social_section",
            title=PENSION_TITLE,
            code="SB-001",
            department=Ref("social"),
            window=Ref("window2"),
            materials=PENSION_MATERIALS,
            steps=["窗口提交材料", "社保所审核", "录入参保信息"],
            promised_days=3,
        ),
        node(
            "subsidy",
            ServiceGuidePage,
            "civil_section",
            title="高龄津贴申请",
            code="MZ-001",
            department=Ref("civil"),
            window=Ref("window3"),
            materials=["老年人身份证"],
            conditions="年满80周岁的本镇户籍老年人。",
            promised_days=5,
        ),
        node(
            "dibao",
            ServiceGuidePage,
            "civil_section",
            title="最低生活保障申请",
            code="MZ-002",
            department=Ref("civil"),
            window=Ref("window3"),
            materials=["申请书", "家庭成员身份证"],
            conditions="家庭人均收入低于当地低保标准的本镇户籍家庭。",
            promised_days=10,
            statutory_days=30,
        ),
        node("announcements", AnnouncementIndexPage, title="办结公告", slug="announcements"),
        node(
            "civil_notices",
            DepartmentSectionPage,
            "announcements",
            title="民政办公告",
            slug="minzheng-ann",
            department=Ref("civil"),
        ),
        node(
            "announcement",
            CompletionAnnouncementPage,
            "civil_notices",
            title="王小明高龄津贴申请办结公告",
            slug="ann-1",
            matter="高龄津贴申请",
            applicant="王小明",
            result="approved",
            completed_on=datetime.date(2026, 10, 12),
            department=Ref("civil"),
        ),
        node("articles", ArticleIndexPage, title="政务公开", slug="open"),
        node(
            "predisclosure",
            PreDisclosurePage,
            "articles",
            title="关于调整高龄津贴发放标准的预公开",
            slug="pre-1",
            summary="拟提高八十周岁以上老年人高龄津贴标准。",
            draft="<p>八十至八十九周岁每月一百元。</p>",
            comment_opens=DaysFromToday(-1),
            comment_closes=DaysFromToday(10),
        ),
        node(
            "evaluation_results",
            EvaluationResultsPage,
            "articles",
            title="效能考评公示",
            slug="evaluation",
            intro="<p>各窗口每月效能考评结果，经中心负责人确认后公示。</p>",
        ),
        node(
            "commitments",
            CommitmentPage,
            title="服务承诺",
            slug="commitments",
            commitments="<p>限时办结，超时由中心负责人督办。</p>",
            breach_handling="<p>违反承诺的，按规定追究责任。</p>",
        ),
        node("fees", FeeDisclosurePage, title="收费公示", slug="fees"),
        node("roster", StaffRosterPage, title="工作人员公示", slug="staff"),
        node("notice_index", NoticeIndexPage, title="通知公告", slug="notices"),
        node(
            "notice_0",
            NoticePage,
            "notice_index",
            title="关于元旦期间办公安排的通知",
            slug="notice-0",
            category="holiday",
            date=DaysFromToday(-0),
            summary="关于元旦期间办公安排的通知的摘要。",
            body="<p>关于元旦期间办公安排的通知的正文。</p>",
        ),
        node(
            "notice_1",
            NoticePage,
            "notice_index",
            title="城乡居民养老保险缴费标准调整政策解读",
            slug="notice-5",
            category="policy",
            date=DaysFromToday(-5),
            summary="城乡居民养老保险缴费标准调整政策解读的摘要。",
            body="<p>城乡居民养老保险缴费标准调整政策解读的正文。</p>",
        ),
        node(
            "notice_2",
            NoticePage,
            "notice_index",
            title="关于社保窗口调整至二楼办理的通知",
            slug="notice-12",
            category="notice",
            date=DaysFromToday(-12),
            summary="关于社保窗口调整至二楼办理的通知的摘要。",
            body="<p>关于社保窗口调整至二楼办理的通知的正文。</p>",
        ),
        node(
            "notice_3",
            NoticePage,
            "notice_index",
            title="上月办件情况公告",
            slug="notice-30",
            category="bulletin",
            date=DaysFromToday(-30),
            summary="上月办件情况公告的摘要。",
            body="<p>上月办件情况公告的正文。</p>",
        ),
    ),
    rows_after=(
        (
            None,
            "content.StaffMember",
            {
                "name": "张丽",
                "post": "社保窗口A岗",
                "department": Ref("social"),
                "window": Ref("window2"),
                "duties": "养老保险参保和待遇申领",
            },
        ),
        # 预约办理: the pension guide's window takes bookings every weekday morning.
        *(
            (
                None,
                "bookings.BookingSlot",
                {
                    "window": Ref("window2"),
                    "weekday": weekday,
                    "start": datetime.time(9),
                    "end": datetime.time(10),
                    "capacity": 3,
                },
            )
            for weekday in range(5)
        ),
    ),
    finish=(
        lambda site: setattr(site, "notices", [getattr(site, f"notice_{i}") for i in range(4)]),
        lambda site: setattr(site, "notice", site.notice_0),
        lambda site: confirmed_evaluation(),
    ),
)


def confirmed_evaluation():
    """The month before last evaluated and confirmed (windows only: no window staff have accounts
    yet), so the public 效能考评公示 page shows its tables and charts."""
    month = evaluation_cycle.previous_month(evaluation_cycle.previous_month())
    evaluation = evaluation_cycle.generate(month)
    deadline_passed = workdays.add_working_days(evaluation.objection_deadline, 1)
    evaluation_cycle.confirm(evaluation, None, today=deadline_passed)


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture
def center_settings(db):
    return build_center_settings()


@pytest.fixture
def site_tree(db, center_settings):
    """PORTAL_SITE: one page of every public type."""
    return build_site(PORTAL_SITE)


# --- the clock -------------------------------------------------------------------------------

# A Thursday morning in an ordinary working week, no holiday near: tests about "now" travel
# here (the clock keeps ticking), so a session "started twenty minutes ago" never began
# yesterday and "tomorrow" is always a working day.
WORKING_MORNING = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def working_morning():
    with time_machine.travel(WORKING_MORNING, tick=True):
        yield WORKING_MORNING


# The eve of National Day 2026: the next working days are 8, 9 and Saturday 10 October (调休),
# so deadlines counted from "today" show whether the working-day clock skips the holiday.
NATIONAL_DAY_EVE = datetime.datetime(2026, 9, 30, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def national_day_eve():
    with time_machine.travel(NATIONAL_DAY_EVE, tick=True):
        yield NATIONAL_DAY_EVE


def session_around_now(host, started_minutes_ago=20, topic="业务学习", center=None):
    """A study session under way: started `started_minutes_ago`, ending in an hour, in
    `center` (the only center when not given).

    Use it under `working_morning`, far from midnight.
    """
    now = timezone.localtime()
    start = now - datetime.timedelta(minutes=started_minutes_ago)
    end = now + datetime.timedelta(minutes=60)
    center = center or Center.only()
    return StudySession.objects.create(
        center=center,
        plan=StudyPlan.objects.get_or_create(
            center=center, year=now.year, defaults={"title": f"{now.year}年学习计划"}
        )[0],
        date=now.date(),
        start_time=start.time().replace(microsecond=0),
        end_time=end.time().replace(microsecond=0),
        topic=topic,
        kind=StudySession.Kind.BUSINESS,
        host=host,
        place="三楼会议室",
    )


# --- the intranet ----------------------------------------------------------------------------


@pytest.fixture
def users(db):
    """One user per role; 'staff' handles the complaint, 'other_staff' has nothing to do with it."""
    return {
        "staff": make_user("staff1", roles.WINDOW_STAFF, first_name="王芳"),
        "other_staff": make_user("staff2", roles.WINDOW_STAFF, first_name="李强"),
        "head": make_user("head", roles.HEAD, first_name="郑建国"),
        "inspector": make_user("inspector", roles.INSPECTOR, first_name="孙卫东"),
        "editor": make_user("editor", roles.EDITOR, first_name="编辑"),
        "admin": make_user("sysadmin", roles.ADMIN, first_name="管理员"),
    }


@pytest.fixture
def clients(users):
    out = {key: client_for(u) for key, u in users.items()}
    out["anonymous"] = client_for(None)
    return out


def build_center(users):
    """A small center for the case, booking and question tests: one department, two windows,
    three guides (a 承诺件 with materials, a 即办件, a private one), an announcement board,
    staff profiles with an A/B pair ('staff' on the lead window, backed by 'bpost')."""
    home = fresh_home(slug="portal-home", welcome="欢迎")
    build_center_settings()
    civil = Department.objects.create(name="民政办", slug="minzheng", sort_order=1)
    lead = Window.objects.create(name="综合窗口3号", department=civil)
    partner = Window.objects.create(name="综合窗口5号", department=civil)
    catalog = home.add_child(instance=ServiceCatalogPage(title="办事指南", slug="guides"))
    section = catalog.add_child(
        instance=DepartmentSectionPage(title="民政办", slug="minzheng", department=civil)
    )
    promised = add_guide(
        section,
        title="残疾人证申领",
        code="MZ-0003",
        department=civil,
        window=lead,
        materials=["居民身份证", "户口簿", "近期免冠照片"],
    )
    immediate = add_guide(
        section,
        title="高龄津贴申请",
        code="MZ-0007",
        department=civil,
        window=lead,
        promised_days=0,
    )
    private = add_guide(
        section,
        title="最低生活保障申请",
        code="MZ-0010",
        department=civil,
        window=lead,
        announce_completions=False,
    )
    board = home.add_child(instance=AnnouncementIndexPage(title="办结公告", slug="notices"))
    board.save_revision().publish()
    a_post = StaffMember.objects.create(
        name="王芳", post="窗口人员", window=lead, user=users["staff"]
    )
    b_user = make_user("bpost", roles.WINDOW_STAFF, first_name="赵敏")
    b_post = StaffMember.objects.create(name="赵敏", post="窗口人员", window=partner, user=b_user)
    a_post.backup = b_post
    a_post.save()
    return SimpleNamespace(
        home=home,
        department=civil,
        lead=lead,
        partner=partner,
        promised=promised,
        immediate=immediate,
        private=private,
        board=board,
        b_user=b_user,
    )


@pytest.fixture
def center(db, users):
    return build_center(users)


def new_case(center, users, guide=None, today=None, accept_now=True, **fields):
    """A case received at the center's lead window by 'staff'."""
    data = {
        "guide": guide or center.promised,
        "window": center.lead,
        "handler": users["staff"],
        "applicant_name": "测试甲",
        "id_number": "110101199001011234",
        "phone": "13800001234",
        "address": "示范镇示范村1号",
        "channel": Case.Channel.WINDOW,
    }
    data.update(fields)
    return case_workflow.receive(
        Case(**data), users["staff"], accept_now=accept_now, today=today or timezone.localdate()
    )


@pytest.fixture
def case(center, users):
    return new_case(center, users)


@pytest.fixture
def case_objects(center, users):
    """One of everything a case URL can point at, all belonging to 'staff'."""
    case = new_case(center, users)
    refused = new_case(center, users)
    filing = case_workflow.refuse(refused, users["staff"], "不符合条件", "《办法》第八条")
    rated = new_case(center, users)
    case_workflow.complete(rated, users["staff"], "granted", "准予")
    rating = case_workflow.rate(rated, 1, "态度差")
    contact = FirstContact.objects.create(
        recorded_by=users["staff"],
        kind=FirstContact.Kind.ENQUIRY,
        matter="咨询残疾人证办理材料",
        action_taken="已当场解答",
    )
    return SimpleNamespace(case=case, filing=filing, follow_up=rating.follow_up, contact=contact)


@pytest.fixture
def slots(center):
    """Two slots a day at the lead window: 09:00–10:00 for two citizens, 14:30–15:30 for one."""
    made = {}
    for weekday in range(5):
        made[weekday] = (
            BookingSlot.objects.create(
                window=center.lead,
                weekday=weekday,
                start=datetime.time(9),
                end=datetime.time(10),
                capacity=2,
            ),
            BookingSlot.objects.create(
                window=center.lead,
                weekday=weekday,
                start=datetime.time(14, 30),
                end=datetime.time(15, 30),
                capacity=1,
            ),
        )
    return made


def first_bookable_day():
    return schedule.bookable_days()[0]


@pytest.fixture
def booking_objects(center, slots, users):
    """A booking and a 代办 request, for the URL walk."""
    day = first_bookable_day()
    booking = schedule.book(
        center.promised, slots[schedule.weekday_of(day)][0].pk, day, "测试甲", "13800001234"
    )
    service_request = ServiceRequest(
        kind=ServiceRequest.Kind.AGENCY,
        requester=ServiceRequest.Requester.ELDERLY,
        guide=center.immediate,
        matter="申请高龄津贴",
        name="测试乙",
        phone="13800005678",
        address="示范镇示范村2号",
    )
    save_with_new_code(service_request, "DB")
    return SimpleNamespace(booking=booking, slot=slots[0][0], request=service_request, day=day)


# An information request as the public form posts it.
INFO_REQUEST_POST = {
    "applicant_type": "person",
    "applicant_name": "李四",
    "id_number": "110101199003071234",
    "phone": "13900002222",
    "email": "",
    "address": "",
    "description": "2025年本镇低保资金发放明细",
    "purpose": "",
    "delivery": "in_person",
    "website": "",
}


def new_info_request(**fields):
    """An information request as the public form stores it."""
    values = {k: v for k, v in INFO_REQUEST_POST.items() if k != "website"}
    values.update(fields)
    return inforequest_workflow.receive(InfoRequest(**values))


@pytest.fixture
def info_request(db):
    return new_info_request()


def ask(guide=None, **fields):
    """A citizen's question, as the public form stores it."""
    values = {
        "content": "残疾人证到期了怎么换领？",
        "asker_name": "张三",
        "asker_contact": "13800001111",
    }
    values.update(fields)
    return question_workflow.receive(Question(guide=guide, **values))


@pytest.fixture
def question(center):
    """A question about the center's 残疾人证 guide (department 民政办, whose window staff is
    'staff'), open to publication."""
    return ask(center.promised, allow_publication=True)
